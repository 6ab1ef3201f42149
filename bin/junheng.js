#!/usr/bin/env node
'use strict';
// The `junheng` command. The TypeScript sources are compiled to lib/ by `npm ci` (the prepare script).
let main;
try {
  ({ main } = require('../lib/cli/main.js'));
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('均衡自查：程序尚未编译，请先在项目目录运行 npm ci（或 npm run build:cli）。\n');
    process.exit(2);
  }
  throw e;
}
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`均衡自查：发生意外错误，请把此信息告诉维护人员：${e && e.message ? e.message : e}\n`);
    process.exit(1);
  },
);
