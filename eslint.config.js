/**
 * ESLint 9 flat config. `npm run lint` = eslint over every TypeScript file (src/, test/, bench/) + tsc --noEmit.
 *
 *  - typescript-eslint `recommended`, plus two type-aware rules that catch real defects in async Office
 *    code: no-floating-promises (a proxy write or sync whose failure nobody sees) and no-misused-promises
 *    (an async handler where Office or React expects a void callback); typed through tsconfig.json's
 *    project service;
 *  - eslint-plugin-office-addins: the rules of its `recommended` config (load before read, sync before
 *    read, no sync in a loop, …), taken one by one so its Prettier formatting rule is not imposed on
 *    code the team formats by hand;
 *  - eslint-plugin-react-hooks for the task pane.
 */
'use strict';

const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const officeAddins = require('eslint-plugin-office-addins');
const reactHooks = require('eslint-plugin-react-hooks');
const globals = require('globals');

/** The Office.js rules of eslint-plugin-office-addins' recommended config, same levels. */
const OFFICE_RULES = {
  'office-addins/call-sync-after-load': 'error',
  'office-addins/call-sync-before-read': 'error',
  'office-addins/load-object-before-read': 'error',
  'office-addins/no-context-sync-in-loop': 'error', // recommended: warn; a sync per row is the slow pattern DESIGN.md forbids
  'office-addins/no-empty-load': 'warn',
  'office-addins/no-navigational-load': 'warn',
  'office-addins/no-office-initialize': 'warn',
  'office-addins/test-for-null-using-isNullObject': 'error',
};

module.exports = tseslint.config(
  { ignores: ['dist/**', 'lib/**', 'coverage/**', 'node_modules/**', 'test-artifacts/**', 'build-bench/**', 'junheng-demo/**'] },
  {
    files: ['{src,test,bench}/**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    plugins: { 'office-addins': officeAddins, 'react-hooks': reactHooks },
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      parserOptions: { ecmaFeatures: { jsx: true }, projectService: true, tsconfigRootDir: __dirname },
      globals: { ...globals.browser, ...globals.node, Office: 'readonly', Excel: 'readonly', OfficeExtension: 'readonly' },
    },
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    rules: {
      ...OFFICE_RULES,
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // TypeScript checks these better than ESLint can
      'no-undef': 'off',
      'no-redeclare': 'off',
      // style, not correctness: `_`-prefixed names mark deliberately unused values
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // engine code parses untyped input (cells, JSON, ExcelJS objects)
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `while ((m = re.exec(s)))` is idiomatic
      'no-cond-assign': ['error', 'except-parens'],
      // style (e.g. `\[` inside a character class): reported, not failing
      'no-useless-escape': 'warn',
      // Chinese text uses full-width spaces and the like on purpose
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true, skipRegExps: true }],
    },
  },
  {
    // ExcelJS and Node code: no Office.js here (DESIGN.md), and ExcelJS calls such as `ws.getCell(a)`
    // look like Office.js proxies to the plugin's heuristics (false "load before read" errors).
    // Tests and the bench drive ExcelJS and the strict fake (whose tests read unloaded properties on
    // purpose, to see them refused): the same false positives.
    files: ['src/xlsx/**/*.ts', 'src/cli/**/*.ts', 'test/**/*.{ts,tsx}', 'bench/**/*.ts'],
    rules: Object.fromEntries(Object.keys(OFFICE_RULES).map((r) => [r, 'off'])),
  },
);
