/**
 * Offline checks of the add-in's XML manifest (used by scripts/validate-manifest.js and by
 * test/manifest/manifest.test.ts):
 *
 *   1. schema   — XSD validation against the Office add-in manifest schemas (v1.1 + VersionOverrides 1.0)
 *                 with the npm package xmllint-wasm (libxml2 in WebAssembly; no network), where the
 *                 schemas are found (they are Microsoft's, not part of the repository: defaultSchemaDir);
 *   2. resid    — every `resid` names a defined resource of the right kind (image / url / string), and no
 *                 resource id is defined twice;
 *   3. icons    — each icon URL maps to a PNG under the repository (https://origin/assets/x.png →
 *                 <root>/assets/x.png) whose IHDR width and height equal the size the manifest names
 *                 (bt:Image size="16|32|80", IconUrl 32, HighResolutionIconUrl 64);
 *   4. origin   — every URL (and AppDomain) is https and all share one origin;
 *   5. commands — every <FunctionName> is registered with Office.actions.associate in src/commands.
 *
 * Each check returns a list of problems { check, message, line? }; an empty list means it passed.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { DOMParser } = require('@xmldom/xmldom');

const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
};

const ROOT = path.resolve(__dirname, '..');
const MAIN_XSD = 'OfficeAppManifestV1_1.xsd';

/**
 * Where Microsoft's manifest schemas are, or null when they are not on this machine (they are not part of
 * the repository): $JUNHENG_SCHEMAS when set (a folder that must exist), else a `shared/schemas/
 * office-addin-manifest` folder beside the repository when there is one (the developers' machines and CI).
 */
function defaultSchemaDir() {
  if (process.env.JUNHENG_SCHEMAS) return path.resolve(process.env.JUNHENG_SCHEMAS);
  const beside = path.join(path.dirname(ROOT), 'shared', 'schemas', 'office-addin-manifest');
  return fs.existsSync(path.join(beside, MAIN_XSD)) ? beside : null;
}

function problem(check, message, node) {
  const p = { check, message };
  if (node && typeof node.lineNumber === 'number') p.line = node.lineNumber;
  return p;
}

/** Parses the manifest; throws an Error with a bilingual message when it is not well-formed XML. */
function parseManifest(xml) {
  const errors = [];
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, msg) => {
        if (level !== 'warning') errors.push(msg);
      },
    }).parseFromString(xml, 'text/xml');
  } catch (e) {
    errors.push(e && e.message ? e.message : String(e));
  }
  if (errors.length || !doc || !doc.documentElement) {
    throw new Error(`manifest.xml 不是格式正确的 XML / manifest.xml is not well-formed XML: ${errors[0] || 'empty document'}`);
  }
  return doc;
}

function elements(doc, localName, ns = '*') {
  return Array.from(doc.getElementsByTagNameNS(ns, localName));
}
function parentNames(el) {
  const names = [];
  for (let p = el.parentNode; p && p.nodeType === 1; p = p.parentNode) names.push(p.localName);
  return names;
}

// ---------------------------------------------------------------- 1. schema
/** XSD validation with xmllint-wasm. Returns problems (empty = valid). */
async function validateSchema(xml, schemaDir = defaultSchemaDir()) {
  if (schemaDir === null) return [];
  const mainPath = path.join(schemaDir, MAIN_XSD);
  if (!fs.existsSync(mainPath)) {
    return [
      problem(
        'schema',
        `找不到清单架构文件 ${mainPath}（可用环境变量 JUNHENG_SCHEMAS 指定目录）/ manifest schemas not found at ${schemaDir} (set JUNHENG_SCHEMAS)`,
      ),
    ];
  }
  const { validateXML } = require('xmllint-wasm');
  const preload = fs
    .readdirSync(schemaDir)
    .filter((f) => f.endsWith('.xsd') && f !== MAIN_XSD)
    .map((f) => ({ fileName: f, contents: fs.readFileSync(path.join(schemaDir, f), 'utf8') }));
  const result = await validateXML({
    xml: [{ fileName: 'manifest.xml', contents: xml }],
    schema: [{ fileName: MAIN_XSD, contents: fs.readFileSync(mainPath, 'utf8') }],
    preload,
  });
  if (result.valid) return [];
  return result.errors.map((e) => {
    const p = { check: 'schema', message: `不符合清单架构 / schema violation: ${e.message.trim()}` };
    if (e.loc && e.loc.lineNumber) p.line = e.loc.lineNumber;
    return p;
  });
}

