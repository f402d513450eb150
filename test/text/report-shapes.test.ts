/**
 * Shapes of published reports that broke the reader (issue #14), each built here from a synthetic report written
 * for the test (test/text/synthetic.ts: the format's own grid with real spans, as text, Markdown and a web page).
 * On every one: no value differs from the report, no value is given to a cell the report leaves blank, and no cell
 * the reader could not read is listed as unfilled.
 */
import { checkReportInput } from '../../src/io/check-input';
import { htmlReportReader, textReportReader } from '../../src/io/text/readers';
import { htmlToText, importReportTexts, type ImportResult } from '../../src/io/text';
import { getFormat } from '../../src/model/formats';
import {
  blankValues,
  fullValues,
  KINDS,
  patternValues,
  reportText,
  tableLines,
  type Kind,
  type Values,
} from './synthetic';

const utf8 = (s: string) => new TextEncoder().encode(s);

/**
 * Every value read is the report's, no blank cell gets one, no cell with a figure is called blank. A report may have
 * no value read (all blank) or no blank cell (all filled), so each part is compared whole, not cell by cell in a
 * loop that could run zero times; together the three parts are all the format's cells (the last line).
 */
function expectTrue(r: ImportResult, values: Values) {
  const valuesAt = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, values[id]]));
  expect(r.cells).toStrictEqual(valuesAt(Object.keys(r.cells)));
  expect(valuesAt(r.unfilled)).toStrictEqual(Object.fromEntries(r.unfilled.map((id) => [id, null])));
  const ids = getFormat(r.format).cells.map((c) => c.id);
  expect(new Set([...Object.keys(r.cells), ...r.unfilled, ...r.unread.map((u) => u.cell)]).size).toBe(ids.length);
}

const full = fullValues();
const cellCount = Object.keys(full).length;

describe('the synthetic reports read whole in every kind (the baseline of the shapes below)', () => {
  test.each(KINDS)('%s', (kind) => {
    const [r] = importReportTexts(reportText(full, kind));
    expectTrue(r, full);
    expect(Object.keys(r.cells)).toHaveLength(cellCount);
  });
});

describe('shape 1: prose sections numbered like the tables, the tables numbered again', () => {
  const prose = {
    overview: [
      '2025年，本局持续推进政务公开工作。',
      '二、主动公开政府信息情况',
      '本年度主动公开各类政府信息 1200 条。',
      '三、收到和处理政府信息公开申请情况',
      '本年度共收到政府信息公开申请 12 件。',
      '四、政府信息公开申请情况',
      '全部按期答复。',
      '五、存在的主要问题及改进情况',
      '政策解读形式还比较单一。',
      '六、其他需要报告的事项',
      '无。',
      '附表：',
    ],
    headings: {
      T2: '一、主动公开政府信息情况',
      T3: '二、收到和处理政府信息公开申请情况',
      T4: '三、政府信息公开行政复议、行政诉讼情况',
    },
    after: [],
  };
  test.each(KINDS)('%s: every table is read under its own heading', (kind) => {
    const [r] = importReportTexts(reportText(full, kind, prose));
    expectTrue(r, full);
    expect(Object.keys(r.cells)).toHaveLength(cellCount);
  });
  test.each(KINDS)('%s: a prose line 四、政府信息公开申请情况 before the tables does not stop them', (kind) => {
    const [r] = importReportTexts(
      reportText(full, kind, { between: ['四、政府信息公开申请情况', '本年度答复及时。'] }),
    );
    expectTrue(r, full);
    expect(Object.keys(r.cells)).toHaveLength(cellCount);
  });
});

describe('shape 2: tables converted from PDF to Markdown', () => {
  const md = reportText(full, 'markdown').split('\n');
  const sep = md.find((l) => l.startsWith('| ---'))!;
  const isRow = (l: string) => l.startsWith('|') && !l.startsWith('| ---');

  test('a separator line after every row is no row of figures', () => {
    const text = md.flatMap((l) => (isRow(l) ? [l, sep] : l === sep ? [] : [l]));
    expect(text.filter((l) => l === sep).length).toBeGreaterThan(40);
    const [r] = importReportTexts(text.join('\n'));
    expectTrue(r, full);
    expect(Object.keys(r.cells)).toHaveLength(cellCount);
  });

  test('rows ending in an empty cell more than the table has are read', () => {
    const [r] = importReportTexts(md.map((l) => (isRow(l) ? `${l}  |` : l)).join('\n'));
    expectTrue(r, full);
    expect(Object.keys(r.cells)).toHaveLength(cellCount);
  });

  test('two rows merged into one line of 14 figures under their two labels: unread, listed, never misplaced', () => {
    const i = md.findIndex((l) => l.includes('1.属于国家秘密'));
    const cells = (l: string) =>
      l
        .split('|')
        .slice(1, -1)
        .map((x) => x.trim());
    const [a, b] = [cells(md[i]), cells(md[i + 1])];
    const merged = `| ${a[0]} | ${a[1]} | ${a[2]} ${b[2]} | ${[...a.slice(3), ...b.slice(3)].join(' | ')} |`;
    const [r] = importReportTexts([...md.slice(0, i), merged, ...md.slice(i + 2)].join('\n'));
    expectTrue(r, full);
    const unread = r.unread.map((u) => u.cell);
    for (const row of ['R3_1', 'R3_2']) for (const col of ['NP', 'TOT']) expect(unread).toContain(`T3.${row}.${col}`);
    expect(r.unfilled).toEqual([]);
    expect(r.unrecognised.some((u) => u.includes('30'))).toBe(true);
  });
});

