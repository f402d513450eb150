/** Conditional formats (custom, formula-based: the kind Excel evaluates per cell) and data validation. */
import type { Rect } from '../../src/model/a1';
import { intersect, overlaps } from '../../src/model/a1';
import { invalidArgument, invalidOperation, itemNotFound } from '../errors';
import type { ConditionalFormatState, SheetState, ValidationState } from '../state';
import { isErrorValue } from '../state';
import type { Mirror } from './base';
import { ClientResult, StandInCollection, StandInContext, StandInObject } from './base';
import type { RangeTarget } from './range';
import { StandInRange, StandInRangeAreas } from './range';
import { normalizeColor } from './range-format';

interface CfTarget {
  sheetId: string;
  id: string;
}

export class StandInConditionalFormatCollection
  extends StandInCollection<StandInConditionalFormat>
  implements
    Mirror<
      Excel.ConditionalFormatCollection,
      'add' | 'clearAll' | 'getItemAt' | 'getItem' | 'getCount' | 'items' | 'load'
    >
{
  constructor(
    ctx: StandInContext,
    private readonly range: () => RangeTarget,
  ) {
    super(ctx, 'ConditionalFormatCollection');
  }

  private sheet(): SheetState {
    return this.book.sheetById(this.range().sheetId);
  }

  private onRange(): ConditionalFormatState[] {
    const rects = this.range().rects;
    return this.sheet().conditionalFormats.filter((cf) => cf.rects.some((a) => rects.some((b) => overlaps(a, b))));
  }

  protected currentItems(): StandInConditionalFormat[] {
    const sheetId = this.range().sheetId;
    return this.onRange().map((cf) => new StandInConditionalFormat(this.context, { sheetId, id: cf.id }, true));
  }

  add(type: Excel.ConditionalFormatType | string): StandInConditionalFormat {
    return new StandInConditionalFormat(this.context, () => {
      const t = this.range();
      const cf = this.book.addConditionalFormat(
        this.sheet(),
        t.rects.map((r) => ({ ...r })),
        String(type),
        'ConditionalFormatCollection.add',
      );
      return { sheetId: t.sheetId, id: cf.id };
    });
  }

  clearAll(): void {
    this.op('clearAll', () => {
      for (const r of this.range().rects)
        this.book.clearConditionalFormats(this.sheet(), r, 'ConditionalFormatCollection.clearAll');
    });
  }

  getItemAt(index: number): StandInConditionalFormat {
    return new StandInConditionalFormat(this.context, () => {
      const cf = this.onRange()[index];
      if (!cf) throw itemNotFound('ConditionalFormatCollection.getItemAt');
      return { sheetId: this.range().sheetId, id: cf.id };
    });
  }

  getItem(id: string): StandInConditionalFormat {
    return new StandInConditionalFormat(this.context, () => {
      const cf = this.sheet().conditionalFormats.find((c) => c.id === id);
      if (!cf) throw itemNotFound('ConditionalFormatCollection.getItem');
      return { sheetId: this.range().sheetId, id: cf.id };
    });
  }

  getCount(): ClientResult<number> {
    return new ClientResult(this.context, 'ConditionalFormatCollection.getCount', () => this.onRange().length);
  }
}

abstract class CfPart extends StandInObject<true> {
  constructor(
    ctx: StandInContext,
    typeName: string,
    protected readonly cf: StandInConditionalFormat,
  ) {
    super(ctx, typeName, true, false, true);
  }

  protected state(): ConditionalFormatState {
    return this.cf._state().cf;
  }

  protected update(
    prop: string,
    value: unknown,
    patch: (cf: ConditionalFormatState) => Partial<ConditionalFormatState>,
  ): void {
    this.put(prop, value, () => {
      const { sheet, cf } = this.cf._state();
      this.book.updateConditionalFormat(sheet, cf, patch(cf), `${this._typeName}.${prop}`);
    });
  }
}

