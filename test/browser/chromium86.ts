/**
 * What in a script Chromium 86 (WPS's embedded engine reports Chrome 87; 360 and QQ browsers' fast modes) would
 * not run: syntax newer than it, and calls of built-ins it lacks unless the call is guarded by a test of the
 * same name (typeof structuredClone === 'function' ? structuredClone(x) : …). Parsed with TypeScript's own
 * parser (a devDependency), so the check does not depend on the minifier's or webpack's acorn.
 *
 * Syntax: logical assignment (??= ||= &&=; Chrome 85, refused anyway as the brief's floor), class static
 * blocks (94), top-level await (89), `#x in obj` (91), RegExp flags d (90) and v (112).
 * Built-ins: Array/String/TypedArray .at (92), Object.hasOwn (93), structuredClone (98), .replaceAll (85;
 * 360's older fast modes lack it), .findLast/.findLastIndex (97), .toSorted/.toReversed/.toSpliced/.with
 * (110), Object.groupBy/Map.groupBy (117), Promise.withResolvers (119), Array.fromAsync (121),
 * crypto.randomUUID (92), Intl.Segmenter (87).
 */
import * as ts from 'typescript';

/** Built-ins on a fixed receiver: any unguarded call is one. */
const STATIC = new Set(['Object.hasOwn', 'Object.groupBy', 'Map.groupBy', 'Promise.withResolvers', 'Array.fromAsync', 'crypto.randomUUID']);
const GLOBALS = new Set(['structuredClone']);
const MEMBERS = new Set(['Intl.Segmenter']);
/**
 * Prototype methods: a minified bundle does not say what the receiver is (the ledger's own SchoolColumn.at(row),
 * tabster's focusable.findLast({…}) are not Array's), so a call counts when its argument is the built-in's typical
 * one — .at(-1), .findLast(fn), .toSorted(fn?), .replaceAll('x' | /x/g, …). Our own sources are checked exactly,
 * by type, in sourceProblems().
 */
const PROTO: Record<string, (args: readonly ts.Expression[]) => boolean> = {
  at: (a) => a.length === 1 && ts.isPrefixUnaryExpression(a[0]) && a[0].operator === ts.SyntaxKind.MinusToken,
  findLast: (a) => a.length >= 1 && (ts.isArrowFunction(a[0]) || ts.isFunctionExpression(a[0])),
  findLastIndex: (a) => a.length >= 1 && (ts.isArrowFunction(a[0]) || ts.isFunctionExpression(a[0])),
  toSorted: (a) => a.length === 0 || ts.isArrowFunction(a[0]) || ts.isFunctionExpression(a[0]),
  toReversed: (a) => a.length === 0,
  replaceAll: (a) => a.length === 2 && (ts.isStringLiteral(a[0]) || a[0].kind === ts.SyntaxKind.RegularExpressionLiteral),
};

function insideFunction(n: ts.Node): boolean {
  for (let p = n.parent; p; p = p.parent) if (ts.isFunctionLike(p) || ts.isClassStaticBlockDeclaration(p)) return true;
  return false;
}

/** The call sits in a branch whose condition tests the same name (a feature test). */
function guarded(n: ts.Node, name: string, sf: ts.SourceFile): boolean {
  for (let p: ts.Node | undefined = n.parent; p; p = p.parent) {
    let cond: ts.Node | undefined;
    if (ts.isConditionalExpression(p)) cond = p.condition;
    else if (ts.isIfStatement(p)) cond = p.expression;
    else if (ts.isBinaryExpression(p) && (p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || p.operatorToken.kind === ts.SyntaxKind.BarBarToken)) cond = p.left;
    if (cond && cond !== n && !isAncestor(cond, n) && cond.getText(sf).includes(name)) return true;
    if (ts.isFunctionLike(p)) return false;
  }
  return false;
}