describe('shape 3: HTML spans laid out on a real grid', () => {
  test('table 三 of 2021 with its label merged down 20 rows and （一）予以公开 over two columns', () => {
    const html = tableLines(getFormat('2021').tables[1], full, 'html').join('\n');
    expect(html).toMatch(/<td rowspan="2\d">三、本年度办理结果<\/td><td colspan="2">（一）予以公开/);
    const [r] = importReportTexts(reportText(full, 'html'));
    expectTrue(r, full);
    expect(r.cells['T3.R1.NP']).toBe(full['T3.R1.NP']);
    expect(r.cells['T3.R1.BIZ']).toBe(full['T3.R1.BIZ']);
  });

  test.each(KINDS)(
    '%s: （一）予以公开 with only 自然人 filled: 258 stays in 自然人, the blank cells get no value',
    (kind) => {
      const sparse: Values = { ...full };
      for (const col of ['BIZ', 'RES', 'NGO', 'LAW', 'OTH', 'TOT']) sparse[`T3.R1.${col}`] = null;
      sparse['T3.R1.NP'] = 258;
      const [r] = importReportTexts(reportText(sparse, kind));
      expectTrue(r, sparse);
      // On the page's grid the label's two columns are known; in a copy the empty field after the label may be a
      // merged column or 自然人 left blank, and the empty last cell 总计 leaves no sum to tell: unread.
      if (kind === 'html') expect(r.cells['T3.R1.NP']).toBe(258);
      else expect(r.unread.map((u) => u.cell)).toEqual(expect.arrayContaining(['T3.R1.NP', 'T3.R1.BIZ']));
      expect(r.cells['T3.R1.BIZ']).toBeUndefined();
    },
  );

  test('a value merged across columns is one value for the cell it stands for', () => {
    const text = htmlToText('<table><tr><td>行政许可</td><td colspan="3">13</td></tr></table>');
    expect(text).toBe('行政许可\t13\t');
  });

  test('a value merged across rows belongs to no one row: unread, not a value and not blank', () => {
    const page = reportText(full, 'html').replace(
      /<tr><td>规章<\/td><td>(\d+)<\/td>/,
      (_, v: string) => `<tr><td>规章</td><td rowspan="2">${v}</td>`,
    );
    const withoutCell = page.replace(/(<tr><td>行政规范性文件<\/td>)<td>\d+<\/td>/, '$1');
    const [r] = importReportTexts(withoutCell);
    expectTrue(r, full);
    const spanned = r.unread.filter((u) => u.reason === 'spanned').map((u) => u.cell);
    expect(spanned).toEqual(expect.arrayContaining(['T2.REG.ISSUED', 'T2.NORM.ISSUED']));
    expect(r.cells['T2.REG.REPEALED']).toBe(full['T2.REG.REPEALED']);
  });
});

describe('shape 4: one stray tag in a text file', () => {
  test.each(['<p style="text-align:center">（2025年度）</p>', '<div class="source"><span>来源：本网</span></div>'])(
    '%s',
    (tag) => {
      const lines = reportText(full, 'text').split('\n');
      const [r] = importReportTexts([lines[0], tag, ...lines.slice(1)].join('\n'));
      expectTrue(r, full);
      expect(Object.keys(r.cells)).toHaveLength(cellCount);
    },
  );
});

describe('shape 5: a row that starts a page', () => {
  test.each([
    ['a form feed', ['\f']],
    [
      'a page footer and the title repeated at the top of the page',
      ['— 5 —', '\f临江市文化旅游局2025年政府信息公开工作年度报告'],
    ],
  ])('after %s, 四、结转下年度继续办理 is read or listed, never dropped', (_, pageBreak) => {
    const lines = reportText(full, 'text').split('\n');
    const i = lines.findIndex((l) => l.startsWith('四、结转下年度继续办理'));
    const [r] = importReportTexts([...lines.slice(0, i), ...pageBreak, ...lines.slice(i)].join('\n'));
    expectTrue(r, full);
    expect(r.cells['T3.CARRY_OUT.TOT']).toBe(full['T3.CARRY_OUT.TOT']);
  });
});

