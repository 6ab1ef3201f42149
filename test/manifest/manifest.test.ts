/**
 * The manifest checks (scripts/manifest-check.js, run by `npm run validate`): the real manifest passes;
 * broken copies fail with the right check named.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkManifest, defaultSchemaDir, pngSize, type Problem } from '../../scripts/manifest-check';
import { addinBase, productionManifest } from '../../scripts/prod-manifest';
import { main as drawIcons } from '../../scripts/draw-icons';

const ROOT = path.resolve(__dirname, '../..');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

/** Replaces exactly one occurrence, so a test fails loudly if the manifest changes under it. */
function edit(xml: string, from: string, to: string): string {
  const n = xml.split(from).length - 1;
  if (n !== 1) throw new Error(`expected "${from}" once in manifest.xml, found ${n}`);
  return xml.replace(from, to);
}

const checks = (problems: Problem[]) => Array.from(new Set(problems.map((p) => p.check))).sort();

async function problemsOf(xml: string, opts: { rootDir?: string } = {}) {
  return (await checkManifest({ xml, ...opts })).problems;
}

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'junheng-manifest-'));
}

/** A copy of the parts of the repository the checks read (assets/, src/commands/commands.ts). */
function copyRoot(): string {
  const dir = tmpDir();
  fs.cpSync(path.join(ROOT, 'assets'), path.join(dir, 'assets'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'src/commands'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'src/commands/commands.ts'), path.join(dir, 'src/commands/commands.ts'));
  return dir;
}

/**
 * Microsoft's XSDs are not part of the repository: found through JUNHENG_SCHEMAS or beside the repository
 * (the developers' machines; CI sets JUNHENG_SCHEMAS). The schema tests run where they are; a bare clone
 * runs every other check and its own test of what it says instead.
 */
const SCHEMAS: string | null = defaultSchemaDir();

/** A test that needs the XSDs; without them it only asserts that this is not CI (CI must run it). */
const itWithSchemas = (name: string, fn: () => unknown) =>
  SCHEMAS ? it(name, fn as () => Promise<void>) : it(`${name}: needs Microsoft's XSDs, which CI has`, () => expect(process.env.CI).toBeFalsy());

describe('manifest.xml', () => {
  if (SCHEMAS) {
    it('finds the schemas', () => {
      expect(fs.existsSync(path.join(SCHEMAS, 'OfficeAppManifestV1_1.xsd'))).toBe(true);
    });
  } else {
    it('without the schemas (a bare clone), `npm run validate` says so in one line and CI never gets here', () => {
      expect(process.env.CI).toBeFalsy();
      const out = execFileSync(process.execPath, [path.join(ROOT, 'scripts/validate-manifest.js'), path.join(ROOT, 'manifest.xml')], { encoding: 'utf8' });
      expect(out.trim().split('\n')).toHaveLength(1);
      expect(out).toMatch(/架构 schema 未校验.*JUNHENG_SCHEMAS/);
      const strict = spawnSync(process.execPath, [path.join(ROOT, 'scripts/validate-manifest.js'), '--require-schemas'], { encoding: 'utf8' });
      expect(strict.status).toBe(1);
    });
  }

  it('passes every check', async () => {
    const { problems, summary } = await checkManifest();
    expect(problems).toEqual([]);
    expect(summary).toMatchObject({ id: '1fd498dc-9c61-4f94-bc86-a8251095bc8e', origin: 'https://localhost:3000', schema: SCHEMAS });
    expect(summary!.resids).toBeGreaterThanOrEqual(20);
    expect(summary!.icons).toBe(14); // IconUrl, HighResolutionIconUrl, group 3, three buttons × 3
  });

  it('declares what the product needs', () => {
    expect(MANIFEST).toContain('xsi:type="TaskPaneApp"');
    // 1.13: getMergedAreasOrNullObject, which the Office host calls unguarded (notes, 1.18, are optional)
    expect(MANIFEST).toMatch(/<Set Name="ExcelApi" MinVersion="1\.13"\/>/);
    expect(MANIFEST).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(MANIFEST).toContain('<DefaultLocale>zh-CN</DefaultLocale>');
    expect(MANIFEST).toMatch(/<DisplayName DefaultValue="均衡自查">\s*<Override Locale="en-US" Value="Junheng self-check"\/>/);
    for (const fn of ['runCheck', 'clearMarks']) expect(MANIFEST).toContain(`<FunctionName>${fn}</FunctionName>`);
    for (const label of ['打开自查面板', '一键自查', '清除标记']) expect(MANIFEST).toContain(`DefaultValue="${label}"`);
  });

  it('`npm run validate` prints one OK line and exits 0', () => {
    const out = execFileSync(process.execPath, [path.join(ROOT, 'scripts/validate-manifest.js'), path.join(ROOT, 'manifest.xml')], { encoding: 'utf8' });
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(out).toMatch(/^清单校验通过 \/ manifest OK/);
  });

  it('the validator exits non-zero on a broken manifest', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'manifest.xml');
    fs.writeFileSync(file, edit(MANIFEST, 'resid="RunCheck.Tooltip"', 'resid="RunCheck.Nope"'));
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/validate-manifest.js'), file], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('清单校验未通过');
    expect(r.stderr).toContain('RunCheck.Nope');
  });
});

