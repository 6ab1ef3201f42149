/**
 * Builds the Excel add-in into dist/ (yo office React template conventions):
 *   taskpane.html + taskpane (React + Fluent UI v9), commands.html + commands (ribbon functions),
 *   notice.html (command messages), help.html, assets/, manifest.xml, and office.js copied from
 *   @microsoft/office-js/dist into dist/office-js/ — every file from the add-in's own origin, no CDN.
 *
 *   npm run build        production build (no dev server, no certificates needed)
 *   npm run dev-server   https://localhost:3000 (uses ~/.office-addin-dev-certs if present,
 *                        else webpack's self-signed certificate)
 */
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const DEV_PORT = 3000;

/** One policy for every page: scripts only from this origin; Griffel injects <style> elements. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // office.js tries to frame a Microsoft telemetry page when outside Office; no Microsoft web services
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** office.js loads its host scripts and strings from its own folder; other hosts' files are left out. */
const OFFICE_JS_IGNORE = [
  '**/*.debug.js',
  '**/*-vsdoc.js',
  '**/*.d.ts',
  '**/{access,onenote,outlook,outlookwebapp,powerpoint,project,visio,word}*.js',
  '**/outlook_strings.js',
];

/**
 * manifest.xml into dist/: with ADDIN_URL (`ADDIN_URL=https://server/path/ npm run build`) every URL is moved
 * under that address (scripts/prod-manifest.js, the template's urlDev → urlProd); without it the development
 * manifest (https://localhost:3000) is copied as it is, for sideloading on this PC only.
 */
function manifestCopy(addinUrl) {
  const { productionManifest } = require('./scripts/prod-manifest');
  const pattern = { from: 'manifest.xml', to: 'manifest.xml' };
  if (addinUrl) pattern.transform = (content) => productionManifest(content.toString('utf8'), addinUrl);
  return pattern;
}

function devHttps() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { key: 'localhost.key', cert: 'localhost.crt', ca: 'ca.crt' };
  if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) return 'https';
  return {
    type: 'https',
    options: Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))])),
  };
}

module.exports = (env, argv) => {
  if (argv.mode === 'production' && !process.env.ADDIN_URL) {
    console.warn('未设置 ADDIN_URL：dist/manifest.xml 仍指向 https://localhost:3000，只能在本机调试；部署时用 ADDIN_URL=https://服务器/路径/ npm run build');
  }
  const dev = argv.mode !== 'production';
  const page = (template, filename, chunks) =>
    new HtmlWebpackPlugin({ template, filename, chunks, csp: CSP, scriptLoading: 'defer', minify: !dev && { collapseWhitespace: true, removeComments: true } });

  return {
    mode: dev ? 'development' : 'production',
    // no eval-based source maps: the CSP forbids eval
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      notice: './src/commands/notice.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].chunk.js' : '[name].[contenthash:8].chunk.js',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // ES modules for webpack so Fluent UI and the icons tree-shake and React.lazy splits
              compilerOptions: { module: 'es2020', moduleResolution: 'node', sourceMap: dev },
            },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          // React on its own: shared by the pane and (if a command ever needs it) other pages
          react: { test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, name: 'react', priority: 20 },
        },
      },
    },
    performance: {
      hints: dev ? false : 'warning',
      // budget for the pane's own code; office.js files are Microsoft's and loaded by office.js itself
      assetFilter: (file) => file.endsWith('.js') && !file.startsWith('office-js/'),
      maxEntrypointSize: 400 * 1024,
      maxAssetSize: 250 * 1024,
    },
    plugins: [
      page('./src/taskpane/taskpane.html', 'taskpane.html', ['taskpane']),
      page('./src/commands/commands.html', 'commands.html', ['commands']),
      page('./src/commands/notice.html', 'notice.html', ['notice']),
      page('./src/taskpane/help.html', 'help.html', []),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          manifestCopy(process.env.ADDIN_URL),
          {
            from: '**/*',
            context: path.resolve(__dirname, 'node_modules/@microsoft/office-js/dist'),
            to: 'office-js/',
            globOptions: { ignore: OFFICE_JS_IGNORE },
            // Microsoft's files as published: not re-minified (and the build stays fast)
            info: { minimized: true },
          },
        ],
      }),
    ],
    devServer: {
      port: DEV_PORT,
      server: devHttps(),
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      client: { overlay: { warnings: false } },
    },
  };
};

module.exports.manifestCopy = manifestCopy;