describe('shape 5, harder: page furniture, a running header and a label split across the page break', () => {
  const HEADER = '临江市文化旅游局2025年政府信息公开工作年度报告';
  /** A page break before the row `四、结转下年度继续办理`, as each copy prints it; `label` breaks after `四、结转`. */
  const breaks: [string, string[], boolean][] = [
    ['a page number line `- 3 -` and a form feed', ['- 3 -', '\f'], false],
    ['`第 3 页` alone', ['第 3 页'], false],
    ['`第3页 共5页` and the title as a running header', ['第3页 共5页', `\f${HEADER}`], false],
    ['`— 3 —` and the body name as a running header', ['— 3 —', '\f临江市文化旅游局'], false],
    ['the label split across the break, a page number between', ['- 3 -', '\f'], true],
    ['the label split across the break, the running header between', ['第 3 页', HEADER], true],
  ];
  const layouts = {
    text: (l: string) => l,
    'text laid out with spaces (pdftotext -layout)': (l: string) => l.replace(/\t/g, '   '),
    markdown: (l: string) => l,
  };
  const cases = Object.keys(layouts).flatMap((layout) =>
    breaks.map(([name, lines, split]) => [layout, name, lines, split] as const),
  );

  test.each(cases)(
    '%s, %s: the row is read (or, split, listed as unread with its line), never lost or misplaced',
    (layout, _, pageLines, split) => {
      const kind = layout === 'markdown' ? 'markdown' : 'text';
      const lines = reportText(full, kind)
        .split('\n')
        .map(layouts[layout as keyof typeof layouts]);
      const i = lines.findIndex((l) => l.includes('四、结转下年度继续办理'));
      expect(i).toBeGreaterThan(0);
      const row = lines[i];
      const cut = row.indexOf('四、结转') + '四、结转'.length;
      const broken = split ? [row.slice(0, cut), ...pageLines, row.slice(cut)] : [...pageLines, row];
      const [r] = importReportTexts([...lines.slice(0, i), ...broken, ...lines.slice(i + 1)].join('\n'));
      expectTrue(r, full);
      const carryOut = Object.keys(full).filter((id) => id.startsWith('T3.CARRY_OUT.'));
      expect(carryOut).toHaveLength(7);
      // Read, or (the label's halves too far apart to join) every cell of the row listed as unread with its line.
      for (const id of carryOut) {
        if (id in r.cells) expect(r.cells[id]).toBe(full[id]);
        else expect(r.unread.find((u) => u.cell === id)?.line).toBeTruthy();
      }
      if (!split) for (const id of carryOut) expect(r.cells[id]).toBe(full[id]);
      // Page numbers and running headers are no figures of any table.
      expect(r.unrecognised.filter((u) => /第\s*3|[-—]\s*3\s*[-—]/.test(u))).toEqual([]);
    },
  );
});

describe('shape 6: a table left entirely blank', () => {
  const blank2021 = blankValues('2021');
  const blank2019 = blankValues('2019');
  test.each(['markdown', 'html'] as const)('%s: found, every cell reported blank', (kind) => {
    const [r] = importReportTexts(reportText(blank2021, kind));
    expectTrue(r, blank2021);
    expect(r.unfilled).toHaveLength(cellCount);
    expect(r.unread).toEqual([]);
  });

  test('text copied without a tab after the last cell: blank where the count of empty cells is sure, else unread', () => {
    const [r] = importReportTexts(reportText(blank2021, 'text'));
    expectTrue(r, blank2021);
    expect(r.unfilled.length).toBeGreaterThan(0);
    expect(Object.keys(r.cells)).toEqual([]);
  });

  test('a 2022 report left blank in the 2019 layout: a report, blank, and its outdated layout is a finding', async () => {
    const page = reportText(blank2019, 'html', { format: '2019', year: 2022 });
    const [input] = await htmlReportReader.read('blank.html', utf8(page));
    expect(input.format).toBe('2019');
    expect(input.year).toBe(2022);
    const result = checkReportInput(input);
    expect(result.findings.map((f) => f.rule)).toContain('FMT.outdated');
    expect(result.unfilled).toHaveLength(Object.keys(blank2019).length);
  });

  test('a text with no table at all is still "no table found"', async () => {
    const read = textReportReader.read('prose.txt', utf8('一、总体情况\n本年度工作平稳。'));
    await expect(read).rejects.toThrow(/没有找到政府信息公开工作年度报告的统计表/);
    await expect(read).rejects.toMatchObject({ en: expect.stringMatching(/^no table of a/) });
  });
});

