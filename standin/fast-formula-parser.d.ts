/** Minimal typings for the parts of fast-formula-parser (MIT, untyped) the stand-in uses. */
declare module 'fast-formula-parser' {
  export interface CellRef {
    sheet?: string;
    row: number;
    col: number;
  }
  export interface RangeRef {
    sheet?: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }
  export type FormulaValue = number | string | boolean | null | FormulaValue[][] | FormulaError;
  export class FormulaError {
    constructor(error: string, msg?: string, details?: unknown);
    readonly error: string;
    readonly name: string;
    static readonly DIV0: FormulaError;
    static readonly NA: FormulaError;
    static readonly NAME: FormulaError;
    static readonly NULL: FormulaError;
    static readonly NUM: FormulaError;
    static readonly REF: FormulaError;
    static readonly VALUE: FormulaError;
  }
  export interface ParserConfig {
    onCell?: (ref: CellRef) => unknown;
    onRange?: (ref: RangeRef) => unknown[][];
    onVariable?: (name: string, sheet: string) => CellRef | RangeRef | null | undefined;
    functions?: Record<string, (...args: unknown[]) => unknown>;
  }
  export default class FormulaParser {
    constructor(config?: ParserConfig);
    parse(formula: string, position: { sheet: string; row: number; col: number }, allowReturnArray?: boolean): unknown;
    static readonly MAX_ROW: number;
    static readonly MAX_COLUMN: number;
    static readonly FormulaError: typeof FormulaError;
    static readonly FormulaHelpers: {
      accept: (...args: unknown[]) => unknown;
      acceptNumber: (...args: unknown[]) => unknown;
    };
    static readonly Types: Record<string, number>;
    static readonly SSF: { format(fmt: string, value: unknown): string };
  }
}

declare module 'fast-formula-parser/formulas/operators' {
  export const Infix: {
    compareOp: (v1: unknown, infix: string, v2: unknown, isArray1: boolean, isArray2: boolean) => unknown;
  };
}
