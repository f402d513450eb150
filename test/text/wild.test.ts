/**
 * Real published reports nobody built to pass (test/fixtures/wild, see its README): the reader never reports a value
 * that differs from what a person transcribed from the text, every value it reports is a figure of the text, and the
 * share of the transcribed cells it reads is measured and may not fall.
 */
import { importReportTexts } from '../../src/io/text';
import { readWild, scoreWild, wildExpected, wildFiles, type WildScore } from './wild-corpus';

/** Read share over the whole corpus measured when the corpus was last improved (see the README): a floor. */
const READ_SHARE_FLOOR = 0.98;

const files = wildFiles();
const scores: { file: string; score: WildScore }[] = [];

test('the corpus holds at least 20 reports, each with its hand-transcribed expectation and its source line', () => {
  expect(files.length).toBeGreaterThanOrEqual(20);
  for (const f of files) {
    expect(readWild(f).split('\n')[0]).toMatch(/^https?:\/\/\S+$/);
    expect(wildExpected(f).source).toBe(f);
  }
});

describe.each(files)('%s', (file) => {
  const text = readWild(file);
  const exp = wildExpected(file);
  const reports = importReportTexts(text);

  test('one report, of the format and year the text gives', () => {
    expect(reports).toHaveLength(1);
    expect(reports[0].format).toBe(exp.format);
    if (reports[0].year !== undefined) expect(reports[0].year).toBe(exp.year);
  });

  test('no value differs from the transcribed one, and every value read is a figure of the text', () => {
    const score = scoreWild(text, exp, reports[0]);
    scores.push({ file, score });
    expect(score.wrong).toEqual([]);
    expect(score.notInText).toEqual([]);
  });
});

test('read share over the corpus (printed per file) does not fall below the floor', () => {
  expect(scores).toHaveLength(files.length);
  const read = scores.reduce((n, s) => n + s.score.read, 0);
  const total = scores.reduce((n, s) => n + s.score.total, 0);
  expect(total).toBeGreaterThan(0);
  const lines = scores.map(
    ({ file, score }) => `${String(score.read).padStart(3)}/${String(score.total).padEnd(3)} ${file}`,
  );
  console.log(`wild corpus read share ${read}/${total} = ${((100 * read) / total).toFixed(1)}%\n${lines.join('\n')}`);
  expect(read / total).toBeGreaterThanOrEqual(READ_SHARE_FLOOR);
});