// ---------------------------------------------------------------- 2. resid
/** The resources the manifest defines: id → { kind: 'image'|'url'|'string', value, node }. */
function resources(doc) {
  const defs = new Map();
  const dupes = [];
  const add = (kind, el) => {
    const id = el.getAttribute('id');
    if (defs.has(id)) dupes.push(problem('resid', `资源 id「${id}」重复定义 / resource id "${id}" is defined twice`, el));
    defs.set(id, { kind, value: el.getAttribute('DefaultValue'), node: el });
  };
  for (const group of elements(doc, 'Images', NS.bt)) for (const el of elements(group, 'Image', NS.bt)) add('image', el);
  for (const group of elements(doc, 'Urls', NS.bt)) for (const el of elements(group, 'Url', NS.bt)) add('url', el);
  for (const tag of ['ShortStrings', 'LongStrings']) {
    for (const group of elements(doc, tag, NS.bt)) for (const el of elements(group, 'String', NS.bt)) add('string', el);
  }
  return { defs, dupes };
}

/** The kind of resource an element with `resid` must point at. */
function expectedKind(el) {
  const name = el.localName;
  if (name === 'Image') return 'image';
  if (['SourceLocation', 'FunctionFile', 'LearnMoreUrl', 'Url', 'Script', 'Page'].includes(name)) return 'url';
  if (['Label', 'Title', 'Description', 'Tooltip', 'String'].includes(name)) return 'string';
  return null;
}

const KIND_ZH = { image: '图片', url: '网址', string: '文字' };

function checkResids(doc) {
  const { defs, dupes } = resources(doc);
  const out = [...dupes];
  const all = Array.from(doc.getElementsByTagName('*')).filter((el) => el.hasAttribute('resid'));
  for (const el of all) {
    const id = el.getAttribute('resid');
    const where = `<${el.localName}> in <${parentNames(el).slice(0, 2).reverse().join('/')}>`;
    const def = defs.get(id);
    if (!def) {
      out.push(problem('resid', `resid「${id}」未在 Resources 中定义 / resid "${id}" is not defined (${where})`, el));
      continue;
    }
    const want = expectedKind(el);
    if (want && def.kind !== want) {
      out.push(
        problem(
          'resid',
          `resid「${id}」应指向${KIND_ZH[want]}资源，实际是${KIND_ZH[def.kind]} / resid "${id}" must name a ${want} resource, not a ${def.kind} (${where})`,
          el,
        ),
      );
    }
  }
  return out;
}

