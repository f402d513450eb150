/**
 * Which Office.js members a program uses, with the requirement set each belongs to, and whether each use above the
 * manifest's minimum is behind a requirement-set check. The TypeScript compiler resolves every property access to
 * its declaration in @types/office-js, whose JSDoc names the set (`[Api set: ExcelApi 1.9]`). A read through a type
 * cast (`(sheet as unknown as { autoFilter: X }).autoFilter`) is resolved on the type of the expression before the
 * cast, so a cast cannot hide a member.
 *
 * What counts as a check: a call of `isSetSupported(set, version)`, or of a function of the program whose body calls
 * `isSetSupported` (a wrapper such as `supports('1.9')` in src/excel/requirements.ts, whose set is ExcelApi unless a
 * set name is passed), or a `const` initialised with one of those. The use is behind the check when the check is in
 * the condition of an enclosing `if`, `? :` or `&&`, or in an earlier `if (…) return|throw` of an enclosing block.
 * A check with a lower version than the member's does not count.
 */
import * as path from 'path';
import * as ts from 'typescript';

export interface ApiSet {
  name: string;
  version: string;
}

export interface MemberUse {
  file: string;
  line: number;
  /** Fully qualified, e.g. `Excel.Worksheet.autoFilter`. */
  member: string;
  /** Empty for members whose declaration names no set (such as `Excel.run`): available wherever Excel is. */
  sets: ApiSet[];
  /** Requirement-set checks in force where the member is used. */
  guards: ApiSet[];
  /** Whether the member was reached through a type cast of its object. */
  throughCast: boolean;
}

const OFFICE_TYPES = `${path.sep}@types${path.sep}office-js${path.sep}`;
const API_SET = /\[\s*Api set:\s*([A-Za-z]*)\s+(\d+\.\d+)\s*\]/g;
/** Office's common API names its sets as links: `{@link …/requirement-sets/common/… | OpenBrowserWindowApi 1.1}`. */
const COMMON_SET = /\{@link [^|}]*requirement-sets\/common\/[^|}]*\|\s*([A-Za-z]+)(?:\s+(\d+\.\d+))?\s*\}/g;
const VERSION = /^\d+\.\d+$/;

export function compareVersions(a: string, b: string): number {
  const [am, an] = a.split('.').map(Number);
  const [bm, bn] = b.split('.').map(Number);
  return am - bm || an - bn;
}

function isOfficeDeclaration(decl: ts.Declaration): boolean {
  return decl.getSourceFile().fileName.split('/').join(path.sep).includes(OFFICE_TYPES);
}

/** The requirement sets named in a declaration's JSDoc (`[Api set:  1.1]`, with no set name, is the baseline). */
function setsOf(decl: ts.Declaration): ApiSet[] {
  const sf = decl.getSourceFile();
  const doc = sf.text.slice(decl.getFullStart(), decl.getStart(sf));
  const out: ApiSet[] = [];
  for (const m of doc.matchAll(API_SET)) if (m[1]) out.push({ name: m[1], version: m[2] });
  // A set named without a version is its first, 1.1.
  for (const m of doc.matchAll(COMMON_SET)) out.push({ name: m[1], version: m[2] ?? '1.1' });
  return out;
}

/** `(x)`, `x!`, `x as T`, `x satisfies T`, `<T>x` are x. */
export function stripCasts(e: ts.Expression): ts.Expression {
  let cur = e;
  while (
    ts.isParenthesizedExpression(cur) ||
    ts.isAsExpression(cur) ||
    ts.isTypeAssertionExpression(cur) ||
    ts.isNonNullExpression(cur) ||
    ts.isSatisfiesExpression(cur)
  ) {
    cur = cur.expression;
  }
  return cur;
}