describe('shape 7: two bodies in one file, one after the other', () => {
  const city = fullValues();
  const street = patternValues();
  const twoBodies = (kind: Kind, o: { streetTitle?: boolean } = {}) => {
    const first = reportText(city, kind, { org: '临江市人民政府', year: 2024 });
    const second = reportText(street, kind, { org: '临江市城南街道办事处', year: 2024 });
    // Without its title and overview: the street office's tables pasted right after the city's report.
    const bare =
      o.streetTitle === false
        ? second
            .split('\n')
            .slice(kind === 'html' ? 4 : 3)
            .join('\n')
        : second;
    return `${first}\n${bare}`;
  };

  test.each(KINDS)('%s: read as two reports, each with its own body name and its own values', (kind) => {
    const reports = importReportTexts(twoBodies(kind));
    expect(reports.map((r) => [r.org, r.year])).toEqual([
      ['临江市人民政府', 2024],
      ['临江市城南街道办事处', 2024],
    ]);
    expectTrue(reports[0], city);
    expectTrue(reports[1], street);
    for (const r of reports) expect(Object.keys(r.cells)).toHaveLength(cellCount);
  });

  test.each(KINDS)(
    '%s: the second body pasted without its title: still its own report, and a note says why',
    (kind) => {
      const reports = importReportTexts(twoBodies(kind, { streetTitle: false }));
      expect(reports).toHaveLength(2);
      expectTrue(reports[0], city);
      expectTrue(reports[1], street);
      // Where the two part is a guess: both reports say so, at the same line, before anything is written.
      const line = expect.any(Number);
      expect(reports[0].notes).toContainEqual({ kind: 'continuesAsAnother', params: { line } });
      expect(reports[1].notes).toContainEqual({ kind: 'startGuessed', params: { line } });
      const at = (r: (typeof reports)[number]) =>
        r.notes?.find((n) => n.kind === 'continuesAsAnother' || n.kind === 'startGuessed')?.params;
      expect(at(reports[0])).toEqual(at(reports[1]));
    },
  );

  test('the file reader gives each body its own report, named apart even when their years are the same', async () => {
    const inputs = await textReportReader.read('two.txt', utf8(twoBodies('text')));
    expect(inputs.map((i) => [i.file, i.org])).toEqual([
      ['two.txt#1', '临江市人民政府'],
      ['two.txt#2', '临江市城南街道办事处'],
    ]);
  });

  test('a table heading repeated before table 四 (a running header on a new page) does not split the report', () => {
    const lines = reportText(full, 'text').split('\n');
    const i = lines.findIndex((l) => l.startsWith('四、结转下年度继续办理'));
    const header = lines.find((l) => l.startsWith('三、收到和处理政府信息公开申请情况'))!;
    const reports = importReportTexts([...lines.slice(0, i), '\f', header, ...lines.slice(i)].join('\n'));
    expect(reports).toHaveLength(1);
    expectTrue(reports[0], full);
  });
});

describe('shape 8: year, format and level of a page cut from a flip-book', () => {
  const cut = (text: string) =>
    [
      '首页 > 政务公开 > 2021年政府信息公开工作要点',
      '上一页 下一页 第 3 页',
      ...text.split('\n').slice(1), // no title line
    ].join('\n');

  test.each(KINDS.filter((k) => k !== 'html'))(
    '%s: a 2020 report without its title is 2020 (statistics period), not 2021 (a link to another document)',
    (kind) => {
      const values = blankValues('2019');
      const text = reportText(values, kind, {
        format: '2019',
        year: 2020,
        overview: ['本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。'],
      });
      const [r] = importReportTexts(cut(text));
      expect(r.year).toBe(2020);
      expect(r.format).toBe('2019');
    },
  );

  test.each(['我镇', '本镇', '我乡', '本街道'])(
    'a body calling itself %s is checked as a town (规章 it cannot make)',
    async (self) => {
      const values: Values = { ...full, 'T2.REG.ISSUED': 2, 'T2.REG.IN_FORCE': 2 };
      const text = reportText(values, 'text', { overview: [`2025年，${self}持续推进政务公开工作。`] });
      const [input] = await textReportReader.read('page.txt', utf8(cut(text)));
      expect(input.org).toBeUndefined();
      expect(checkReportInput(input).findings.map((f) => f.rule)).toContain('P.regulationsAtLocalLevel');
      const [plain] = await textReportReader.read('page.txt', utf8(cut(reportText(values, 'text'))));
      expect(checkReportInput(plain).findings.map((f) => f.rule)).not.toContain('P.regulationsAtLocalLevel');
    },
  );
});