class StandInConditionalFormat
  extends StandInObject<CfTarget>
  implements
    Mirror<
      Excel.ConditionalFormat,
      | 'id'
      | 'type'
      | 'priority'
      | 'stopIfTrue'
      | 'custom'
      | 'customOrNullObject'
      | 'getRange'
      | 'getRangeOrNullObject'
      | 'getRanges'
      | 'delete'
      | 'load'
    >
{
  protected readonly scalarProps = ['id', 'type', 'priority', 'stopIfTrue'] as const;
  readonly custom: StandInCustomConditionalFormat;
  readonly customOrNullObject: StandInCustomConditionalFormat;

  constructor(ctx: StandInContext, resolve: (() => CfTarget | null) | CfTarget, immediate = false) {
    super(ctx, 'ConditionalFormat', resolve, false, immediate);
    this.custom = new StandInCustomConditionalFormat(ctx, this, false);
    this.customOrNullObject = new StandInCustomConditionalFormat(ctx, this, true);
  }

  _state(): { sheet: SheetState; cf: ConditionalFormatState } {
    const t = this.target();
    const sheet = this.book.sheetById(t.sheetId);
    const cf = sheet.conditionalFormats.find((c) => c.id === t.id);
    if (!cf) throw itemNotFound('ConditionalFormat');
    return { sheet, cf };
  }

  protected override child(prop: string): StandInObject | null {
    return prop === 'custom' ? this.custom : prop === 'customOrNullObject' ? this.customOrNullObject : null;
  }

  protected read(prop: string): unknown {
    const { sheet, cf } = this._state();
    switch (prop) {
      case 'id':
        return cf.id;
      case 'type':
        return cf.type;
      case 'priority':
        return sheet.conditionalFormats.indexOf(cf);
      case 'stopIfTrue':
        return cf.stopIfTrue;
      default:
        return undefined;
    }
  }

  get id(): string {
    return this.get('id');
  }
  get type(): Excel.ConditionalFormat['type'] {
    return this.get('type');
  }
  get priority(): number {
    return this.get('priority');
  }
  set priority(v: number) {
    this.put('priority', v, () => {
      const { sheet, cf } = this._state();
      this.book.setConditionalFormatPriority(sheet, cf, v, 'ConditionalFormat.priority');
    });
  }
  get stopIfTrue(): boolean {
    return this.get('stopIfTrue');
  }
  set stopIfTrue(v: boolean) {
    this.put('stopIfTrue', v, () => {
      const { sheet, cf } = this._state();
      this.book.updateConditionalFormat(sheet, cf, { stopIfTrue: v }, 'ConditionalFormat.stopIfTrue');
    });
  }

  getRange(): StandInRange {
    return new StandInRange(this.context, () => {
      const { sheet, cf } = this._state();
      return { sheetId: sheet.id, rects: [cf.rects[0]] };
    });
  }

  getRangeOrNullObject(): StandInRange {
    return new StandInRange(
      this.context,
      () => {
        const { sheet, cf } = this._state();
        return cf.rects.length === 1 ? { sheetId: sheet.id, rects: [cf.rects[0]] } : null;
      },
      true,
    );
  }

  getRanges(): StandInRangeAreas {
    return new StandInRangeAreas(this.context, () => {
      const { sheet, cf } = this._state();
      return { sheetId: sheet.id, rects: cf.rects.map((r: Rect) => ({ ...r })) };
    });
  }

  delete(): void {
    this.op('delete', () => {
      const { sheet, cf } = this._state();
      this.book.deleteConditionalFormat(sheet, cf, 'ConditionalFormat.delete');
    });
  }
}