function isAncestor(a: ts.Node, n: ts.Node): boolean {
  for (let p: ts.Node | undefined = n; p; p = p.parent) if (p === a) return true;
  return false;
}

export function chromium86Problems(source: string): string[] {
  const sf = ts.createSourceFile('bundle.js', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const out: string[] = [];
  const at = (n: ts.Node, what: string) => {
    const { line, character } = sf.getLineAndCharacterOfPosition(n.getStart(sf));
    out.push(`${what} at ${line + 1}:${character + 1} «${source.slice(n.getStart(sf), n.getStart(sf) + 60).replace(/\s+/g, ' ')}»`);
  };
  const diags = (sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics ?? [];
  for (const d of diags) out.push(`parse error: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')} at ${d.start}`);
  const visit = (n: ts.Node): void => {
    if (ts.isBinaryExpression(n)) {
      const k = n.operatorToken.kind;
      if (k === ts.SyntaxKind.QuestionQuestionEqualsToken || k === ts.SyntaxKind.BarBarEqualsToken || k === ts.SyntaxKind.AmpersandAmpersandEqualsToken) at(n, 'logical assignment');
      if (k === ts.SyntaxKind.InKeyword && ts.isPrivateIdentifier(n.left)) at(n, '#private in');
    }
    if (ts.isClassStaticBlockDeclaration(n)) at(n, 'class static block');
    if ((ts.isAwaitExpression(n) || (ts.isForOfStatement(n) && n.awaitModifier)) && !insideFunction(n)) at(n, 'top-level await');
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const flags = /\/([a-z]*)$/.exec(n.getText(sf))?.[1] ?? '';
      if (/[dv]/.test(flags)) at(n, `RegExp flag ${flags}`);
    }
    if (ts.isCallExpression(n)) {
      const c = n.expression;
      if (ts.isPropertyAccessExpression(c) && STATIC.has(c.getText(sf)) && !guarded(n, c.name.text, sf)) at(n, `${c.getText(sf)}()`);
      const proto = ts.isPropertyAccessExpression(c) && Object.prototype.hasOwnProperty.call(PROTO, c.name.text) ? PROTO[c.name.text] : undefined;
      if (proto && ts.isPropertyAccessExpression(c) && proto(n.arguments) && !guarded(n, c.name.text, sf)) at(n, `.${c.name.text}()`);
      if (ts.isIdentifier(c) && GLOBALS.has(c.text) && !guarded(n, c.text, sf)) at(n, `${c.text}()`);
    }
    if (ts.isPropertyAccessExpression(n) && MEMBERS.has(n.getText(sf)) && !guarded(n, n.name.text, sf)) at(n, n.getText(sf));
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/**
 * Our own code in the page's bundle (the entries' import graphs), type-checked against the ES2020 library and
 * the DOM only: a call of anything newer (Array.prototype.at, Object.hasOwn, String.prototype.replaceAll …) is
 * a "does not exist … change your target library" error. Returns those errors (file:line message).
 */
export function sourceProblems(entries: string[]): string[] {
  const program = ts.createProgram(entries, {
    target: ts.ScriptTarget.ES2020,
    lib: ['lib.es2020.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    esModuleInterop: true,
    resolveJsonModule: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
    moduleResolution: ts.ModuleResolutionKind.Node10,
    module: ts.ModuleKind.ES2020,
  });
  // 2550: property does not exist, change the lib; 2583/2584: cannot find name, change the lib
  const LIB = new Set([2550, 2583, 2584]);
  return program
    .getSourceFiles()
    .filter((f) => !f.fileName.includes('node_modules'))
    .flatMap((f) => program.getSemanticDiagnostics(f))
    .filter((d) => LIB.has(d.code) || /target library|lib.*compiler option/i.test(ts.flattenDiagnosticMessageText(d.messageText, ' ')))
    .map((d) => {
      const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : null;
      return `${d.file?.fileName ?? '?'}:${pos ? pos.line + 1 : '?'} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    });
}
