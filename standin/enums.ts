/**
 * Excel's enums as the runtime objects Office.js provides (string values). Generated from @types/office-js;
 * `satisfies` makes a renamed or missing member fail `tsc`.
 */

export const ConditionalFormatType = {
  custom: 'Custom',
  dataBar: 'DataBar',
  colorScale: 'ColorScale',
  iconSet: 'IconSet',
  topBottom: 'TopBottom',
  presetCriteria: 'PresetCriteria',
  containsText: 'ContainsText',
  cellValue: 'CellValue',
} as const satisfies Record<keyof typeof Excel.ConditionalFormatType, string>;

export const BorderIndex = {
  edgeTop: 'EdgeTop',
  edgeBottom: 'EdgeBottom',
  edgeLeft: 'EdgeLeft',
  edgeRight: 'EdgeRight',
  insideVertical: 'InsideVertical',
  insideHorizontal: 'InsideHorizontal',
  diagonalDown: 'DiagonalDown',
  diagonalUp: 'DiagonalUp',
} as const satisfies Record<keyof typeof Excel.BorderIndex, string>;

export const BorderLineStyle = {
  none: 'None',
  continuous: 'Continuous',
  dash: 'Dash',
  dashDot: 'DashDot',
  dashDotDot: 'DashDotDot',
  dot: 'Dot',
  double: 'Double',
  slantDashDot: 'SlantDashDot',
} as const satisfies Record<keyof typeof Excel.BorderLineStyle, string>;

export const BorderWeight = {
  hairline: 'Hairline',
  thin: 'Thin',
  medium: 'Medium',
  thick: 'Thick',
} as const satisfies Record<keyof typeof Excel.BorderWeight, string>;

export const DataValidationType = {
  none: 'None',
  wholeNumber: 'WholeNumber',
  decimal: 'Decimal',
  list: 'List',
  date: 'Date',
  time: 'Time',
  textLength: 'TextLength',
  custom: 'Custom',
  inconsistent: 'Inconsistent',
  mixedCriteria: 'MixedCriteria',
} as const satisfies Record<keyof typeof Excel.DataValidationType, string>;

export const DataValidationOperator = {
  between: 'Between',
  notBetween: 'NotBetween',
  equalTo: 'EqualTo',
  notEqualTo: 'NotEqualTo',
  greaterThan: 'GreaterThan',
  lessThan: 'LessThan',
  greaterThanOrEqualTo: 'GreaterThanOrEqualTo',
  lessThanOrEqualTo: 'LessThanOrEqualTo',
} as const satisfies Record<keyof typeof Excel.DataValidationOperator, string>;

export const DataValidationAlertStyle = {
  stop: 'Stop',
  warning: 'Warning',
  information: 'Information',
} as const satisfies Record<keyof typeof Excel.DataValidationAlertStyle, string>;

export const HorizontalAlignment = {
  general: 'General',
  left: 'Left',
  center: 'Center',
  right: 'Right',
  fill: 'Fill',
  justify: 'Justify',
  centerAcrossSelection: 'CenterAcrossSelection',
  distributed: 'Distributed',
} as const satisfies Record<keyof typeof Excel.HorizontalAlignment, string>;

export const VerticalAlignment = {
  top: 'Top',
  center: 'Center',
  bottom: 'Bottom',
  justify: 'Justify',
  distributed: 'Distributed',
} as const satisfies Record<keyof typeof Excel.VerticalAlignment, string>;

export const ClearApplyTo = {
  all: 'All',
  formats: 'Formats',
  contents: 'Contents',
  hyperlinks: 'Hyperlinks',
  removeHyperlinks: 'RemoveHyperlinks',
  resetContents: 'ResetContents',
} as const satisfies Record<keyof typeof Excel.ClearApplyTo, string>;

export const InsertShiftDirection = {
  down: 'Down',
  right: 'Right',
} as const satisfies Record<keyof typeof Excel.InsertShiftDirection, string>;

export const DeleteShiftDirection = {
  up: 'Up',
  left: 'Left',
} as const satisfies Record<keyof typeof Excel.DeleteShiftDirection, string>;

export const EventSource = {
  local: 'Local',
  remote: 'Remote',
} as const satisfies Record<keyof typeof Excel.EventSource, string>;