class StandInCustomConditionalFormat
  extends CfPart
  implements Mirror<Excel.CustomConditionalFormat, 'rule' | 'format' | 'load'>
{
  protected readonly scalarProps = [] as const;
  readonly rule: StandInConditionalFormatRule;
  readonly format: StandInConditionalRangeFormat;

  /** `orNull`: `customOrNullObject` (ExcelApi 1.6), a null object on a format of another type. */
  constructor(
    ctx: StandInContext,
    cf: StandInConditionalFormat,
    private readonly orNull: boolean,
  ) {
    super(ctx, 'CustomConditionalFormat', cf);
    this.rule = new StandInConditionalFormatRule(ctx, cf);
    this.format = new StandInConditionalRangeFormat(ctx, cf);
  }

  /**
   * `custom` exists only on a custom rule. On a data bar, colour scale, icon set or "Highlight cells" rule Excel
   * fails the whole batch with "This operation is not permitted for the current object", loads through a collection
   * included (https://github.com/OfficeDev/office-js/issues/2180); `customOrNullObject` is a null object there
   * (https://learn.microsoft.com/javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-customornullobject-member).
   */
  private isCustom(): boolean {
    const type = this.cf._state().cf.type;
    if (type === 'Custom') return true;
    if (this.orNull) return false;
    throw invalidOperation('ConditionalFormat.custom', 'This operation is not permitted for the current object.');
  }

  override _hostIsNull(): boolean {
    return !this.isCustom();
  }

  override _hostQuery(select: string[][] | null): Record<string, unknown> | null {
    return this.isCustom() ? super._hostQuery(select) : null;
  }

  protected override child(prop: string): StandInObject | null {
    return prop === 'rule' ? this.rule : prop === 'format' ? this.format : null;
  }

  protected read(): unknown {
    return undefined;
  }
}

class StandInConditionalFormatRule
  extends CfPart
  implements Mirror<Excel.ConditionalFormatRule, 'formula' | 'formulaLocal' | 'load'>
{
  protected readonly scalarProps = ['formula', 'formulaLocal'] as const;

  constructor(ctx: StandInContext, cf: StandInConditionalFormat) {
    super(ctx, 'ConditionalFormatRule', cf);
  }

  protected read(): unknown {
    return this.state().formula ?? '';
  }

  private setFormula(prop: string, v: string): void {
    this.update(prop, v, (cf) => {
      if (cf.type !== 'Custom')
        throw invalidArgument('ConditionalFormatRule.formula', 'Only a custom conditional format has a rule formula.');
      const text = String(v).trim();
      if (!text) throw invalidArgument('ConditionalFormatRule.formula');
      return { formula: text.startsWith('=') ? text : `=${text}` };
    });
  }

  get formula(): string {
    return this.get('formula');
  }
  set formula(v: string) {
    this.setFormula('formula', v);
  }
  get formulaLocal(): string {
    return this.get('formulaLocal');
  }
  set formulaLocal(v: string) {
    this.setFormula('formulaLocal', v);
  }
}

class StandInConditionalRangeFormat
  extends CfPart
  implements Mirror<Excel.ConditionalRangeFormat, 'fill' | 'font' | 'load'>
{
  protected readonly scalarProps = [] as const;
  readonly fill: StandInConditionalRangeFill;
  readonly font: StandInConditionalRangeFont;

  constructor(ctx: StandInContext, cf: StandInConditionalFormat) {
    super(ctx, 'ConditionalRangeFormat', cf);
    this.fill = new StandInConditionalRangeFill(ctx, cf);
    this.font = new StandInConditionalRangeFont(ctx, cf);
  }

  protected override child(prop: string): StandInObject | null {
    return prop === 'fill' ? this.fill : prop === 'font' ? this.font : null;
  }

  protected read(): unknown {
    return undefined;
  }
}

class StandInConditionalRangeFill
  extends CfPart
  implements Mirror<Excel.ConditionalRangeFill, 'color' | 'clear' | 'load'>
{
  protected readonly scalarProps = ['color'] as const;

  constructor(ctx: StandInContext, cf: StandInConditionalFormat) {
    super(ctx, 'ConditionalRangeFill', cf);
  }

  protected read(): unknown {
    return this.state().fill;
  }

  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.update('color', v, () => ({ fill: normalizeColor(v) }));
  }

  clear(): void {
    this.update('color', null, () => ({ fill: null }));
  }
}