// ---------------------------------------------------------------- 3. icons
/** Width and height from a PNG's IHDR, or null when the bytes are not a PNG. */
function pngSize(buf) {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (buf.length < 24 || sig.some((b, i) => buf[i] !== b) || buf.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** The icons the manifest names, each with the pixel size it must have: [{ url, size, node, what }]. */
function iconRefs(doc) {
  const { defs } = resources(doc);
  const refs = [];
  const top = (name, size) => {
    for (const el of elements(doc, name, NS.app)) {
      refs.push({ url: el.getAttribute('DefaultValue'), size, node: el, what: `<${name}>` });
      for (const o of elements(el, 'Override')) refs.push({ url: o.getAttribute('Value'), size, node: o, what: `<${name}> ${o.getAttribute('Locale')}` });
    }
  };
  top('IconUrl', 32);
  top('HighResolutionIconUrl', 64);
  // bt:Image size="…" resid="…" inside <Icon> elements
  for (const el of elements(doc, 'Image', NS.bt)) {
    if (!el.hasAttribute('resid')) continue;
    const def = defs.get(el.getAttribute('resid'));
    if (!def || def.kind !== 'image') continue; // reported by checkResids
    const size = Number(el.getAttribute('size'));
    refs.push({ url: def.value, size, node: el, what: `bt:Image resid="${el.getAttribute('resid')}"` });
    for (const o of elements(def.node, 'Override')) {
      refs.push({ url: o.getAttribute('Value'), size, node: o, what: `bt:Image resid="${el.getAttribute('resid')}" ${o.getAttribute('Locale')}` });
    }
  }
  return refs;
}

/**
 * The folder the add-in is served from: the task pane's SourceLocation without its file name
 * (https://localhost:3000/ in development, e.g. https://edu.example.gov.cn/junheng/ in production).
 */
function baseUrl(doc) {
  const src = elements(doc, 'SourceLocation', NS.app)[0];
  const v = src && src.getAttribute('DefaultValue');
  try {
    return new URL('./', v).href;
  } catch {
    return null;
  }
}

/** Maps an https URL of the add-in to a file under `rootDir` (its path below the add-in's folder `base`). */
function localFile(url, rootDir, base) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const b = base ? new URL(base) : null;
  let p = decodeURIComponent(u.pathname);
  if (b && u.origin === b.origin && p.startsWith(b.pathname)) p = p.slice(b.pathname.length);
  return path.join(rootDir, p.replace(/^\/+/, ''));
}

function checkIcons(doc, rootDir = ROOT) {
  const out = [];
  const base = baseUrl(doc);
  for (const ref of iconRefs(doc)) {
    const file = localFile(ref.url, rootDir, base);
    if (!file) {
      out.push(problem('icons', `图标网址无效 / invalid icon URL "${ref.url}" (${ref.what})`, ref.node));
      continue;
    }
    const rel = path.relative(rootDir, file);
    if (!fs.existsSync(file)) {
      out.push(problem('icons', `图标文件不存在：${rel} / icon file missing: ${rel} (${ref.what})`, ref.node));
      continue;
    }
    const dim = pngSize(fs.readFileSync(file));
    if (!dim) {
      out.push(problem('icons', `图标不是 PNG：${rel} / icon is not a PNG: ${rel} (${ref.what})`, ref.node));
      continue;
    }
    if (dim.width !== ref.size || dim.height !== ref.size) {
      out.push(
        problem(
          'icons',
          `图标尺寸不符：${rel} 是 ${dim.width}×${dim.height}，清单要求 ${ref.size}×${ref.size} / icon size mismatch: ${rel} is ${dim.width}x${dim.height}, manifest says ${ref.size} (${ref.what})`,
          ref.node,
        ),
      );
    }
  }
  return out;
}

// ---------------------------------------------------------------- 4. origin
/** Every URL in the manifest: attribute values and text that start with a scheme, plus AppDomain entries. */
function urls(doc) {
  const out = [];
  for (const el of Array.from(doc.getElementsByTagName('*'))) {
    for (const attr of ['DefaultValue', 'Value']) {
      const v = el.getAttribute(attr);
      if (v && /^[a-z][a-z0-9+.-]*:\/\//i.test(v.trim())) out.push({ url: v.trim(), node: el });
    }
    const onlyText = Array.from(el.childNodes).every((c) => c.nodeType === 3);
    const text = (el.textContent || '').trim();
    if (onlyText && (el.localName === 'AppDomain' || /^[a-z][a-z0-9+.-]*:\/\//i.test(text))) out.push({ url: text, node: el });
  }
  return out;
}

function checkOrigins(doc) {
  const out = [];
  const origins = new Map(); // origin → first node
  for (const { url, node } of urls(doc)) {
    let u;
    try {
      u = new URL(url);
    } catch {
      out.push(problem('origin', `网址无效 / invalid URL "${url}"`, node));
      continue;
    }
    if (u.protocol !== 'https:') {
      out.push(problem('origin', `网址必须使用 https / URL must be https: ${url}`, node));
      continue;
    }
    if (!origins.has(u.origin)) origins.set(u.origin, { url, node });
  }
  if (origins.size > 1) {
    const list = Array.from(origins.keys());
    for (const [origin, { url, node }] of Array.from(origins.entries()).slice(1)) {
      out.push(
        problem(
          'origin',
          `所有网址必须同源（${list[0]}），此处是 ${origin} / all URLs must share one origin (${list[0]}); found ${origin} in ${url}`,
          node,
        ),
      );
    }
  }
  return out;
}

// ---------------------------------------------------------------- 5. commands
/** Names registered with Office.actions.associate("name", …) in the commands source. */
function associatedNames(commandsSource) {
  const names = new Set();
  const re = /Office\.actions\.associate\(\s*['"`]([^'"`]+)['"`]/g;
  let m;
  while ((m = re.exec(commandsSource))) names.add(m[1]);
  return names;
}

function checkCommands(doc, rootDir = ROOT) {
  const file = path.join(rootDir, 'src/commands/commands.ts');
  const fns = elements(doc, 'FunctionName');
  if (!fns.length) return [];
  if (!fs.existsSync(file)) return [problem('commands', `找不到 src/commands/commands.ts / src/commands/commands.ts not found`)];
  const names = associatedNames(fs.readFileSync(file, 'utf8'));
  return fns
    .filter((el) => !names.has((el.textContent || '').trim()))
    .map((el) => {
      const n = (el.textContent || '').trim();
      return problem('commands', `函数「${n}」没有用 Office.actions.associate 注册 / function "${n}" is not registered with Office.actions.associate`, el);
    });
}

// ---------------------------------------------------------------- all
/**
 * Runs every check on a manifest. `xml` overrides reading `manifestPath` (tests pass broken copies);
 * `rootDir` is where src/commands is looked up and `assetsDir` the folder the icon URLs map into (the
 * repository, or dist/ for a built manifest); `schemaDir` null skips the XSD step (summary.schema null).
 */
async function checkManifest({ manifestPath = path.join(ROOT, 'manifest.xml'), xml, rootDir = ROOT, assetsDir = rootDir, schemaDir = defaultSchemaDir() } = {}) {
  const text = xml !== undefined ? xml : fs.readFileSync(manifestPath, 'utf8');
  let doc;
  try {
    doc = parseManifest(text);
  } catch (e) {
    return { problems: [problem('xml', e.message)], summary: null };
  }
  const problems = [
    ...(await validateSchema(text, schemaDir)),
    ...checkResids(doc),
    ...checkIcons(doc, assetsDir),
    ...checkOrigins(doc),
    ...checkCommands(doc, rootDir),
  ];
  const origin = (() => {
    const first = urls(doc)[0];
    try {
      return first ? new URL(first.url).origin : null;
    } catch {
      return null;
    }
  })();
  const summary = {
    id: (elements(doc, 'Id', NS.app)[0] || {}).textContent,
    resids: Array.from(doc.getElementsByTagName('*')).filter((el) => el.hasAttribute('resid')).length,
    icons: iconRefs(doc).length,
    origin,
    base: baseUrl(doc),
    schema: schemaDir,
  };
  return { problems, summary };
}

function formatProblem(p) {
  return `  ✗ [${p.check}]${p.line ? ` manifest.xml:${p.line}` : ''} ${p.message}`;
}

module.exports = {
  defaultSchemaDir,
  parseManifest,
  validateSchema,
  checkResids,
  checkIcons,
  checkOrigins,
  checkCommands,
  checkManifest,
  formatProblem,
  pngSize,
};
