/**
 * Where the add-in's pages load office.js from, and the Content Security Policy that goes with it
 * (used by webpack.config.js and by test/build/office-js.test.ts).
 *
 *   hosted (default)  Microsoft's https://appsforoffice.microsoft.com/lib/1/hosted/office.js, as Microsoft
 *                     requires and the `yo office` template does. office.js loads its host scripts
 *                     (excel-web-16.00.js, excel-win32-16.01.js, …) and strings (zh-cn/office_strings.js)
 *                     as <script> elements from its own folder, so the CSP allows that origin for
 *                     scripts and for nothing else (no connect, frame, image or style source from it).
 *   local             OFFICE_JS=local: the npm @microsoft/office-js copy, copied into dist/office-js/ and
 *                     loaded from the add-in's own origin, CSP 'self' only — for intranets without
 *                     internet. That copy (1.1.110) is a stale 2022-era snapshot: no notes API
 *                     (ExcelApi 1.18 `workbook.notes`), so the add-in explains findings in 问题清单 only.
 */
'use strict';

const path = require('path');

const HOSTED_ORIGIN = 'https://appsforoffice.microsoft.com';
const HOSTED_FOLDER = `${HOSTED_ORIGIN}/lib/1/hosted/`;
const HOSTED_URL = `${HOSTED_FOLDER}office.js`;
const LOCAL_FOLDER = 'office-js/';
const LOCAL_URL = `${LOCAL_FOLDER}office.js`;
const MODES = ['hosted', 'local'];

/** The npm copy's folder (what OFFICE_JS=local ships, and what the browser test serves for the CDN). */
function npmDist() {
  return path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
}

/** `hosted` unless OFFICE_JS says `local`; anything else is refused (a typo must not ship the wrong one). */
function officeJsMode(value) {
  if (value === undefined || value === null || value === '') return 'hosted';
  const v = String(value).trim().toLowerCase();
  if (MODES.includes(v)) return v;
  throw new Error(`OFFICE_JS=${value}: 只能是 hosted（默认，Microsoft 的 office.js）或 local（npm 副本，供无外网的内网使用）`);
}

/** The src of the office.js <script> for a mode. */
function officeJsSrc(mode) {
  return officeJsMode(mode) === 'local' ? LOCAL_URL : HOSTED_URL;
}

/** One policy for every page: scripts only from this origin (and Microsoft's office.js in hosted mode). */
function csp(mode) {
  const scripts = officeJsMode(mode) === 'local' ? ["'self'"] : ["'self'", HOSTED_ORIGIN];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(' ')}`,
    // Griffel (Fluent UI) injects <style> elements; office.js sets inline styles
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
}

/** The pages, and whether each loads office.js (help.html is plain HTML). */
const PAGES = [
  { template: './src/taskpane/taskpane.html', filename: 'taskpane.html', chunks: ['taskpane'], officeJs: true },
  { template: './src/commands/commands.html', filename: 'commands.html', chunks: ['commands'], officeJs: true },
  { template: './src/commands/notice.html', filename: 'notice.html', chunks: ['notice'], officeJs: true },
  { template: './src/taskpane/help.html', filename: 'help.html', chunks: [], officeJs: false },
];

/**
 * HtmlWebpackPlugin options per page: the templates write `htmlWebpackPlugin.options.officeJs` as the
 * office.js src and `htmlWebpackPlugin.options.csp` into the CSP meta tag.
 */
function pageOptions(mode) {
  const m = officeJsMode(mode);
  return PAGES.map((p) => ({
    template: p.template,
    filename: p.filename,
    chunks: p.chunks,
    csp: csp(m),
    officeJs: p.officeJs ? officeJsSrc(m) : null,
  }));
}

/** office.js loads its host scripts and strings from its own folder; other hosts' files are left out. */
const LOCAL_IGNORE = [
  '**/*.debug.js',
  '**/*-vsdoc.js',
  '**/*.d.ts',
  '**/{access,onenote,outlook,outlookwebapp,powerpoint,project,visio,word}*.js',
  '**/outlook_strings.js',
];

/** CopyWebpackPlugin patterns for a mode: the npm copy into dist/office-js/ when local, nothing when hosted. */
function copyPatterns(mode) {
  if (officeJsMode(mode) !== 'local') return [];
  return [
    {
      from: '**/*',
      context: npmDist(),
      to: LOCAL_FOLDER,
      globOptions: { ignore: LOCAL_IGNORE },
      // Microsoft's files as published: not re-minified (and the build stays fast)
      info: { minimized: true },
    },
  ];
}

module.exports = {
  HOSTED_ORIGIN,
  HOSTED_FOLDER,
  HOSTED_URL,
  LOCAL_FOLDER,
  LOCAL_URL,
  PAGES,
  npmDist,
  officeJsMode,
  officeJsSrc,
  csp,
  pageOptions,
  copyPatterns,
};