class StandInConditionalRangeFont
  extends CfPart
  implements Mirror<Excel.ConditionalRangeFont, 'color' | 'bold' | 'italic' | 'clear' | 'load'>
{
  protected readonly scalarProps = ['color', 'bold', 'italic'] as const;

  constructor(ctx: StandInContext, cf: StandInConditionalFormat) {
    super(ctx, 'ConditionalRangeFont', cf);
  }

  protected read(prop: string): unknown {
    const s = this.state();
    return prop === 'color' ? s.fontColor : prop === 'bold' ? s.bold : s.italic;
  }

  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.update('color', v, () => ({ fontColor: normalizeColor(v) }));
  }
  get bold(): boolean {
    return this.get('bold');
  }
  set bold(v: boolean) {
    this.update('bold', v, () => ({ bold: v }));
  }
  get italic(): boolean {
    return this.get('italic');
  }
  set italic(v: boolean) {
    this.update('italic', v, () => ({ italic: v }));
  }

  clear(): void {
    this.update('color', null, () => ({ fontColor: null, bold: null, italic: null }));
  }
}

// ------------------------------------------------------------------------------------------ validation

const RULE_TYPES: Record<string, string> = {
  wholeNumber: 'WholeNumber',
  decimal: 'Decimal',
  list: 'List',
  textLength: 'TextLength',
  date: 'Date',
  time: 'Time',
  custom: 'Custom',
};

export class StandInDataValidation
  extends StandInObject<true>
  implements
    Mirror<
      Excel.DataValidation,
      'rule' | 'type' | 'errorAlert' | 'prompt' | 'ignoreBlanks' | 'valid' | 'clear' | 'load'
    >
{
  protected readonly scalarProps = ['rule', 'type', 'errorAlert', 'prompt', 'ignoreBlanks', 'valid'] as const;

  constructor(
    ctx: StandInContext,
    private readonly range: () => RangeTarget,
  ) {
    super(ctx, 'DataValidation', true, false, true);
  }

  private where(): { sheet: SheetState; rect: Rect } {
    const t = this.range();
    return { sheet: this.book.sheetById(t.sheetId), rect: t.rects[0] };
  }

  private rules(): (ValidationState | null)[] {
    const { sheet, rect } = this.where();
    const out: (ValidationState | null)[] = [];
    for (let r = rect.row; r < rect.row + Math.min(rect.rows, 2000); r++) {
      for (let c = rect.col; c < rect.col + Math.min(rect.cols, 200); c++) {
        out.push(sheet.validations.find((v) => intersect(v.rect, { row: r, col: c, rows: 1, cols: 1 })) ?? null);
      }
    }
    return out;
  }

  protected read(prop: string): unknown {
    const rules = this.rules();
    const first = rules[0];
    const same = rules.every((v) => v === first);
    switch (prop) {
      case 'rule':
        return same && first ? structuredClone(first.rule) : {};
      case 'type': {
        if (!same) return 'Inconsistent';
        if (!first) return 'None';
        const k = Object.keys(first.rule)[0];
        return RULE_TYPES[k] ?? 'None';
      }
      case 'errorAlert':
        return first ? { ...first.errorAlert } : { message: '', showAlert: true, style: 'Stop', title: '' };
      case 'prompt':
        return first ? { ...first.prompt } : { message: '', showPrompt: false, title: '' };
      case 'ignoreBlanks':
        return first ? first.ignoreBlanks : true;
      case 'valid':
        return this.allValid();
      default:
        return undefined;
    }
  }

  private allValid(): boolean {
    const { sheet, rect } = this.where();
    for (let r = rect.row; r < rect.row + Math.min(rect.rows, 2000); r++) {
      for (let c = rect.col; c < rect.col + Math.min(rect.cols, 200); c++) {
        const v = sheet.validations.find((x) => intersect(x.rect, { row: r, col: c, rows: 1, cols: 1 }));
        if (v && !passes(v, this.book.cellValue(sheet, r, c))) return false;
      }
    }
    return true;
  }

  get rule(): Excel.DataValidationRule {
    return this.get('rule');
  }
  set rule(v: Excel.DataValidationRule) {
    this.put('rule', v, () => {
      const { sheet, rect } = this.where();
      const keys = Object.keys(v ?? {}).filter((k) => (v as Record<string, unknown>)[k] !== undefined);
      if (keys.length !== 1 || !RULE_TYPES[keys[0]]) {
        throw invalidArgument('DataValidation.rule', 'A data validation rule needs exactly one rule type.');
      }
      this.book.setValidation(
        sheet,
        rect,
        (x) => (x.rule = structuredClone(v) as Record<string, unknown>),
        'DataValidation.rule',
      );
    });
  }
  get type(): Excel.DataValidation['type'] {
    return this.get('type');
  }
  get valid(): boolean {
    return this.get('valid');
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.get('errorAlert');
  }
  set errorAlert(v: Excel.DataValidationErrorAlert) {
    this.put('errorAlert', v, () => {
      const { sheet, rect } = this.where();
      this.book.setValidation(
        sheet,
        rect,
        (x) => (x.errorAlert = { ...x.errorAlert, ...(v as object) }),
        'DataValidation.errorAlert',
      );
    });
  }
  get prompt(): Excel.DataValidationPrompt {
    return this.get('prompt');
  }
  set prompt(v: Excel.DataValidationPrompt) {
    this.put('prompt', v, () => {
      const { sheet, rect } = this.where();
      this.book.setValidation(
        sheet,
        rect,
        (x) => (x.prompt = { ...x.prompt, ...(v as object) }),
        'DataValidation.prompt',
      );
    });
  }
  get ignoreBlanks(): boolean {
    return this.get('ignoreBlanks');
  }
  set ignoreBlanks(v: boolean) {
    this.put('ignoreBlanks', v, () => {
      const { sheet, rect } = this.where();
      this.book.setValidation(sheet, rect, (x) => (x.ignoreBlanks = v), 'DataValidation.ignoreBlanks');
    });
  }

  clear(): void {
    this.op('clear', () => {
      const { sheet, rect } = this.where();
      this.book.clearValidation(sheet, rect, 'DataValidation.clear');
    });
  }
}

