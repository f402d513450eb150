/**
 * The detector behind test/lint/loop-guards.test.ts: which loops of the test code assert inside and could run zero
 * times without anything failing. The rule it applies is written out in that test's header; this module only
 * implements it, on the TypeScript parser's syntax trees (no type checker: the rule is about what is written).
 */
import * as path from 'path';
import * as ts from 'typescript';
import { stripCasts as unwrap } from '../support/office-api-usage';

export interface SourceText {
  /** Repository-relative path with forward slashes, as it is reported. */
  file: string;
  text: string;
}

export interface Offender {
  file: string;
  line: number;
  /** How the loop is written: `for…of`, `for…in`, `for(;;)`, `while`, `.forEach` … */
  loop: string;
  /** What it iterates, as written; for a loop whose count cannot be read, its condition. */
  over: string;
  /** A `while`, or a `for(;;)` whose count the detector cannot read: it cannot be guarded, only rewritten. */
  uncounted?: true;
}

export interface AssertingLoop extends Offender {
  /** Whether something before it (or its own literal) shows it runs at least once. */
  guarded: boolean;
}

/** Array methods that call their callback once per element: a callback that asserts makes the call a loop. */
const ITERATING_METHODS = new Set([
  'forEach',
  'map',
  'flatMap',
  'filter',
  'every',
  'some',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'reduce',
  'reduceRight',
]);

/** Methods whose result has as many elements as their receiver: non-empty in, non-empty out. */
const LENGTH_PRESERVING = new Set(['entries', 'keys', 'values', 'map', 'reverse', 'sort', 'toSorted', 'toReversed']);

/** The helpers of test/support/non-empty.ts: each asserts its collection holds something and returns it. */
const GUARD_HELPERS = new Set(['nonEmpty', 'ofLength']);

export function offenderLine(o: Offender): string {
  if (o.uncounted)
    return `${o.file}:${o.line}: ${o.loop} with condition \`${o.over}\` asserts inside, but how often it runs cannot be read: walk a counted collection instead`;
  return `${o.file}:${o.line}: ${o.loop} over \`${o.over}\` asserts inside, but nothing before it shows that \`${o.over}\` is not empty`;
}

/** Every loop in `sources` that asserts and is not guarded, in file and line order. */
export function unguardedLoops(sources: SourceText[]): Offender[] {
  return assertingLoops(sources).filter((l) => !l.guarded);
}