describe('broken copies fail', () => {
  it('a resid that is not defined', async () => {
    const p = await problemsOf(edit(MANIFEST, 'resid="RunCheck.Tooltip"', 'resid="RunCheck.Nope"'));
    expect(checks(p)).toEqual(['resid']);
    expect(p[0].message).toContain('RunCheck.Nope');
    expect(p[0].line).toBeGreaterThan(1);
  });

  it('a resid that names the wrong kind of resource', async () => {
    const p = await problemsOf(edit(MANIFEST, '<Label resid="RunCheck.Label"/>', '<Label resid="Check.16x16"/>'));
    expect(checks(p)).toEqual(['resid']);
    expect(p[0].message).toMatch(/must name a string resource/);
  });

  it('a resource id defined twice', async () => {
    const p = await problemsOf(edit(MANIFEST, '<bt:Url id="Commands.Url"', '<bt:Url id="Taskpane.Url"'));
    expect(checks(p)).toContain('resid');
    expect(p.map((x) => x.message).join('\n')).toMatch(/defined twice/);
  });

  it('an icon whose file has the wrong size', async () => {
    const root = copyRoot();
    fs.copyFileSync(path.join(root, 'assets/check-16.png'), path.join(root, 'assets/check-32.png'));
    const p = await problemsOf(MANIFEST, { rootDir: root });
    expect(checks(p)).toEqual(['icons']);
    expect(p[0].message).toContain('check-32.png');
    expect(p[0].message).toMatch(/16x16, manifest says 32/);
  });

  it('an icon resid used at a size it was not drawn for', async () => {
    const p = await problemsOf(edit(MANIFEST, '<bt:Image size="80" resid="Clear.80x80"/>', '<bt:Image size="80" resid="Clear.32x32"/>'));
    expect(checks(p)).toEqual(['icons']);
  });

  it('an icon file that does not exist', async () => {
    const p = await problemsOf(edit(MANIFEST, 'assets/pane-80.png', 'assets/pane-81.png'));
    expect(checks(p)).toEqual(['icons']);
    expect(p[0].message).toContain('pane-81.png');
  });

  it('a second origin', async () => {
    const p = await problemsOf(edit(MANIFEST, '"https://localhost:3000/commands.html"', '"https://cdn.example.com/commands.html"'));
    expect(checks(p)).toEqual(['origin']);
    expect(p[0].message).toContain('https://cdn.example.com');
  });

  it('a second origin in AppDomains', async () => {
    const p = await problemsOf(edit(MANIFEST, '<AppDomain>https://localhost:3000</AppDomain>', '<AppDomain>https://localhost:3001</AppDomain>'));
    expect(checks(p)).toEqual(['origin']);
  });

  it('a plain http URL', async () => {
    const p = await problemsOf(edit(MANIFEST, '"https://localhost:3000/taskpane.html"/>\n  </DefaultSettings>', '"http://localhost:3000/taskpane.html"/>\n  </DefaultSettings>'));
    expect(checks(p)).toEqual(['origin']);
    expect(p[0].message).toMatch(/must be https/);
  });

  itWithSchemas('a schema violation (bad Permissions value)', async () => {
    const p = await problemsOf(edit(MANIFEST, '<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>'));
    expect(checks(p)).toEqual(['schema']);
    expect(p[0].message).toMatch(/Permissions/);
  });

  itWithSchemas('a schema violation (elements out of order)', async () => {
    const p = await problemsOf(
      edit(MANIFEST, '  <Permissions>ReadWriteDocument</Permissions>\n', '').replace('<DefaultSettings>', '<Permissions>ReadWriteDocument</Permissions>\n  <DefaultSettings>'),
    );
    expect(checks(p)).toEqual(['schema']);
  });

  itWithSchemas('a schema violation (a required element removed)', async () => {
    const p = await problemsOf(edit(MANIFEST, '<ProviderName>均衡自查项目组</ProviderName>', ''));
    expect(checks(p)).toEqual(['schema']);
    expect(p[0].message).toMatch(/ProviderName/);
  });

  it('a ribbon function that commands.ts does not register', async () => {
    const p = await problemsOf(edit(MANIFEST, '<FunctionName>clearMarks</FunctionName>', '<FunctionName>clearAll</FunctionName>'));
    expect(checks(p)).toEqual(['commands']);
    expect(p[0].message).toContain('clearAll');
  });

  it('XML that is not well-formed', async () => {
    const p = await problemsOf(MANIFEST.replace('</OfficeApp>', ''));
    expect(checks(p)).toEqual(['xml']);
  });

  it('a schema folder named but not there is reported, not skipped', async () => {
    const { problems } = await checkManifest({ schemaDir: path.join(tmpDir(), 'nowhere') });
    expect(checks(problems)).toEqual(['schema']);
    expect(problems[0].message).toMatch(/JUNHENG_SCHEMAS/);
  });

  itWithSchemas('JUNHENG_SCHEMAS points the validator at another folder', () => {
    const dir = tmpDir();
    fs.cpSync(SCHEMAS!, dir, { recursive: true });
    const ok = spawnSync(process.execPath, [path.join(ROOT, 'scripts/validate-manifest.js')], {
      encoding: 'utf8',
      env: { ...process.env, JUNHENG_SCHEMAS: dir },
    });
    expect(ok.status).toBe(0);
    const missing = spawnSync(process.execPath, [path.join(ROOT, 'scripts/validate-manifest.js')], {
      encoding: 'utf8',
      env: { ...process.env, JUNHENG_SCHEMAS: path.join(dir, 'nowhere') },
    });
    expect(missing.status).toBe(1);
  });
});

