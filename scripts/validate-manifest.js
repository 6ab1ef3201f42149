#!/usr/bin/env node
/**
 * `npm run validate` — validates manifest.xml offline (no Microsoft web service): XSD schema via
 * xmllint-wasm, plus resid / icon size / single https origin / registered command checks.
 * See scripts/manifest-check.js. Usage: node scripts/validate-manifest.js [manifest.xml]
 * Schemas: $JUNHENG_SCHEMAS or ../shared/schemas/office-addin-manifest beside the repository.
 */
'use strict';

const path = require('path');
const { checkManifest, formatProblem } = require('./manifest-check');

async function main() {
  const manifestPath = path.resolve(process.argv[2] || path.join(__dirname, '..', 'manifest.xml'));
  const { problems, summary } = await checkManifest({ manifestPath });
  if (problems.length) {
    console.error(`清单校验未通过：${problems.length} 个问题 / manifest validation failed: ${problems.length} problem(s) in ${manifestPath}`);
    for (const p of problems) console.error(formatProblem(p));
    process.exitCode = 1;
    return;
  }
  console.log(
    `清单校验通过 / manifest OK: ${path.basename(manifestPath)} — 架构 schema 1.1 ✓, ${summary.resids} 个 resid ✓, ${summary.icons} 个图标尺寸 icon sizes ✓, 单一来源 one origin ${summary.origin} ✓`,
  );
}

main().catch((e) => {
  console.error(`清单校验无法运行 / manifest validation could not run: ${e && e.message ? e.message : e}`);
  process.exitCode = 2;
});