export const EventTriggerSource = {
  unknown: 'Unknown',
  thisLocalAddin: 'ThisLocalAddin',
} as const satisfies Record<keyof typeof Excel.EventTriggerSource, string>;

export const DataChangeType = {
  unknown: 'Unknown',
  rangeEdited: 'RangeEdited',
  rowInserted: 'RowInserted',
  rowDeleted: 'RowDeleted',
  columnInserted: 'ColumnInserted',
  columnDeleted: 'ColumnDeleted',
  cellInserted: 'CellInserted',
  cellDeleted: 'CellDeleted',
} as const satisfies Record<keyof typeof Excel.DataChangeType, string>;

export const EventType = {
  worksheetChanged: 'WorksheetChanged',
  worksheetSelectionChanged: 'WorksheetSelectionChanged',
  worksheetAdded: 'WorksheetAdded',
  worksheetActivated: 'WorksheetActivated',
  worksheetDeactivated: 'WorksheetDeactivated',
  tableChanged: 'TableChanged',
  tableSelectionChanged: 'TableSelectionChanged',
  worksheetDeleted: 'WorksheetDeleted',
  chartAdded: 'ChartAdded',
  chartActivated: 'ChartActivated',
  chartDeactivated: 'ChartDeactivated',
  chartDeleted: 'ChartDeleted',
  worksheetCalculated: 'WorksheetCalculated',
  visualSelectionChanged: 'VisualSelectionChanged',
  tableAdded: 'TableAdded',
  tableDeleted: 'TableDeleted',
  tableFiltered: 'TableFiltered',
  worksheetFiltered: 'WorksheetFiltered',
  shapeActivated: 'ShapeActivated',
  shapeDeactivated: 'ShapeDeactivated',
  visualChange: 'VisualChange',
  workbookAutoSaveSettingChanged: 'WorkbookAutoSaveSettingChanged',
  worksheetFormatChanged: 'WorksheetFormatChanged',
  ribbonCommandExecuted: 'RibbonCommandExecuted',
  worksheetRowSorted: 'WorksheetRowSorted',
  worksheetColumnSorted: 'WorksheetColumnSorted',
  worksheetSingleClicked: 'WorksheetSingleClicked',
  worksheetRowHiddenChanged: 'WorksheetRowHiddenChanged',
  commentAdded: 'CommentAdded',
  commentDeleted: 'CommentDeleted',
  commentChanged: 'CommentChanged',
  worksheetFormulaChanged: 'WorksheetFormulaChanged',
  workbookActivated: 'WorkbookActivated',
  linkedWorkbookWorkbookLinksChanged: 'LinkedWorkbookWorkbookLinksChanged',
  linkedWorkbookRefreshCompleted: 'LinkedWorkbookRefreshCompleted',
  worksheetProtectionChanged: 'WorksheetProtectionChanged',
  worksheetNameChanged: 'WorksheetNameChanged',
  worksheetVisibilityChanged: 'WorksheetVisibilityChanged',
  worksheetMoved: 'WorksheetMoved',
  linkedEntityDataDomainLinkedEntityDataDomainAdded: 'LinkedEntityDataDomainLinkedEntityDataDomainAdded',
  linkedEntityDataDomainRefreshCompleted: 'LinkedEntityDataDomainRefreshCompleted',
  linkedEntityDataDomainRefreshModeChanged: 'LinkedEntityDataDomainRefreshModeChanged',
  linkedEntityDataDomainLinkedEntityCellValueLoaded: 'LinkedEntityDataDomainLinkedEntityCellValueLoaded',
} as const satisfies Record<keyof typeof Excel.EventType, string>;

export const SheetVisibility = {
  visible: 'Visible',
  hidden: 'Hidden',
  veryHidden: 'VeryHidden',
} as const satisfies Record<keyof typeof Excel.SheetVisibility, string>;

export const RangeValueType = {
  unknown: 'Unknown',
  empty: 'Empty',
  string: 'String',
  integer: 'Integer',
  double: 'Double',
  boolean: 'Boolean',
  error: 'Error',
  richValue: 'RichValue',
} as const satisfies Record<keyof typeof Excel.RangeValueType, string>;

