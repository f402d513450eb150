import { getFormat } from '../../src/model/formats';
import { importReportHtml, importReportText, importReportTexts } from '../../src/io/text';
import { expectedReports, readSample, sampleFiles } from './fixtures';
import { nonEmpty } from '../support/non-empty';

describe('published reports with an expected/ counterpart import to exactly those values', () => {
  for (const exp of nonEmpty(expectedReports())) {
    test(`${exp.name} (${exp.source}, column ${exp.column})`, () => {
      const reports = importReportTexts(readSample(exp.source));
      const r = reports[exp.column];
      expect(r).toBeDefined();
      expect(r.format).toBe(exp.format);
      expect(r.year).toBe(exp.year);
      expect(r.cells).toEqual(exp.cells);
      expect(r.unfilled).toEqual([]);
      expect(r.unread).toEqual([]);
    });
  }
});

describe('every sample imports without error, and what it reports is consistent', () => {
  for (const file of nonEmpty(sampleFiles())) {
    test(file, () => {
      for (const r of nonEmpty(importReportTexts(readSample(file)))) {
        const format = getFormat(r.format);
        const ids = format.cells.map((c) => c.id);
        // Every cell is read, left blank by the report (unfilled) or unread, exactly one of the three, and only the
        // format's own cells occur.
        const all = [...Object.keys(r.cells), ...r.unfilled, ...r.unread.map((u) => u.cell)];
        for (const id of nonEmpty(all)) expect(ids).toContain(id);
        expect(all.length).toBe(ids.length);
        expect(new Set(all).size).toBe(ids.length);
        expect(Object.keys(r.cells)).toEqual(expect.arrayContaining(r.inferred ?? []));
      }
    });
  }
});

describe('sample shapes', () => {
  const one = (prefix: string) => importReportText(readSample(sampleFiles().find((f) => f.startsWith(prefix))!));

  test('the 2019 trial format is recognised from its labels (12, 13)', () => {
    expect(one('12-').format).toBe('2019');
    expect(one('13-').format).toBe('2019');
    expect(one('12-').year).toBe(2020);
  });

  test('12: provincial notes in labels, a mirror term (規範性檔案), an extra row and a "-" value', () => {
    const r = one('12-');
    expect(r.cells['T2.NORM.TOTAL_PUBLIC']).toBe(19);
    expect(r.cells['T2.OTHER_SERVICE.DECISIONS']).toBe(165);
    expect(r.cells['T2.COERCION.CHANGE']).toBe(4);
    expect(r.unfilled).toContain('T2.COERCION.DECISIONS');
    // The provincial extra row 其他主動公開檔案 is not a row of the format: reported, not placed.
    expect(r.unrecognised.some((u) => u.includes('186'))).toBe(true);
    expect(Object.values(r.cells)).not.toContain(186);
  });

  test('13: one cell per line with "|" lines as terminators', () => {
    const r = one('13-');
    expect(r.cells['T2.NORM.MADE']).toBe(2);
    expect(r.cells['T2.PROCUREMENT.AMOUNT']).toBe(0);
    expect(r.cells['T3.R2.TOT']).toBe(0);
  });

  test('05: "/" and blank cells are unfilled; a filled 总计 beside blank applicant cells is read', () => {
    const r = one('05-');
    for (const c of ['ISSUED', 'REPEALED', 'IN_FORCE']) expect(r.unfilled).toContain(`T2.REG.${c}`);
    expect(r.cells['T3.NEW.TOT']).toBe(0);
    expect(r.unfilled).toContain('T3.NEW.NP');
  });

  test('06: blank applicant cells with header words split over two lines', () => {
    const r = one('06-');
    expect(r.cells['T2.NORM.IN_FORCE']).toBe(101);
    expect(r.cells['T3.NEW.NP']).toBe(0);
    expect(r.unfilled).toContain('T3.NEW.BIZ');
    expect(r.cells['T3.R3_5.TOT']).toBe(0);
  });

  test('07: traditional characters, missing caption row, fee with six decimals', () => {
    const r = one('07-');
    expect(r.year).toBe(2022);
    expect(r.format).toBe('2021');
    expect(r.cells['T2.FEE.AMOUNT']).toBe(190.457379);
    expect(r.cells['T2.PENALTY.COUNT']).toBe(4);
  });

  test('10: 规范性文件 in a 2021-format table is read as 行政规范性文件', () => {
    const r = one('10-');
    expect(r.format).toBe('2021');
    expect(r.cells['T2.NORM.ISSUED']).toBe(0);
    expect(r.cells['T3.CARRY_IN.TOT']).toBe(0);
  });

  test('03 and 14: half-width punctuation and one cell per line, cut off mid-table', () => {
    const r3 = one('03-');
    expect(r3.year).toBe(2024);
    expect(r3.cells['T2.NORM.IN_FORCE']).toBe(25);
    expect(r3.cells['T3.NEW.TOT']).toBe(66);
    // Cut off before these rows: not read, and not blamed on the report as unfilled.
    expect(r3.unread.map((u) => u.cell)).toContain('T3.CARRY_OUT.TOT');
    expect(r3.unfilled).not.toContain('T3.CARRY_OUT.TOT');
    const r14 = one('14-');
    expect(r14.year).toBe(2025);
    expect(r14.org).toBe('大冶市自然资源和规划局');
    expect(r14.cells['T2.LICENSE.COUNT']).toBe(247);
    expect(r14.unread.map((u) => u.cell)).toContain('T2.FEE.AMOUNT');
    expect(r14.unfilled).not.toContain('T2.FEE.AMOUNT');
  });

  test('the Suqian comparison yields both years, and its analysis tables are unrecognised, not data', () => {
    const [a, b] = importReportTexts(readSample(sampleFiles().find((f) => f.startsWith('02-'))!));
    expect([a.year, b.year]).toEqual([2023, 2024]);
    expect(a.unrecognised.length).toBeGreaterThan(0);
  });

  test('a side-by-side comparison without its year line is not read (no value under the wrong year)', () => {
    const text = readSample(sampleFiles().find((f) => f.startsWith('02-'))!);
    const withoutYears = text
      .split('\n')
      .filter((l) => !/^\s*2023 年报告\s+2024 年报告\s*$/.test(l))
      .join('\n');
    expect(withoutYears).not.toBe(text);
    const reports = importReportTexts(withoutYears);
    expect(reports).toHaveLength(1);
    expect(reports[0].cells).toEqual({});
  });

  test('the HTML fixture reads the same through importReportHtml', () => {
    const file = sampleFiles().find((f) => f.startsWith('90-'))!;
    const html = readSample(file).split('\n').slice(3).join('\n');
    const exp = expectedReports().find((e) => e.source === file)!;
    expect(importReportHtml(html).cells).toEqual(exp.cells);
  });
});
