/**
 * Texts built to make the reader's work grow faster than the text (issue #16): every run ends fast because the
 * work is bounded by construction, which these tests assert on the structure (how many readings are made, what the
 * scanner keeps), not on the clock. `npm run bench -- --only text` measures the times.
 */
import fc from 'fast-check';
import { htmlToText, importReportHtmls, importReportTexts } from '../../src/io/text';
import { doubledLines, MAX_VARIANTS, withoutRepeats } from '../../src/io/text/doubled';
import { hostileTexts } from './hostile-texts';

describe('repeated line pairs (`1 1\\n1 1\\n2 2\\n2 2…`, 436 KB: out of memory before)', () => {
  const text = hostileTexts().find((h) => h.name === 'repeated pairs')!.text;

  test('the text is as large as the one that crashed, and every second line repeats the one before', () => {
    expect(text.length).toBeGreaterThan(400_000);
    expect(doubledLines(text.split('\n'), false).length).toBeGreaterThan(10_000);
  });

  test('no other reading is made beyond the bound, and the text is read once', () => {
    const lines = text.split('\n');
    expect(withoutRepeats(lines, doubledLines(lines, false))).toBeNull();
    const reports = importReportTexts(text);
    expect(reports).toHaveLength(1);
    expect(Object.keys(reports[0].cells)).toEqual([]);
  });

  test('for any repeats, at most MAX_VARIANTS other readings are made', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('1 1', '2 2', '规章 1 2 3', ''), { maxLength: 60 }), (ls) => {
        const variants = withoutRepeats(ls, doubledLines(ls, false));
        if (variants) expect(variants.length).toBeLessThanOrEqual(MAX_VARIANTS);
      }),
    );
  });
});

describe.each(['unclosed <a', 'unclosed <!--', 'unclosed <script'])('HTML with thousands of %s (1 MB)', (name) => {
  const page = hostileTexts().find((h) => h.name === name)!.text;

  test('is read to the end and yields no table', () => {
    expect(page.length).toBeGreaterThan(1_000_000);
    const [r] = importReportHtmls(page);
    expect(Object.keys(r.cells)).toEqual([]);
  });

  test('an element left open runs to the end of the page, as in a browser: the text before it is kept', () => {
    const text = htmlToText(`<p>前言 12</p>${page}`);
    expect(text.split('\n')[0]).toBe('前言 12');
  });
});
