/**
 * Which cells each rate adds up, from the format data (formulas in test/fixtures/spec/report-format.md, "Rates";
 * `rates.ts` computes and words them). Built once per format, as a part of `prepare(id)`.
 */
import { cellId } from './formats/build';
import { T3_RESULT_TOTAL_ROW, T3_TOTAL_COLUMN } from './formats/labels';
import type { CellId, ReportFormat } from './types';

export type RateKey = 'substantiveDisclosure' | 'refusal' | 'reviewCorrection' | 'suitCorrection';
export const RATE_KEYS: readonly RateKey[] = ['substantiveDisclosure', 'refusal', 'reviewCorrection', 'suitCorrection'];

/** The cells a rate adds up above and below the line. */
interface RateDefinition {
  numerator: CellId[];
  denominator: CellId[];
}

export type RateDefinitions = Readonly<Record<RateKey, RateDefinition>>;

export function rateDefinitionsOf(f: ReportFormat): RateDefinitions {
  const t3 = (row: string) => cellId('T3', row, T3_TOTAL_COLUMN);
  const category = (cat: string) => f.t3.leafRows.filter((r) => r === cat || r.startsWith(`${cat}_`)).map(t3);
  // 已审结 = every result column of a group except 尚未审结 and 总计.
  const decided = f.t4.partColumns.filter((c) => c !== 'PENDING');
  const [review, ...suits] = f.t4.groups;
  return {
    substantiveDisclosure: {
      numerator: [...category('R1'), ...category('R2')],
      denominator: [t3(T3_RESULT_TOTAL_ROW)],
    },
    refusal: { numerator: category('R3'), denominator: [t3(T3_RESULT_TOTAL_ROW)] },
    reviewCorrection: {
      numerator: [cellId('T4', review, 'CORRECTED')],
      denominator: decided.map((c) => cellId('T4', review, c)),
    },
    suitCorrection: {
      numerator: suits.map((g) => cellId('T4', g, 'CORRECTED')),
      denominator: suits.flatMap((g) => decided.map((c) => cellId('T4', g, c))),
    },
  };
}
