/** The workbook, its application object, defined names and settings. */
import { absoluteQualified } from '../../src/model/a1';
import type { RawSelection } from '../book';
import { invalidArgument, itemNotFound, StandInError } from '../errors';
import type { NamedItemState } from '../state';
import { isErrorValue } from '../state';
import type { Mirror } from './base';
import { ClientResult, StandInCollection, StandInContext, StandInEventHandlers, StandInObject } from './base';
import { StandInRange } from './range';
import { StandInWorksheet, StandInWorksheetCollection } from './sheet';

class StandInApplication
  extends StandInObject<true>
  implements
    Mirror<
      Excel.Application,
      | 'calculationMode'
      | 'suspendApiCalculationUntilNextSync'
      | 'suspendScreenUpdatingUntilNextSync'
      | 'calculate'
      | 'load'
    >
{
  protected readonly scalarProps = ['calculationMode'] as const;

  constructor(ctx: StandInContext) {
    super(ctx, 'Application', true, false, true);
  }

  protected read(): unknown {
    return 'Automatic';
  }

  get calculationMode(): Excel.Application['calculationMode'] {
    return this.get('calculationMode');
  }

  /** The stand-in recalculates at the end of every operation anyway; these only keep the call shape. */
  suspendApiCalculationUntilNextSync(): void {
    this.op('suspendApiCalculationUntilNextSync', () => undefined);
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.op('suspendScreenUpdatingUntilNextSync', () => undefined);
  }

  calculate(calculationType: Excel.CalculationType | 'Recalculate' | 'Full' | 'FullRebuild'): void {
    void calculationType;
    this.op('calculate', () => this.book.recalculate());
  }
}

interface NameKey {
  name: string;
  scope: string | null;
}

