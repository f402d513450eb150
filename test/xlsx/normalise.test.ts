/** The label normaliser shared by the .xlsx and text readers (src/model/normalise.ts). */
import fc from 'fast-check';
import {
  labelCore,
  labelKeys,
  normaliseLabel,
  normaliseText,
  toSimplified,
  withoutTrailingNote,
} from '../../src/model/normalise';
import { getFormat, FORMAT_IDS, DOC_SECTIONS } from '../../src/model/formats';
import { nonEmpty, ofLength } from '../support/non-empty';

const allLabels = [
  ...Object.values(DOC_SECTIONS),
  ...FORMAT_IDS.flatMap((f) => getFormat(f).tables.flatMap((t) => [t.heading, ...t.labels.map((l) => l.text)])),
];

describe('normaliseLabel', () => {
  it.each([
    ['（三）不予公开', '(三) 不予 公开'],
    ['1.属于国家秘密', '1、属于国家秘密'],
    ['商业企业', '商业 企业'],
    ['商业企业', '商業企業'],
    ['3.危及“三安全一稳定”', '3.危及"三安全一稳定"'],
    ['本年收费金额（单位：万元）', '本年收费金额(单位:万元)'],
    ['行政规范性文件', '规范性文件'],
    ['2.其他法律行政法规禁止公开', '2.其他法律法规规章禁止公开'],
    ['一、本年新收政府信息公开申请数量', '一、本年新收政府信息公開申請數量'],
    ['１２', '12'],
  ])('gives %s and %s one key', (a, b) => {
    expect(normaliseLabel(a)).toBe(normaliseLabel(b));
  });

  it('keeps every label of both formats apart within its table', () => {
    for (const f of ofLength(FORMAT_IDS, 2))
      for (const t of ofLength(getFormat(f).tables, 3)) {
        // Row labels of one table must not collide (headers repeat on purpose: 结果维持 under each group).
        const rowKeys = t.labels.filter((l) => l.role === 'rowLabel').map((l) => `${l.col}:${normaliseLabel(l.text)}`);
        expect(new Set(rowKeys).size).toBe(rowKeys.length);
      }
  });

  it('maps the traditional form of every label character that has one back to the label', () => {
    // Inverse of the table, built from the function itself: each traditional character it knows.
    const known = new Map<string, string>();
    for (let cp = 0x4e00; cp <= 0x9fff; cp++) {
      const ch = String.fromCodePoint(cp);
      const s = toSimplified(ch);
      if (s !== ch) known.set(s, ch);
    }
    for (const label of nonEmpty(allLabels)) {
      const traditional = [...label].map((ch) => known.get(ch) ?? ch).join('');
      expect(normaliseLabel(traditional)).toBe(normaliseLabel(label));
    }
    // The characters of the labels that commonly appear traditional on mirror sites are all covered.
    for (const ch of '开处请复议诉讼报项条内数规范减决许务罚强业费购额发废现单万机构会组织计据关结转办区属国护权类过执询无补后确访举认获继续缴纳维纠审经')
      expect(known.has(ch)).toBe(true);
  });
});

describe('labelKeys', () => {
  const text = fc.oneof(
    fc.string(),
    fc.constantFrom(...allLabels),
    fc
      .tuple(fc.constantFrom(...allLabels), fc.constantFrom('（注）', '(含部门)', '【注1】', ' ', ''))
      .map(([a, b]) => a + b),
  );
  it('equals the separate functions for any text', () => {
    fc.assert(
      fc.property(text, (s) => {
        const k = labelKeys(s);
        expect(k.key).toBe(normaliseLabel(s));
        expect(k.core).toBe(labelCore(s));
        expect(k.noteless).toBe(withoutTrailingNote(s));
      }),
    );
  });

  it('is idempotent: a normalised text normalises to itself', () => {
    fc.assert(fc.property(text, (s) => expect(normaliseText(normaliseText(s))).toBe(normaliseText(s))));
  });
});