export function analyseOfficeApiUsage(program: ts.Program, files: readonly string[]): MemberUse[] {
  const checker = program.getTypeChecker();
  const wrappers = new Set<ts.Node>();
  const sources = files.map((f) => {
    const sf = program.getSourceFile(f);
    if (!sf) throw new Error(`${f} is not part of the program`);
    return sf;
  });

  // Functions of the program that call isSetSupported, themselves or through another such function (supports() →
  // safeSupported() → isSetSupported): calls of them are checks too. Found by repeating until nothing is added.
  const functions: ts.FunctionLikeDeclaration[] = [];
  const collect = (node: ts.Node) => {
    if (ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
      if (node.body) functions.push(node);
    }
    ts.forEachChild(node, collect);
  };
  for (const sf of program.getSourceFiles()) if (!sf.isDeclarationFile) collect(sf);
  const callsACheck = (fn: ts.FunctionLikeDeclaration): boolean => {
    let found = false;
    const look = (n: ts.Node) => {
      if (found) return;
      if (ts.isCallExpression(n) && (calleeName(n) === 'isSetSupported' || isWrapperCall(n))) found = true;
      else ts.forEachChild(n, look);
    };
    look(fn.body!);
    return found;
  };
  for (let added = true; added;) {
    added = false;
    for (const fn of functions) {
      if (!wrappers.has(fn) && callsACheck(fn)) {
        wrappers.add(fn);
        added = true;
      }
    }
  }

  function calleeName(call: ts.CallExpression): string | null {
    const callee = stripCasts(call.expression);
    if (ts.isIdentifier(callee)) return callee.text;
    if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
    return null;
  }

  function isWrapperCall(call: ts.CallExpression): boolean {
    const sym = checker.getSymbolAtLocation(stripCasts(call.expression));
    const target = sym && sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
    return !!target?.declarations?.some((d) => {
      if (wrappers.has(d)) return true;
      return ts.isVariableDeclaration(d) && !!d.initializer && wrappers.has(d.initializer);
    });
  }

  /** The check a call makes, if it is one. */
  function guardOfCall(call: ts.CallExpression): ApiSet | null {
    const direct = calleeName(call) === 'isSetSupported';
    if (!direct && !isWrapperCall(call)) return null;
    const literals = call.arguments.filter(ts.isStringLiteralLike).map((a) => a.text);
    const version = literals.find((s) => VERSION.test(s));
    if (!version) return null;
    const name = literals.find((s) => !VERSION.test(s)) ?? 'ExcelApi';
    return { name, version };
  }

  /** Every check inside an expression, following `const` names to their initialisers. */
  function guardsIn(expr: ts.Node, seen = new Set<ts.Node>()): ApiSet[] {
    if (seen.has(expr)) return [];
    seen.add(expr);
    const out: ApiSet[] = [];
    const visit = (n: ts.Node) => {
      if (ts.isCallExpression(n)) {
        const g = guardOfCall(n);
        if (g) out.push(g);
      }
      if (ts.isIdentifier(n)) {
        const decl = checker.getSymbolAtLocation(n)?.valueDeclaration;
        if (
          decl &&
          ts.isVariableDeclaration(decl) &&
          decl.initializer &&
          ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const
        ) {
          out.push(...guardsIn(decl.initializer, seen));
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(expr);
    return out;
  }

  const endsFlow = (s: ts.Statement): boolean => {
    if (ts.isReturnStatement(s) || ts.isThrowStatement(s)) return true;
    if (ts.isBlock(s)) return s.statements.length > 0 && endsFlow(s.statements[s.statements.length - 1]);
    return false;
  };

  /** Checks in force at a node: conditions of enclosing branches and earlier early-exit `if`s. */
  function guardsAt(node: ts.Node): ApiSet[] {
    const out: ApiSet[] = [];
    let child: ts.Node = node;
    for (let p = node.parent; p; child = p, p = p.parent) {
      if (ts.isIfStatement(p) && child !== p.expression) out.push(...guardsIn(p.expression));
      else if (ts.isConditionalExpression(p) && child !== p.condition) out.push(...guardsIn(p.condition));
      else if (
        ts.isBinaryExpression(p) &&
        p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken &&
        child === p.right
      ) {
        out.push(...guardsIn(p.left));
      } else if (ts.isBlock(p) || ts.isSourceFile(p)) {
        for (const s of p.statements) {
          if (s === child) break;
          if (ts.isIfStatement(s) && endsFlow(s.thenStatement)) out.push(...guardsIn(s.expression));
        }
      }
    }
    return out;
  }

  function officeDeclarations(sym: ts.Symbol | undefined, site: ts.Node): ts.Declaration[] {
    if (!sym) return [];
    const target = sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
    // A called method: the overload the call resolves to (overloads can belong to different sets).
    const call = site.parent;
    if (call && ts.isCallExpression(call) && call.expression === site) {
      const decl = checker.getResolvedSignature(call)?.declaration;
      if (decl && !ts.isJSDocSignature(decl) && isOfficeDeclaration(decl)) return [decl];
    }
    return (target.declarations ?? []).filter(isOfficeDeclaration);
  }

  const uses: MemberUse[] = [];
  const record = (site: ts.Node, object: ts.Expression | null, name: string, nameNode: ts.Node) => {
    const stripped = object && stripCasts(object);
    const throughCast = stripped !== object;
    // A property written in an object literal is looked up on the type the literal is for (run options,
    // `set({…})` payloads); anything else is resolved where it stands.
    let sym = ts.isObjectLiteralElementLike(site)
      ? checker.getContextualType(site.parent as ts.ObjectLiteralExpression)?.getProperty(name)
      : checker.getSymbolAtLocation(nameNode);
    let decls = officeDeclarations(sym, site);
    if (decls.length === 0 && stripped && throughCast) {
      // Read through a cast: the member as the object's own type declares it.
      sym = checker.getTypeAtLocation(stripped).getProperty(name);
      decls = officeDeclarations(sym, site);
    }
    if (!sym || decls.length === 0) return;
    const sets = decls.flatMap(setsOf);
    const sf = site.getSourceFile();
    uses.push({
      file: sf.fileName,
      line: sf.getLineAndCharacterOfPosition(site.getStart(sf)).line + 1,
      member: checker.getFullyQualifiedName(sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym),
      sets,
      guards: guardsAt(site),
      throughCast,
    });
  };

  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node)) record(node, node.expression, node.name.text, node.name);
    else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
      record(node, node.expression, node.argumentExpression.text, node.argumentExpression);
    } else if (
      (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) &&
      ts.isObjectLiteralExpression(node.parent) &&
      (ts.isIdentifier(node.name) || ts.isStringLiteralLike(node.name))
    ) {
      record(node, null, node.name.text, node.name);
    }
    ts.forEachChild(node, visit);
  };
  for (const sf of sources) visit(sf);
  return uses;
}

/**
 * Uses that need a check and have none strong enough: a set above the manifest's minimum (for a set the manifest
 * names) or any version of a set the manifest does not name. A member listed in several sets needs only one.
 */
export function unguardedUses(uses: readonly MemberUse[], manifestMinimum: Record<string, string>): MemberUse[] {
  const needsNoCheck = (s: ApiSet) =>
    s.name in manifestMinimum && compareVersions(s.version, manifestMinimum[s.name]) <= 0;
  return uses.filter((u) => u.sets.length > 0 && !u.sets.some((s) => needsNoCheck(s) || isCovered(s, u.guards)));
}

/** Whether one of the checks in force admits the set at this version or later. */
export function isCovered(s: ApiSet, guards: readonly ApiSet[]): boolean {
  return guards.some((g) => g.name === s.name && compareVersions(g.version, s.version) >= 0);
}