/** Every loop in `sources` whose body asserts, guarded or not, in file and line order. */
export function assertingLoops(sources: SourceText[]): AssertingLoop[] {
  const parsed = sources.map((s) => ({
    file: s.file,
    sf: ts.createSourceFile(
      s.file,
      s.text,
      ts.ScriptTarget.Latest,
      true,
      s.file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    ),
  }));
  const asserting = assertingFunctions(parsed);
  const out: AssertingLoop[] = [];
  for (const { file, sf } of parsed) {
    const asserts = (n: ts.Node) => containsAssertion(n, asserting.get(file) ?? new Set());
    const found = (
      n: ts.Node,
      body: ts.Node,
      loop: string,
      over: ts.Node | string,
      guarded: boolean,
      uncounted = false,
    ) =>
      out.push({
        file,
        line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1,
        loop,
        over: typeof over === 'string' ? over : squash(over.getText(sf)),
        guarded: guarded || throwsAfter(n) || countedAfter(n, body),
        ...(uncounted ? { uncounted: true as const } : {}),
      });
    const visit = (n: ts.Node): void => {
      if (ts.isForOfStatement(n) && asserts(n.statement)) {
        found(n, n.statement, 'for…of', n.expression, isGuarded(n.expression, n));
      } else if (ts.isForInStatement(n) && asserts(n.statement)) {
        found(n, n.statement, 'for…in', n.expression, isGuarded(n.expression, n));
      } else if (ts.isForStatement(n) && asserts(n.statement)) {
        const count = countedFor(n);
        const condition = squash(n.condition?.getText(sf) ?? 'true');
        if (count === 'literal' || count === 'unread')
          found(n, n.statement, 'for(;;)', condition, count === 'literal', count === 'unread');
        else found(n, n.statement, 'for(;;)', count, isGuarded(count, n));
      } else if (ts.isWhileStatement(n) && asserts(n.statement)) {
        found(n, n.statement, 'while', n.expression, false, true);
      } else if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
        const method = n.expression.name.text;
        const callback = n.arguments[0];
        if (ITERATING_METHODS.has(method) && callback && callbackAsserts(callback, asserts, asserting.get(file)))
          found(n, callback, `.${method}`, n.expression.expression, isGuarded(n.expression.expression, n));
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

function callbackAsserts(cb: ts.Node, asserts: (n: ts.Node) => boolean, local: Set<string> | undefined): boolean {
  if (ts.isArrowFunction(cb) || ts.isFunctionExpression(cb)) return asserts(cb.body);
  return ts.isIdentifier(cb) && (local?.has(cb.text) ?? false);
}

/**
 * Whether the statement right after the loop is a `throw`: then the test can only go on from inside the loop (a
 * `return` once what it waited for came), and a loop that ran zero times throws. A retry loop is written so.
 */
function throwsAfter(loop: ts.Node): boolean {
  const statement = ts.isExpressionStatement(loop.parent) ? loop.parent : loop;
  const statements = statementsOf(statement.parent);
  if (!statements) return false;
  const next = statements[statements.indexOf(statement as ts.Statement) + 1];
  return !!next && ts.isThrowStatement(next);
}

/** Whitespace-free text: how two mentions of one collection are compared. */
function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * The text two mentions of one collection share. `Object.keys(x)`, `Object.values(x)` and `Object.entries(x)` count
 * the same things, so they read alike.
 */
function canon(n: ts.Expression): string {
  const u = unwrap(n);
  const objectView = objectViewOf(u);
  if (objectView) return `Object.keys(${canon(objectView)})`;
  return squash(u.getText());
}

/**
 * The readings of `n` and of every collection it is a length-preserving view of: `xs.map(f)` has as many elements as
 * `xs`, so `expect(xs.map((x) => x.name)).toEqual(['a', 'b'])` counts xs too.
 */
function sameCount(n: ts.Expression): string[] {
  const out = [canon(n)];
  for (let view = viewOf(n); view && out.length < 8; view = viewOf(view)) out.push(canon(view));
  return out;
}

/** The collection `n` is a length-preserving view of (`xs.map(f)`, `xs.entries()`, `Array.from(xs)`, `[...xs]`). */
function viewOf(n: ts.Expression): ts.Expression | undefined {
  const u = unwrap(n);
  if (ts.isCallExpression(u) && ts.isPropertyAccessExpression(u.expression)) {
    if (LENGTH_PRESERVING.has(u.expression.name.text)) return u.expression.expression;
    if (u.arguments.length === 1 && u.expression.getText() === 'Array.from') return u.arguments[0];
  }
  if (ts.isArrayLiteralExpression(u) && u.elements.length === 1 && ts.isSpreadElement(u.elements[0]))
    return u.elements[0].expression;
  return undefined;
}

/** x, when `n` is `Object.keys(x)`, `Object.values(x)` or `Object.entries(x)`. */
function objectViewOf(n: ts.Expression): ts.Expression | undefined {
  if (
    ts.isCallExpression(n) &&
    n.arguments.length === 1 &&
    ts.isPropertyAccessExpression(n.expression) &&
    ts.isIdentifier(n.expression.expression) &&
    n.expression.expression.text === 'Object' &&
    ['keys', 'values', 'entries'].includes(n.expression.name.text)
  )
    return n.arguments[0];
  return undefined;
}

/** A literal written with at least one element: `[a, …]`, `{a: …}`, `'abc'`, `new Set([a])`. */
function isNonEmptyLiteral(n: ts.Expression): boolean {
  const u = unwrap(n);
  if (ts.isArrayLiteralExpression(u))
    return u.elements.some((e) => !ts.isSpreadElement(e) && !ts.isOmittedExpression(e));
  if (ts.isObjectLiteralExpression(u)) return u.properties.some((p) => !ts.isSpreadAssignment(p));
  if (ts.isStringLiteral(u) || ts.isNoSubstitutionTemplateLiteral(u)) return u.text.length > 0;
  if (ts.isNewExpression(u) && ts.isIdentifier(u.expression) && ['Set', 'Map'].includes(u.expression.text))
    return !!u.arguments?.[0] && isNonEmptyLiteral(u.arguments[0]);
  return false;
}

/** A non-empty literal, or a length-preserving view of one: `['T2', 'T3'].map((t) => name(t))`. */
function isNonEmptyLiteralOrView(n: ts.Expression): boolean {
  for (let v: ts.Expression | undefined = n, depth = 0; v && depth < 8; v = viewOf(v), depth++)
    if (isNonEmptyLiteral(v)) return true;
  return false;
}

/**
 * The nearest `const` declaration of `name` seen from `from` (block by block outwards, parameters of the functions
 * crossed shadowing it): its initializer, or undefined when the name is a parameter, a `let` or unknown.
 */
function constInitializer(name: string, from: ts.Node): ts.Expression | undefined {
  for (let n: ts.Node | undefined = from.parent; n; n = n.parent) {
    if (ts.isFunctionLike(n) && n.parameters.some((p) => bindsName(p.name, name))) return undefined;
    const statements = statementsOf(n);
    if (!statements) continue;
    for (const s of statements) {
      if (!ts.isVariableStatement(s)) continue;
      for (const d of s.declarationList.declarations) {
        if (!bindsName(d.name, name)) continue;
        const isConst = (s.declarationList.flags & ts.NodeFlags.Const) !== 0;
        return isConst && ts.isIdentifier(d.name) ? d.initializer : undefined;
      }
    }
  }
  return undefined;
}

function bindsName(b: ts.BindingName, name: string): boolean {
  if (ts.isIdentifier(b)) return b.text === name;
  return b.elements.some((e) => !ts.isOmittedExpression(e) && bindsName(e.name, name));
}

function statementsOf(n: ts.Node): ts.NodeArray<ts.Statement> | undefined {
  if (ts.isBlock(n) || ts.isSourceFile(n) || ts.isModuleBlock(n) || ts.isCaseClause(n) || ts.isDefaultClause(n))
    return n.statements;
  return undefined;
}

/** The number `n` stands for, when it is a numeric literal (or a const bound to one); else undefined. */
function numberOf(n: ts.Expression | undefined, depth = 0): number | undefined {
  if (!n) return undefined;
  const u = unwrap(n);
  if (ts.isNumericLiteral(u)) return Number(u.text.replace(/_/g, ''));
  if (ts.isPrefixUnaryExpression(u) && u.operator === ts.SyntaxKind.MinusToken) {
    const v = numberOf(u.operand, depth);
    return v === undefined ? undefined : -v;
  }
  if (ts.isIdentifier(u) && depth < 5) return numberOf(constInitializer(u.text, u), depth + 1);
  return undefined;
}

/**
 * Whether the collection `c` iterated by `loop` cannot be empty: a non-empty literal, a guard helper's result, a
 * length-preserving view of a guarded collection, a const bound to one of those, or a count assertion on it written
 * before the loop in the same or an enclosing block.
 */
function isGuarded(c: ts.Expression, loop: ts.Node, depth = 0): boolean {
  if (depth > 8) return false;
  const u = unwrap(c);
  if (isNonEmptyLiteral(u)) return true;
  if (ts.isCallExpression(u) && ts.isIdentifier(u.expression) && GUARD_HELPERS.has(u.expression.text)) return true;
  if (hasCountAssertionBefore(u, loop)) return true;
  const view = objectViewOf(u) ?? viewOf(u);
  if (view) return isGuarded(view, loop, depth + 1);
  // `[...xs, ...ys]` holds something when one of its parts does.
  if (ts.isArrayLiteralExpression(u))
    return u.elements.some((e) => ts.isSpreadElement(e) && isGuarded(e.expression, loop, depth + 1));
  if (ts.isIdentifier(u)) {
    const init = constInitializer(u.text, u);
    if (init) return isGuarded(init, loop, depth + 1);
  }
  return false;
}

/** Whether a statement before `loop`, in its block or an enclosing one, asserts that `c` holds something. */
function hasCountAssertionBefore(c: ts.Expression, loop: ts.Node): boolean {
  // A `for…in` walks the keys of what it is given: a count of `Object.keys(o)` guards `for (k in o)`.
  const want = ts.isForInStatement(loop) && loop.expression === c ? `Object.keys(${canon(c)})` : canon(c);
  let child: ts.Node = loop;
  for (let n: ts.Node | undefined = loop.parent; n; child = n, n = n.parent) {
    const statements = statementsOf(n);
    if (!statements) continue;
    for (const s of statements) {
      if (s === child) break;
      if (isCountAssertion(s, want)) return true;
    }
  }
  return false;
}

/**
 * Whether the loop counts its rounds and the count is asserted after it: its body increments a variable (`n++`,
 * `n += …`) and a statement after the loop, in its block or an enclosing one, asserts `expect(n).toBeGreaterThan(k ≥ 0)`
 * (`toBe`, `toEqual`, `toBeGreaterThanOrEqual` with k ≥ 1). A loop that ran zero times leaves n at its start and fails.
 */
function countedAfter(loop: ts.Node, body: ts.Node): boolean {
  const counters = new Set<string>();
  const visit = (n: ts.Node): void => {
    if ((ts.isPostfixUnaryExpression(n) || ts.isPrefixUnaryExpression(n)) && ts.isIdentifier(n.operand))
      if (n.operator === ts.SyntaxKind.PlusPlusToken) counters.add(n.operand.text);
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken && ts.isIdentifier(n.left))
      counters.add(n.left.text);
    ts.forEachChild(n, visit);
  };
  visit(body);
  if (counters.size === 0) return false;
  const statement = ts.isExpressionStatement(loop.parent) ? loop.parent : loop;
  let child: ts.Node = statement;
  for (let n: ts.Node | undefined = statement.parent; n; child = n, n = n.parent) {
    const statements = statementsOf(n);
    if (!statements) continue;
    const after = statements.slice(statements.indexOf(child as ts.Statement) + 1);
    if (after.some((s) => [...counters].some((c) => isCountAssertion(s, c, 'number')))) return true;
  }
  return false;
}

/**
 * `expect(x.length).toBe(3)`, `…toBeGreaterThan(0)`, `expect(x).toHaveLength(3)`, `…not.toHaveLength(0)`,
 * `expect(x).toEqual([a, b])`, or
 * `expect.assertions(n)` (Jest then fails the test unless exactly n assertions ran, so a loop that ran zero times
 * fails it), where x reads as `want`.
 */
function isCountAssertion(s: ts.Statement, want: string, of: 'collection' | 'number' = 'collection'): boolean {
  if (!ts.isExpressionStatement(s)) return false;
  const call = s.expression;
  if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) return false;
  const matcher = call.expression.name.text;
  const subject = call.expression.expression;
  const arg = call.arguments[0];
  if (ts.isIdentifier(subject) && subject.text === 'expect')
    return matcher === 'assertions' && (numberOf(arg) ?? 0) >= 1;
  const negated = ts.isPropertyAccessExpression(subject) && subject.name.text === 'not';
  const expectCall = negated ? subject.expression : subject;
  if (!ts.isCallExpression(expectCall) || !ts.isIdentifier(expectCall.expression)) return false;
  if (expectCall.expression.text !== 'expect') return false;
  const actual = expectCall.arguments[0];
  if (!actual || !arg) return false;
  const n = numberOf(arg);
  if (of === 'number') return !negated && canon(actual) === want && n !== undefined && countHolds(matcher, n);
  if (negated) return matcher === 'toHaveLength' && n === 0 && sameCount(actual).includes(want);
  if (sameCount(actual).includes(want)) {
    if (matcher === 'toHaveLength') return n !== undefined && n >= 1;
    return ['toEqual', 'toStrictEqual'].includes(matcher) && isNonEmptyLiteralOrView(arg);
  }
  const a = unwrap(actual);
  if (!ts.isPropertyAccessExpression(a) || !['length', 'size'].includes(a.name.text)) return false;
  return sameCount(a.expression).includes(want) && n !== undefined && countHolds(matcher, n);
}

/** Whether `expect(count)[matcher](n)` shows count ≥ 1. */
function countHolds(matcher: string, n: number): boolean {
  if (['toBe', 'toEqual', 'toStrictEqual', 'toBeGreaterThanOrEqual'].includes(matcher)) return n >= 1;
  return matcher === 'toBeGreaterThan' && n >= 0;
}

/**
 * How a `for(;;)` loop counts: 'literal' when it runs from one number to a larger one written there
 * (`for (let i = 0; i < 3; i++)`), the collection when it runs `i = 0; i < xs.length`, else 'unread'.
 */
function countedFor(n: ts.ForStatement): 'literal' | 'unread' | ts.Expression {
  const init = n.initializer;
  const cond = n.condition;
  if (!init || !ts.isVariableDeclarationList(init) || init.declarations.length === 0) return 'unread';
  const d = init.declarations[0];
  if (!ts.isIdentifier(d.name) || !cond || !ts.isBinaryExpression(cond)) return 'unread';
  if (!ts.isIdentifier(cond.left) || cond.left.text !== d.name.text) return 'unread';
  const op = cond.operatorToken.kind;
  if (op !== ts.SyntaxKind.LessThanToken && op !== ts.SyntaxKind.LessThanEqualsToken) return 'unread';
  const from = numberOf(d.initializer);
  if (from === undefined) return 'unread';
  const to = numberOf(cond.right);
  if (to !== undefined)
    return to > from || (to === from && op === ts.SyntaxKind.LessThanEqualsToken) ? 'literal' : 'unread';
  const r = unwrap(cond.right);
  if (from === 0 && op === ts.SyntaxKind.LessThanToken && ts.isPropertyAccessExpression(r))
    if (['length', 'size'].includes(r.name.text)) return r.expression;
  return 'unread';
}

/** Whether `n` calls `expect` or a function known to assert, anywhere inside (callbacks included). */
function containsAssertion(n: ts.Node, assertingNames: Set<string>): boolean {
  let found = false;
  const visit = (m: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(m) && (m.text === 'expect' || assertingNames.has(m.text)) && isReference(m)) found = true;
    else ts.forEachChild(m, visit);
  };
  visit(n);
  return found;
}

