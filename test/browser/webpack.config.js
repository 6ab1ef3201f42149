/**
 * Builds the browser test (npm run test:browser) into test-artifacts/build/:
 *   fake-excel.js       the strict fake Excel + Office shim for the page (a `JunhengFake` global, no eval)
 *   pane.browser.js     the node runner (playwright-core, ExcelJS and other packages stay external)
 *   web.browser.js      the runner of the web page's suite (dist/check.html, 均衡自查 · 网页版)
 */
'use strict';

const path = require('path');
const webpack = require('webpack');

const root = path.resolve(__dirname, '../..');
const out = path.join(root, 'test-artifacts', 'build');
const ts = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: path.join(root, 'tsconfig.json'), compilerOptions: { sourceMap: false } } },
};
const common = {
  mode: 'development',
  devtool: false,
  context: root,
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  module: { rules: [ts] },
  performance: { hints: false },
  stats: 'errors-warnings',
};

module.exports = [
  {
    ...common,
    name: 'fake',
    target: 'web',
    entry: './test/browser/fake-entry.ts',
    output: { path: out, filename: 'fake-excel.js', library: { name: 'JunhengFake', type: 'var' } },
    // the fake counts request bytes with Buffer.byteLength: a local shim, no Node polyfill in the page
    plugins: [new webpack.ProvidePlugin({ Buffer: [path.join(__dirname, 'buffer-shim.ts'), 'Buffer'] })],
  },
  {
    ...common,
    name: 'runner',
    target: 'node20',
    entry: { 'pane.browser': './test/browser/pane.browser.ts', 'web.browser': './test/browser/web.browser.ts' },
    output: { path: out, filename: '[name].js' },
    node: { __dirname: false, __filename: false },
    // packages load from node_modules at run time
    externals: [({ request }, cb) => (/^[./]/.test(request) || path.isAbsolute(request) ? cb() : cb(null, `commonjs ${request}`))],
  },
];