class StandInNamedItem
  extends StandInObject<NameKey>
  implements
    Mirror<
      Excel.NamedItem,
      | 'name'
      | 'type'
      | 'value'
      | 'formula'
      | 'comment'
      | 'visible'
      | 'scope'
      | 'getRange'
      | 'getRangeOrNullObject'
      | 'delete'
      | 'load'
      | 'isNullObject'
    >
{
  protected readonly scalarProps = ['name', 'type', 'value', 'formula', 'comment', 'visible', 'scope'] as const;

  override _hostKey(): [string, unknown] {
    return ['_Id', this.read('name')];
  }

  constructor(ctx: StandInContext, resolve: (() => NameKey | null) | NameKey, nullable = false, immediate = false) {
    super(ctx, 'NamedItem', resolve, nullable, immediate);
  }

  private item(): NamedItemState {
    const k = this.target();
    const it = this.book.nameItem(k.name, k.scope);
    if (!it) throw itemNotFound('NamedItem');
    return it;
  }

  protected read(prop: string): unknown {
    const it = this.item();
    switch (prop) {
      case 'name':
        return it.name;
      case 'formula':
        return it.formula;
      case 'value':
        return it.formula.replace(/^=/, '');
      case 'comment':
        return it.comment;
      case 'visible':
        return it.visible;
      case 'scope':
        return it.scope ? 'Worksheet' : 'Workbook';
      case 'type': {
        if (this.book.resolveName(it.name, it.scope ?? undefined)) return 'Range';
        const text = it.formula.replace(/^=/, '');
        if (/^#REF!/.test(text) || text.includes('#REF!')) return 'Error';
        const sheet = this.book.state.sheets[0];
        const v = this.book.evaluateAt(sheet, it.formula, 0, 0);
        if (isErrorValue(v)) return 'Error';
        return typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
      }
      default:
        return undefined;
    }
  }

  get name(): string {
    return this.get('name');
  }
  get type(): Excel.NamedItem['type'] {
    return this.get('type');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get value(): any {
    return this.get('value');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get formula(): any {
    return this.get('formula');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set formula(v: any) {
    this.put('formula', v, () =>
      this.book.updateName(this.item(), { formula: String(v).startsWith('=') ? String(v) : `=${v}` }),
    );
  }
  get comment(): string {
    return this.get('comment');
  }
  set comment(v: string) {
    this.put('comment', v, () => this.book.updateName(this.item(), { comment: v }));
  }
  get visible(): boolean {
    return this.get('visible');
  }
  set visible(v: boolean) {
    this.put('visible', v, () => this.book.updateName(this.item(), { visible: v }));
  }
  get scope(): Excel.NamedItem['scope'] {
    return this.get('scope');
  }

  getRange(): StandInRange {
    return new StandInRange(this.context, () => {
      const it = this.item();
      const hit = this.book.resolveName(it.name, it.scope ?? undefined);
      if (!hit) throw invalidArgument('NamedItem.getRange', 'The named item does not refer to a range.');
      return { sheetId: hit.sheet.id, rects: [{ row: hit.row, col: hit.col, rows: hit.rows, cols: hit.cols }] };
    });
  }

  getRangeOrNullObject(): StandInRange {
    return new StandInRange(
      this.context,
      () => {
        const it = this.item();
        const hit = this.book.resolveName(it.name, it.scope ?? undefined);
        return hit
          ? { sheetId: hit.sheet.id, rects: [{ row: hit.row, col: hit.col, rows: hit.rows, cols: hit.cols }] }
          : null;
      },
      true,
    );
  }

  get worksheetOrNullObject(): StandInWorksheet {
    return new StandInWorksheet(this.context, () => this.item().scope, true);
  }

  delete(): void {
    this.op('delete', () => this.book.deleteName(this.item()));
  }
}

export class StandInNamedItemCollection
  extends StandInCollection<StandInNamedItem>
  implements
    Mirror<Excel.NamedItemCollection, 'add' | 'getItem' | 'getItemOrNullObject' | 'getCount' | 'items' | 'load'>
{
  /** `scope`: the sheet id for a worksheet's names, null for the workbook's. */
  constructor(
    ctx: StandInContext,
    private readonly scope: () => string | null,
  ) {
    super(ctx, 'NamedItemCollection');
  }

  protected currentItems(): StandInNamedItem[] {
    const scope = this.scope();
    return this.book.state.names
      .filter((n) => n.scope === scope)
      .map((n) => new StandInNamedItem(this.context, { name: n.name, scope }, false, true));
  }

  add(name: string, reference: StandInRange | string, comment?: string): StandInNamedItem {
    return new StandInNamedItem(this.context, () => {
      let formula: string;
      if (typeof reference === 'string') formula = reference.startsWith('=') ? reference : `=${reference}`;
      else {
        const { sheet, rects } = reference._sheetAndRects();
        formula = `=${absoluteQualified(sheet.name, rects[0])}`;
      }
      const scope = this.scope();
      const it = this.book.addName(name, formula, comment ?? '', scope, 'NamedItemCollection.add');
      return { name: it.name, scope };
    });
  }

  getItem(name: string): StandInNamedItem {
    return new StandInNamedItem(this.context, () => {
      const it = this.book.nameItem(name, this.scope());
      if (!it) throw itemNotFound('NamedItemCollection.getItem');
      return { name: it.name, scope: it.scope };
    });
  }

  getItemOrNullObject(name: string): StandInNamedItem {
    return new StandInNamedItem(
      this.context,
      () => {
        const it = this.book.nameItem(name, this.scope());
        return it ? { name: it.name, scope: it.scope } : null;
      },
      true,
    );
  }

  getCount(): ClientResult<number> {
    return new ClientResult(
      this.context,
      'NamedItemCollection.getCount',
      () => this.book.state.names.filter((n) => n.scope === this.scope()).length,
    );
  }
}

class StandInSetting
  extends StandInObject<string>
  implements Mirror<Excel.Setting, 'key' | 'value' | 'delete' | 'load' | 'isNullObject'>
{
  protected readonly scalarProps = ['key', 'value'] as const;

  override _hostKey(): [string, unknown] {
    return ['_Id', this.read('key')];
  }

  constructor(ctx: StandInContext, resolve: (() => string | null) | string, nullable = false, immediate = false) {
    super(ctx, 'Setting', resolve, nullable, immediate);
  }

  protected read(prop: string): unknown {
    const k = this.target();
    if (prop === 'key') return k;
    const json = this.book.state.settings.get(k);
    if (json === undefined) throw itemNotFound('Setting');
    return JSON.parse(json);
  }

  get key(): string {
    return this.get('key');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  get value(): any {
    return this.get('value');
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  set value(v: any) {
    this.put('value', v, () => this.book.setSetting(this.target(), JSON.stringify(v)));
  }

  delete(): void {
    this.op('delete', () => this.book.deleteSetting(this.target()));
  }
}

/**
 * Workbook settings: key-value pairs kept in the file, per file and add-in, values stored as JSON
 * (https://learn.microsoft.com/javascript/api/excel/excel.settingcollection, ExcelApi 1.4). They are saved with the
 * workbook; no `saveAsync` as the common API's `Office.context.document.settings` needs.
 */
class StandInSettingCollection
  extends StandInCollection<StandInSetting>
  implements Mirror<Excel.SettingCollection, 'add' | 'getItem' | 'getItemOrNullObject' | 'getCount' | 'items' | 'load'>
{
  constructor(ctx: StandInContext) {
    super(ctx, 'SettingCollection');
  }

  protected currentItems(): StandInSetting[] {
    return [...this.book.state.settings.keys()].map((k) => new StandInSetting(this.context, k, false, true));
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  add(key: string, value: any): StandInSetting {
    return new StandInSetting(this.context, () => {
      if (!key) throw invalidArgument('SettingCollection.add');
      this.book.setSetting(key, JSON.stringify(value ?? null));
      return key;
    });
  }

  getItem(key: string): StandInSetting {
    return new StandInSetting(this.context, () => {
      if (!this.book.state.settings.has(key)) throw itemNotFound('SettingCollection.getItem');
      return key;
    });
  }

  getItemOrNullObject(key: string): StandInSetting {
    return new StandInSetting(this.context, () => (this.book.state.settings.has(key) ? key : null), true);
  }

  getCount(): ClientResult<number> {
    return new ClientResult(this.context, 'SettingCollection.getCount', () => this.book.state.settings.size);
  }
}

interface WorkbookSelectionArgs {
  type: 'SelectionChanged';
  workbook: StandInWorkbook;
}

export class StandInWorkbook
  extends StandInObject<true>
  implements
    Mirror<
      Excel.Workbook,
      | 'name'
      | 'worksheets'
      | 'names'
      | 'settings'
      | 'application'
      | 'getSelectedRange'
      | 'getActiveCell'
      | 'onSelectionChanged'
      | 'load'
    >
{
  protected readonly scalarProps = ['name'] as const;
  readonly worksheets: StandInWorksheetCollection;
  readonly names: StandInNamedItemCollection;
  readonly settings: StandInSettingCollection;
  readonly application: StandInApplication;
  private _onSelection?: StandInEventHandlers<WorkbookSelectionArgs>;

  constructor(ctx: StandInContext) {
    super(ctx, 'Workbook', true, false, true);
    this.worksheets = new StandInWorksheetCollection(ctx);
    this.names = new StandInNamedItemCollection(ctx, () => null);
    this.settings = new StandInSettingCollection(ctx);
    this.application = new StandInApplication(ctx);
  }

  protected override child(prop: string): StandInObject | null {
    if (prop === 'worksheets') return this.worksheets;
    if (prop === 'names') return this.names;
    if (prop === 'settings') return this.settings;
    if (prop === 'application') return this.application;
    return null;
  }

  protected read(): unknown {
    return 'Book1';
  }

  get name(): string {
    return this.get('name');
  }

  /**
   * "If there are multiple ranges selected, this method will throw an error"
   * (https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-getselectedrange-member(1));
   * a chart or shape selected instead of cells fails the same way.
   */
  getSelectedRange(): StandInRange {
    return new StandInRange(this.context, () => {
      const s = this.book.activeSheet;
      if ((this.book.selectionAreas.get(s.id)?.length ?? 1) > 1) {
        throw new StandInError(
          'InvalidSelection',
          'The current selection is invalid for this operation.',
          'Workbook.getSelectedRange',
        );
      }
      return { sheetId: s.id, rects: [s.selection] };
    });
  }

  getActiveCell(): StandInRange {
    return new StandInRange(this.context, () => {
      const s = this.book.activeSheet;
      return { sheetId: s.id, rects: [{ row: s.selection.row, col: s.selection.col, rows: 1, cols: 1 }] };
    });
  }

  get onSelectionChanged(): StandInEventHandlers<WorkbookSelectionArgs> {
    return (this._onSelection ??= new StandInEventHandlers(
      this.context,
      'Workbook.onSelectionChanged',
      () => 'workbook',
      (deliver) =>
        this.book.onSelection((s: RawSelection) => (void s, deliver({ type: 'SelectionChanged', workbook: this }))),
    ));
  }
}
