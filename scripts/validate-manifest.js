#!/usr/bin/env node
/**
 * `npm run validate` — validates the add-in manifest offline (no Microsoft web service): manifest.xml, and
 * dist/manifest.xml when a build wrote one (with ADDIN_URL: the production manifest). Checks: XSD schema via
 * xmllint-wasm where Microsoft's schemas are found, resid / icon size / single https origin / registered
 * commands always. See scripts/manifest-check.js.
 *
 * Usage: node scripts/validate-manifest.js [--require-schemas] [manifest.xml …]
 *   --require-schemas  fail when the schemas are not found (CI sets JUNHENG_SCHEMAS and passes this)
 * Schemas: $JUNHENG_SCHEMAS, else shared/schemas/office-addin-manifest beside the repository.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { checkManifest, defaultSchemaDir, formatProblem } = require('./manifest-check');

const ROOT = path.resolve(__dirname, '..');

async function main() {
  const args = process.argv.slice(2);
  const requireSchemas = args.includes('--require-schemas');
  const files = args.filter((a) => !a.startsWith('--'));
  const targets = files.length
    ? files.map((f) => path.resolve(f))
    : [path.join(ROOT, 'manifest.xml'), path.join(ROOT, 'dist', 'manifest.xml')].filter((f, i) => i === 0 || fs.existsSync(f));
  const schemaDir = defaultSchemaDir();
  if (!schemaDir && requireSchemas) {
    console.error('清单校验无法完成：找不到微软的清单架构文件（设置 JUNHENG_SCHEMAS 为其所在目录）/ manifest schemas not found (set JUNHENG_SCHEMAS)');
    process.exitCode = 1;
    return;
  }
  for (const manifestPath of targets) {
    // A built manifest's icons are in dist/assets; the commands source is the repository's.
    const assetsDir = path.dirname(manifestPath) === path.join(ROOT, 'dist') ? path.join(ROOT, 'dist') : ROOT;
    const { problems, summary } = await checkManifest({ manifestPath, assetsDir, schemaDir });
    const name = path.relative(process.cwd(), manifestPath) || manifestPath;
    if (problems.length) {
      console.error(`清单校验未通过：${problems.length} 个问题 / manifest validation failed: ${problems.length} problem(s) in ${manifestPath}`);
      for (const p of problems) console.error(formatProblem(p));
      process.exitCode = 1;
      continue;
    }
    const schema = summary.schema ? '架构 schema 1.1 ✓' : '架构 schema 未校验（本机没有微软的清单架构文件；设置 JUNHENG_SCHEMAS 可启用）/ schema not checked';
    const where = /localhost/.test(summary.base || '') ? `${summary.base}（本机调试用）` : summary.base;
    console.log(`清单校验通过 / manifest OK: ${name} — ${schema}, ${summary.resids} 个 resid ✓, ${summary.icons} 个图标尺寸 icon sizes ✓, 单一来源 one origin ✓, 地址 ${where}`);
  }
}

main().catch((e) => {
  console.error(`清单校验无法运行 / manifest validation could not run: ${e && e.message ? e.message : e}`);
  process.exitCode = 2;
});