/** Whether a value satisfies a whole-number, decimal, text-length or list rule (others always pass). */
export function passes(v: ValidationState, value: unknown): boolean {
  if (value === null || value === '') return v.ignoreBlanks;
  if (isErrorValue(value)) return false;
  const [kind, spec] = Object.entries(v.rule)[0] ?? [];
  if (!kind) return true;
  const s = spec as { formula1?: unknown; formula2?: unknown; operator?: string; source?: string };
  const num = (x: unknown) => (typeof x === 'number' ? x : Number(String(x ?? '').replace(/^=/, '')));
  const compare = (n: number) => {
    const a = num(s.formula1);
    const b = num(s.formula2);
    switch (s.operator) {
      case 'Between':
        return n >= a && n <= b;
      case 'NotBetween':
        return n < a || n > b;
      case 'EqualTo':
        return n === a;
      case 'NotEqualTo':
        return n !== a;
      case 'GreaterThan':
        return n > a;
      case 'LessThan':
        return n < a;
      case 'GreaterThanOrEqualTo':
        return n >= a;
      case 'LessThanOrEqualTo':
        return n <= a;
      default:
        return true;
    }
  };
  switch (kind) {
    case 'wholeNumber':
      return typeof value === 'number' && Number.isInteger(value) && compare(value);
    case 'decimal':
      return typeof value === 'number' && compare(value);
    case 'textLength':
      return compare(String(value).length);
    case 'list':
      return String(s.source ?? '')
        .split(',')
        .map((x) => x.trim())
        .includes(String(value));
    default:
      return true;
  }
}