/** An identifier used as a value (`expect(…)`, `check(x)`), not a property name, declaration or import. */
function isReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if ((ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isPropertyDeclaration(p)) && p.name === id)
    return false;
  if (ts.isImportSpecifier(p) || ts.isImportClause(p) || ts.isExportSpecifier(p)) return false;
  if ((ts.isFunctionDeclaration(p) || ts.isVariableDeclaration(p) || ts.isParameter(p)) && p.name === id) return false;
  return true;
}

interface FunctionDecl {
  name: string;
  body: ts.Node;
  exported: boolean;
}

/** The named functions a file declares (`function f`, `const f = () => …`) with their bodies. */
function functionsOf(sf: ts.SourceFile): FunctionDecl[] {
  const out: FunctionDecl[] = [];
  const exported = (n: ts.Node) =>
    ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionDeclaration(n) && n.name && n.body)
      out.push({ name: n.name.text, body: n.body, exported: exported(n) });
    if (ts.isVariableStatement(n))
      for (const d of n.declarationList.declarations)
        if (ts.isIdentifier(d.name) && d.initializer) {
          const init = unwrap(d.initializer);
          if (ts.isArrowFunction(init) || ts.isFunctionExpression(init))
            out.push({ name: d.name.text, body: init.body, exported: exported(n) });
        }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** Local name → [file, exported name] of what a file imports from other scanned files. */