describe('the production manifest (ADDIN_URL)', () => {
  const BASE = 'https://edu.example.gov.cn/junheng/';

  it('moves every URL under the address and leaves no localhost', async () => {
    const prod = productionManifest(MANIFEST, BASE);
    expect(prod).not.toMatch(/localhost/);
    expect(prod).toContain(`<SourceLocation DefaultValue="${BASE}taskpane.html"/>`);
    expect(prod).toContain('<AppDomain>https://edu.example.gov.cn</AppDomain>');
    const urls = [...prod.matchAll(/"(https:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBe(MANIFEST.split('"https://localhost:3000/').length - 1);
    expect(urls.length).toBeGreaterThanOrEqual(19);
    for (const u of urls) expect(u.startsWith(BASE)).toBe(true);
    const { problems, summary } = await checkManifest({ xml: prod });
    expect(problems).toEqual([]);
    expect(summary).toMatchObject({ origin: 'https://edu.example.gov.cn', base: BASE });
  });

  it('an icon missing under the production path is still found missing', async () => {
    const prod = productionManifest(MANIFEST, BASE).replace(`${BASE}assets/pane-80.png`, `${BASE}img/pane-80.png`);
    const p = await problemsOf(prod);
    expect(checks(p)).toEqual(['icons']);
    expect(p[0].message).toContain('img/pane-80.png');
  });

  it('normalises the address and refuses what Office cannot load, in Chinese', () => {
    expect(addinBase('https://edu.example.gov.cn/junheng')).toBe(BASE);
    expect(addinBase(' https://edu.example.gov.cn ')).toBe('https://edu.example.gov.cn/');
    expect(() => addinBase('http://edu.example.gov.cn/')).toThrow(/必须以 https:\/\/ 开头/);
    expect(() => addinBase('edu.example.gov.cn')).toThrow(/不是有效的网址/);
    expect(() => addinBase('https://edu.example.gov.cn/?a=1')).toThrow(/查询参数/);
    expect(() => addinBase('https://localhost:3000/')).toThrow(/指向本机/);
  });

  it('is what webpack writes into dist/ when ADDIN_URL is set, and the dev manifest without it', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { manifestCopy } = require('../../webpack.config.js') as {
      manifestCopy: (u?: string) => { from: string; to: string; transform?: (c: Buffer) => string };
    };
    const prod = manifestCopy(BASE);
    expect(prod).toMatchObject({ from: 'manifest.xml', to: 'manifest.xml' });
    expect(prod.transform!(Buffer.from(MANIFEST, 'utf8'))).toBe(productionManifest(MANIFEST, BASE));
    expect(manifestCopy(undefined).transform).toBeUndefined();
  });
});

describe('icons', () => {
  const files = fs.readdirSync(path.join(ROOT, 'assets')).filter((f) => f.endsWith('.png'));

  it('has the add-in sizes and the button sizes', () => {
    for (const n of [16, 32, 64, 80, 128]) expect(files).toContain(`icon-${n}.png`);
    for (const b of ['pane', 'check', 'clear']) for (const n of [16, 32, 80]) expect(files).toContain(`${b}-${n}.png`);
  });

  it.each(files)('%s is a PNG of the size in its name', (f) => {
    const n = Number(/-(\d+)\.png$/.exec(f)![1]);
    expect(pngSize(fs.readFileSync(path.join(ROOT, 'assets', f)))).toEqual({ width: n, height: n });
  });

  it('the committed PNGs are what scripts/draw-icons.js draws', () => {
    const dir = tmpDir();
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    drawIcons(dir);
    log.mockRestore();
    for (const f of files) expect(fs.readFileSync(path.join(dir, f)).equals(fs.readFileSync(path.join(ROOT, 'assets', f)))).toBe(true);
  });
});
