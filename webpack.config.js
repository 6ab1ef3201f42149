/**
 * Builds the Excel add-in into dist/ (yo office React template conventions):
 *   taskpane.html + taskpane (React + Fluent UI v9), commands.html + commands (ribbon functions),
 *   notice.html (command messages), help.html, assets/, manifest.xml. The pages load Microsoft's
 *   https://appsforoffice.microsoft.com/lib/1/hosted/office.js (scripts/office-js.js: the src and the CSP).
 *
 *   npm run build                  production build (no dev server, no certificates needed)
 *   OFFICE_JS=local npm run build  for intranets without internet: the npm @microsoft/office-js copy
 *                                  into dist/office-js/, loaded from the add-in's own origin, CSP 'self'
 *                                  (a stale snapshot without the notes API: see README "office.js")
 *   npm run dev-server             https://localhost:3000 with office-addin-dev-certs' certificate, as the
 *                                  template does; webpack's self-signed one when those cannot be had
 */
'use strict';

const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const officeJs = require('./scripts/office-js');

const DEV_PORT = 3000;

/**
 * dist/check.html (均衡自查 · 网页版, src/web): nothing leaves the page — scripts and the Web Worker only from its
 * own folder, no connection to any address (connect-src 'none'), no frames, forms or plug-ins. The result is
 * handed to the user as a blob: download, which needs no source.
 */
const CHECK_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  // Griffel (Fluent UI) injects <style> elements
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

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

/**
 * The dev server's certificate: office-addin-dev-certs' (it creates ~/.office-addin-dev-certs and
 * installs its CA, asking for sudo), else webpack's own self-signed certificate, with the reason.
 */
async function devHttps() {
  try {
    const devCerts = require('office-addin-dev-certs');
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { type: 'https', options: { ca, key, cert } };
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    console.warn(`[均衡自查] 无法使用 office-addin-dev-certs 的证书（${why}），改用 webpack 自签名证书：Office 可能不信任它。`);
    return 'https';
  }
}

/** The add-in's entries; a chunk none of them loads belongs to the web page. */
const ADDIN_RUNTIMES = new Set(['taskpane', 'commands', 'notice']);

function webOnly(chunk) {
  const r = chunk && chunk.runtime;
  const runtimes = typeof r === 'string' ? [r] : r ? [...r] : [];
  return runtimes.length > 0 && !runtimes.some((x) => ADDIN_RUNTIMES.has(x));
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  if (!dev && !process.env.ADDIN_URL) {
    console.warn('未设置 ADDIN_URL：dist/manifest.xml 仍指向 https://localhost:3000，只能在本机调试；部署时用 ADDIN_URL=https://服务器/路径/ npm run build');
  }
  // OFFICE_JS=local npm run build, or webpack --env OFFICE_JS=local
  const mode = officeJs.officeJsMode(env.OFFICE_JS ?? process.env.OFFICE_JS);
  const copy = [{ from: 'assets/*.png', to: 'assets/[name][ext]' }, manifestCopy(process.env.ADDIN_URL), ...officeJs.copyPatterns(mode)];

  return {
    mode: dev ? 'development' : 'production',
    // no eval-based source maps: the CSP forbids eval
    devtool: dev ? 'source-map' : false,
    // Chromium 86 (WPS's embedded engine, 360 / QQ fast modes) and later: webpack's own runtime as ES2020
    target: ['web', 'es2020'],
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      notice: './src/commands/notice.ts',
      // 均衡自查 · 网页版 (dist/check.html); its Web Worker (src/web/worker.ts) is emitted from client.ts
      check: './src/web/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      // chunks only the web page (check.html) and its worker load go to dist/web/: the add-in's files stay as they were
      chunkFilename: (pathData) => `${webOnly(pathData.chunk) ? 'web/' : ''}${dev ? '[name].chunk.js' : '[name].[contenthash:8].chunk.js'}`,
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          // Library code down to ES2020 as well (Chromium 86: tabster, Fluent's focus library, uses class
          // static blocks and ??=, which Chromium 86 cannot parse). TypeScript's transpiler, nothing else.
          test: /\.m?js$/,
          include: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              onlyCompileBundledFiles: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              compilerOptions: { allowJs: true, checkJs: false, target: 'es2020', module: 'es2020', moduleResolution: 'node', useDefineForClassFields: true, sourceMap: false },
            },
          },
        },
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
      // budget for the pane's own code; office.js files (OFFICE_JS=local) are Microsoft's
      assetFilter: (file) => file.endsWith('.js') && !file.startsWith(officeJs.LOCAL_FOLDER),
      maxEntrypointSize: 400 * 1024,
      maxAssetSize: 250 * 1024,
    },
    plugins: [
      ...officeJs.pageOptions(mode).map(
        (p) => new HtmlWebpackPlugin({ ...p, scriptLoading: 'defer', minify: !dev && { collapseWhitespace: true, removeComments: true } }),
      ),
      new HtmlWebpackPlugin({
        template: './src/web/check.html',
        filename: 'check.html',
        chunks: ['check'],
        csp: CHECK_PAGE_CSP,
        scriptLoading: 'defer',
        minify: !dev && { collapseWhitespace: true, removeComments: true },
      }),
      new CopyWebpackPlugin({ patterns: copy }),
    ],
    devServer: {
      port: DEV_PORT,
      // only for `webpack serve`: a build never asks for certificates
      server: env.WEBPACK_SERVE ? await devHttps() : 'https',
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      client: { overlay: { warnings: false } },
    },
  };
};

module.exports.manifestCopy = manifestCopy;
module.exports.CHECK_PAGE_CSP = CHECK_PAGE_CSP;