function importsOf(file: string, sf: ts.SourceFile, files: Set<string>): Map<string, [string, string]> {
  const out = new Map<string, [string, string]>();
  for (const s of sf.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier)) continue;
    const spec = s.moduleSpecifier.text;
    if (!spec.startsWith('.')) continue;
    const base = path.posix.join(path.posix.dirname(file), spec);
    const target = ['.ts', '.tsx', '/index.ts', ''].map((x) => base + x).find((f) => files.has(f));
    const named = s.importClause?.namedBindings;
    if (!target || !named || !ts.isNamedImports(named)) continue;
    for (const e of named.elements) out.set(e.name.text, [target, (e.propertyName ?? e.name).text]);
  }
  return out;
}

/**
 * Per file, the names that assert when called: functions whose body calls `expect` or another asserting function,
 * declared in the file or imported from another scanned file (to a fixed point).
 */
function assertingFunctions(parsed: { file: string; sf: ts.SourceFile }[]): Map<string, Set<string>> {
  const files = new Set(parsed.map((p) => p.file));
  const decls = new Map(parsed.map((p) => [p.file, functionsOf(p.sf)]));
  const imports = new Map(parsed.map((p) => [p.file, importsOf(p.file, p.sf, files)]));
  const names = new Map(parsed.map((p) => [p.file, new Set<string>()]));
  const exportedAsserting = (file: string, name: string) =>
    (decls.get(file) ?? []).some((d) => d.exported && d.name === name && names.get(file)?.has(name));
  for (let changed = true; changed;) {
    changed = false;
    for (const { file } of parsed) {
      const known = names.get(file) as Set<string>;
      for (const [local, [from, name]] of imports.get(file) ?? [])
        if (!known.has(local) && exportedAsserting(from, name)) {
          known.add(local);
          changed = true;
        }
      for (const d of decls.get(file) ?? [])
        if (!known.has(d.name) && containsAssertion(d.body, known)) {
          known.add(d.name);
          changed = true;
        }
    }
  }
  return names;
}
