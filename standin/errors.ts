/**
 * Errors shaped like `OfficeExtension.Error`: adapters branch on `code`, so the codes and the gist of the
 * messages follow Office's.
 */
type StandInErrorCode =
  | 'AccessDenied'
  | 'GeneralException'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidReference'
  | 'ItemAlreadyExists'
  | 'ItemNotFound'
  | 'MergedRangeConflict'
  | 'PropertyNotLoaded'
  | 'InvalidObjectPath'
  | 'ApiNotFound'
  | 'InvalidSelection'
  | 'InvalidOperationInCellEditMode';

export class StandInError extends Error {
  override readonly name = 'RichApi.Error';
  readonly code: StandInErrorCode;
  readonly debugInfo: { code: string; message: string; errorLocation?: string; statement?: string };
  /** Index of the failed operation in its batch, like Office's `traceMessages` aid. */
  readonly traceMessages: string[] = [];
  innerError: StandInError | null = null;

  constructor(code: StandInErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

export const MESSAGES = {
  itemNotFound: "The requested resource doesn't exist.",
  invalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  dimensionMismatch:
    "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
  protectedSheet:
    "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. You might be requested to enter a password.",
  itemAlreadyExists: 'The resource already exists.',
  invalidOperation: 'The operation is invalid for the object or the current state of the object.',
  mergedConflict: "We can't do that to a merged cell.",
  propertyNotLoaded: (prop: string) =>
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  nullObject: (what: string) => `The object ${what} is a null object: check isNullObject before using it.`,
} as const;

export const itemNotFound = (where: string) => new StandInError('ItemNotFound', MESSAGES.itemNotFound, where);
export const invalidArgument = (where: string, message: string = MESSAGES.invalidArgument) =>
  new StandInError('InvalidArgument', message, where);
export const accessDenied = (where: string) => new StandInError('AccessDenied', MESSAGES.protectedSheet, where);
export const invalidOperation = (where: string, message: string = MESSAGES.invalidOperation) =>
  new StandInError('InvalidOperation', message, where);
