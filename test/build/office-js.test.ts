/**
 * Where the pages load office.js from, and their CSP, for both builds — from the project's webpack config
 * (webpack.config.js with scripts/office-js.js), without running webpack: its HtmlWebpackPlugin options are
 * rendered through each page template the way html-webpack-plugin's default loader does (lodash template),
 * and its copy patterns are read. `npm run test:browser` checks the default (hosted) build for real.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as officeJs from '../../scripts/office-js';

const ROOT = path.resolve(__dirname, '../..');
const HOSTED = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const WEB_PAGE = 'check.html';

interface Plugin {
  constructor: { name: string };
  userOptions?: { template: string; filename: string; csp: string; officeJs: string | null };
  patterns?: { from: string; to?: string; context?: string }[];
}
type Config = (env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<{ plugins: Plugin[] }>;

/* eslint-disable @typescript-eslint/no-require-imports */
const webpackConfig = require('../../webpack.config.js') as Config;
/** lodash's template, which html-webpack-plugin's default loader uses (it brings lodash; no @types here). */
const template = require('lodash/template') as (source: string, options: { interpolate: RegExp }) => (data: object) => string;
/* eslint-enable @typescript-eslint/no-require-imports */

interface Rendered {
  filename: string;
  csp: Map<string, string[]>;
  scripts: string[];
}

/** The webpack config for a build, with each page rendered from its template. */
async function build(env: Record<string, unknown>) {
  const config = await webpackConfig({ WEBPACK_BUILD: true, ...env }, { mode: 'production' });
  const pages: Rendered[] = config.plugins
    .filter((p) => p.constructor.name === 'HtmlWebpackPlugin')
    .map((p) => {
      const o = p.userOptions!;
      const source = fs.readFileSync(path.join(ROOT, o.template), 'utf8');
      const html = template(source, { interpolate: /<%=([\s\S]+?)%>/g })({ htmlWebpackPlugin: { options: o } });
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
      if (!meta) throw new Error(`${o.filename}: no CSP meta tag`);
      const csp = new Map(
        meta[1]
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .filter((d) => d[0])
          .map((d) => [d[0], d.slice(1)] as [string, string[]]),
      );
      const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]*)"/g)].map((m) => m[1]);
      return { filename: o.filename, csp, scripts };
    });
  const copies = config.plugins.filter((p) => p.constructor.name === 'CopyPlugin').flatMap((p) => p.patterns ?? []);
  // the web page (均衡自查 · 网页版) loads no office.js and has its own policy: checked on its own below
  return { pages: pages.filter((p) => p.filename !== WEB_PAGE), web: pages.find((p) => p.filename === WEB_PAGE), copies };
}

const withOfficeJs = ['taskpane.html', 'commands.html', 'notice.html'];