export const ErrorCodes = {
  accessDenied: 'AccessDenied',
  apiNotFound: 'ApiNotFound',
  conflict: 'Conflict',
  dirtySupportingFormula: 'DirtySupportingFormula',
  emptyChartSeries: 'EmptyChartSeries',
  filteredRangeConflict: 'FilteredRangeConflict',
  formulaLengthExceedsLimit: 'FormulaLengthExceedsLimit',
  generalException: 'GeneralException',
  inactiveWorkbook: 'InactiveWorkbook',
  insertDeleteConflict: 'InsertDeleteConflict',
  invalidArgument: 'InvalidArgument',
  invalidBinding: 'InvalidBinding',
  invalidOperation: 'InvalidOperation',
  invalidReference: 'InvalidReference',
  invalidSelection: 'InvalidSelection',
  itemAlreadyExists: 'ItemAlreadyExists',
  itemNotFound: 'ItemNotFound',
  mergedRangeConflict: 'MergedRangeConflict',
  nonBlankCellOffSheet: 'NonBlankCellOffSheet',
  notImplemented: 'NotImplemented',
  openWorkbookLinksBlocked: 'OpenWorkbookLinksBlocked',
  operationCellsExceedLimit: 'OperationCellsExceedLimit',
  pivotTableRangeConflict: 'PivotTableRangeConflict',
  powerQueryRefreshResourceChallenge: 'PowerQueryRefreshResourceChallenge',
  rangeExceedsLimit: 'RangeExceedsLimit',
  rangeImageExceedsLimit: 'RangeImageExceedsLimit',
  refreshWorkbookLinksBlocked: 'RefreshWorkbookLinksBlocked',
  requestAborted: 'RequestAborted',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  unsupportedFeature: 'UnsupportedFeature',
  unsupportedFillType: 'UnsupportedFillType',
  unsupportedOperation: 'UnsupportedOperation',
  unsupportedSheet: 'UnsupportedSheet',
  invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
} as const satisfies Record<keyof typeof Excel.ErrorCodes, string>;

export const CalculationType = {
  recalculate: 'Recalculate',
  full: 'Full',
  fullRebuild: 'FullRebuild',
} as const satisfies Record<keyof typeof Excel.CalculationType, string>;

export const CalculationMode = {
  automatic: 'Automatic',
  automaticExceptTables: 'AutomaticExceptTables',
  manual: 'Manual',
} as const satisfies Record<keyof typeof Excel.CalculationMode, string>;

export const NamedItemType = {
  string: 'String',
  integer: 'Integer',
  double: 'Double',
  boolean: 'Boolean',
  range: 'Range',
  error: 'Error',
  array: 'Array',
} as const satisfies Record<keyof typeof Excel.NamedItemType, string>;

export const NamedItemScope = {
  worksheet: 'Worksheet',
  workbook: 'Workbook',
} as const satisfies Record<keyof typeof Excel.NamedItemScope, string>;

export const RangeUnderlineStyle = {
  none: 'None',
  single: 'Single',
  double: 'Double',
  singleAccountant: 'SingleAccountant',
  doubleAccountant: 'DoubleAccountant',
} as const satisfies Record<keyof typeof Excel.RangeUnderlineStyle, string>;

export const ProtectionSelectionMode = {
  normal: 'Normal',
  unlocked: 'Unlocked',
  none: 'None',
} as const satisfies Record<keyof typeof Excel.ProtectionSelectionMode, string>;

export const ENUMS = {
  ConditionalFormatType,
  BorderIndex,
  BorderLineStyle,
  BorderWeight,
  DataValidationType,
  DataValidationOperator,
  DataValidationAlertStyle,
  HorizontalAlignment,
  VerticalAlignment,
  ClearApplyTo,
  InsertShiftDirection,
  DeleteShiftDirection,
  EventSource,
  EventTriggerSource,
  DataChangeType,
  EventType,
  SheetVisibility,
  RangeValueType,
  ErrorCodes,
  CalculationType,
  CalculationMode,
  NamedItemType,
  NamedItemScope,
  RangeUnderlineStyle,
  ProtectionSelectionMode,
};
