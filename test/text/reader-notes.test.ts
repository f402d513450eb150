/**
 * A reader's note is data (`{kind, params}`); `renderReaderNote` says it from the message table in zh and en,
 * naming tables and rows by their labels, never by an internal id.
 */
import { meansPartlyUnread, noteAsJson, renderReaderNote } from '../../src/io/reader-notes';
import type { ReaderNote, ReaderNoteKind } from '../../src/io/report-input';

/** One note of every kind (a Record, so a new kind without a sample does not compile). */
const SAMPLES: Record<ReaderNoteKind, ReaderNote> = {
  cutShort: { kind: 'cutShort', params: { table: 'T4' } },
  formatAssumed: { kind: 'formatAssumed', params: { format: '2019' } },
  sideBySide: { kind: 'sideBySide', params: {} },
  endsEarly: { kind: 'endsEarly', params: { line: 41 } },
  continuesAsAnother: { kind: 'continuesAsAnother', params: { line: 88 } },
  startGuessed: { kind: 'startGuessed', params: { line: 88 } },
  placedByOrder: { kind: 'placedByOrder', params: { table: 'T3', cell: 'T3.NEW.NP', label: '本年新收申请' } },
  tableNotFound: { kind: 'tableNotFound', params: { table: 'T2' } },
  strayText: { kind: 'strayText', params: { table: 'T3', text: '其中：备注行' } },
  labelsMissing: { kind: 'labelsMissing', params: { table: 'T4', labels: ['结果维持', '结果纠正'] } },
};

const notes = Object.values(SAMPLES);
const INTERNAL_ID = /\b(?:T[234]|N|V|F|P|X)\.[A-Za-z]|\bT[234]\b/;

test('every kind is said in Chinese and in English, with its parameters filled and no internal id', () => {
  expect(notes).toHaveLength(10);
  for (const n of notes) {
    const zh = renderReaderNote(n, '2021', 'zh');
    const en = renderReaderNote(n, '2021', 'en');
    expect([n.kind, zh]).toEqual([n.kind, expect.stringMatching(/[\u4e00-\u9fff]/)]);
    expect([n.kind, en]).toEqual([n.kind, expect.stringMatching(/[a-z]+ [a-z]+ [a-z]+/)]);
    for (const text of [zh, en]) {
      expect(text).not.toMatch(/\{\w+\}/);
      expect(text).not.toMatch(INTERNAL_ID);
    }
    expect(zh).not.toBe(en);
  }
});

test('tables and rows are named by their labels; the quoted text and line number are kept', () => {
  expect(renderReaderNote(SAMPLES.cutShort, '2021', 'zh')).toContain('表四');
  expect(renderReaderNote(SAMPLES.cutShort, '2021', 'en')).toContain('Table 4');
  expect(renderReaderNote(SAMPLES.placedByOrder, '2021', 'zh')).toMatch(
    /^表三“[^”]*本年新收[^”]*”行：.*“本年新收申请”/,
  );
  expect(renderReaderNote(SAMPLES.strayText, '2021', 'zh')).toContain('其中：备注行');
  expect(renderReaderNote(SAMPLES.labelsMissing, '2021', 'zh')).toContain('「结果维持」、「结果纠正」');
  expect(renderReaderNote(SAMPLES.labelsMissing, '2021', 'en')).toContain('“结果维持”, “结果纠正”');
  expect(renderReaderNote(SAMPLES.endsEarly, '2021', 'zh')).toContain('第 41 行');
  expect(renderReaderNote(SAMPLES.continuesAsAnother, '2021', 'en')).toContain('line 88');
  expect(renderReaderNote(SAMPLES.formatAssumed, '2021', 'en')).toContain('2019');
});

test('a row placed by order in table 四 (one row) is named by its table', () => {
  const t4: ReaderNote = { kind: 'placedByOrder', params: { table: 'T4', label: '复议' } };
  expect(renderReaderNote(t4, '2021', 'zh')).toMatch(/^表四：/);
});

test('the notes that mean part of the report was not read are told apart from how something was read', () => {
  const partial = notes.filter(meansPartlyUnread).map((n) => n.kind);
  expect(partial.sort()).toEqual(
    ['continuesAsAnother', 'cutShort', 'endsEarly', 'sideBySide', 'startGuessed', 'tableNotFound'].sort(),
  );
});

test('as JSON a note keeps its kind and parameters as data beside its sentence', () => {
  expect(noteAsJson(SAMPLES.cutShort, '2021', 'en')).toEqual({
    kind: 'cutShort',
    params: { table: 'T4' },
    message: renderReaderNote(SAMPLES.cutShort, '2021', 'en'),
  });
});