describe('office.js and the CSP of each page', () => {
  const saved = process.env.OFFICE_JS;
  afterEach(() => {
    if (saved === undefined) delete process.env.OFFICE_JS;
    else process.env.OFFICE_JS = saved;
  });

  test('default build: the pane, the commands page and the notice dialog load Microsoft’s hosted office.js; scripts from that origin only', async () => {
    delete process.env.OFFICE_JS;
    const { pages, copies } = await build({});
    expect(pages.map((p) => p.filename).sort()).toEqual([...withOfficeJs, 'help.html'].sort());
    for (const p of pages) {
      const office = p.scripts.filter((s) => /(^|\/)office\.js$/.test(s));
      expect([p.filename, office]).toEqual([p.filename, withOfficeJs.includes(p.filename) ? [HOSTED] : []]);
      expect([p.filename, p.csp.get('script-src')]).toEqual([p.filename, ["'self'", 'https://appsforoffice.microsoft.com']]);
      // Microsoft's origin for scripts and nothing else
      for (const [d, v] of p.csp) if (d !== 'script-src') expect([p.filename, d, v.filter((s) => /^https?:|^\*$/.test(s))]).toEqual([p.filename, d, []]);
      expect(p.csp.get('connect-src')).toEqual(["'self'"]);
      expect(p.csp.get('frame-src')).toEqual(["'self'"]);
      expect(p.csp.get('object-src')).toEqual(["'none'"]);
      for (const v of p.csp.values()) expect(v).not.toContain("'unsafe-eval'");
      // every other script is the page's own (relative)
      for (const s of p.scripts.filter((x) => x !== HOSTED)) expect(s).not.toMatch(/^(https?:)?\/\//);
    }
    // nothing of office.js is copied into dist/
    expect(copies.filter((c) => (c.to ?? '').startsWith('office-js'))).toEqual([]);
  });

  test.each([
    ['OFFICE_JS=local', () => (process.env.OFFICE_JS = 'local'), {}],
    ['webpack --env OFFICE_JS=local', () => delete process.env.OFFICE_JS, { OFFICE_JS: 'local' }],
  ])('%s: the pages load office-js/office.js from the add-in’s own origin, CSP \'self\' only, the npm copy is copied', async (_name, setEnv, env) => {
    setEnv();
    const { pages, copies } = await build(env);
    for (const p of pages) {
      const office = p.scripts.filter((s) => /(^|\/)office\.js$/.test(s));
      expect([p.filename, office]).toEqual([p.filename, withOfficeJs.includes(p.filename) ? ['office-js/office.js'] : []]);
      expect([p.filename, p.csp.get('script-src')]).toEqual([p.filename, ["'self'"]]);
      for (const [d, v] of p.csp) expect([p.filename, d, v.filter((s) => /^https?:|^\*$/.test(s))]).toEqual([p.filename, d, []]);
      for (const s of p.scripts) expect(s).not.toMatch(/^(https?:)?\/\//);
    }
    const copy = copies.filter((c) => c.to === 'office-js/');
    expect(copy).toHaveLength(1);
    expect(copy[0].context).toBe(path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist'));
    // what the copy must hold for Excel: the loader, its Excel host scripts and the Chinese strings
    for (const f of ['office.js', 'excel-web-16.00.js', 'excel-win32-16.01.js', 'zh-cn/office_strings.js']) expect(fs.existsSync(path.join(copy[0].context!, f))).toBe(true);
  });

  test.each([['default build', {}], ['OFFICE_JS=local', { OFFICE_JS: 'local' }]])(
    '%s: check.html (the web page) loads no office.js, names no origin, allows no connection',
    async (_name, env) => {
      delete process.env.OFFICE_JS;
      const { web } = await build(env);
      expect(web).toBeDefined();
      expect(web!.scripts.filter((s) => /office\.js$/.test(s))).toEqual([]);
      for (const s of web!.scripts) expect(s).not.toMatch(/^(https?:)?\/\//);
      expect(web!.csp.get('default-src')).toEqual(["'none'"]);
      expect(web!.csp.get('connect-src')).toEqual(["'none'"]);
      expect(web!.csp.get('script-src')).toEqual(["'self'"]);
      expect(web!.csp.get('worker-src')).toEqual(["'self'"]);
      for (const [d, v] of web!.csp) expect([d, v.filter((x) => !/^'(self|none|unsafe-inline)'$|^data:$/.test(x))]).toEqual([d, []]);
    },
  );

  test('a mistyped OFFICE_JS is refused with a Chinese message, not built with the wrong office.js', async () => {
    process.env.OFFICE_JS = 'locale';
    await expect(build({})).rejects.toThrow(/OFFICE_JS=locale: 只能是 hosted.*或 local/);
    expect(officeJs.officeJsMode(' Local ')).toBe('local');
    expect(officeJs.officeJsMode('hosted')).toBe('hosted');
    expect(officeJs.officeJsMode('')).toBe('hosted');
  });

  test('each page template takes office.js and the CSP from the config (no hard-coded src)', () => {
    for (const p of officeJs.PAGES) {
      const source = fs.readFileSync(path.join(ROOT, p.template), 'utf8');
      expect([p.filename, /<script\s+src="(?!<%)[^"]*office\.js"/.test(source)]).toEqual([p.filename, false]);
      expect([p.filename, source.includes('<%= htmlWebpackPlugin.options.officeJs %>')]).toEqual([p.filename, p.officeJs]);
      expect([p.filename, source.includes('content="<%= htmlWebpackPlugin.options.csp %>"')]).toEqual([p.filename, true]);
    }
  });
});
