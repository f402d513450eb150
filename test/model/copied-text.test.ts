import { check } from '../../src/model/check';
import { copiedSections, repeatedShare } from '../../src/model/copied-text';
import { renderFinding } from '../../src/model/render';

const LAST = [
  '本机关坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实政府信息公开条例。',
  '全年主动公开政府信息 120 条，其中机构职能类 12 条。',
  '本年度共收到政府信息公开申请 30 件，均已按时答复。',
  '进一步加强政务公开平台建设，及时更新网站栏目内容。',
  '加强政务公开工作人员培训，提升业务能力和服务水平。',
].join('');

const SAME_BUT_NUMBERS = LAST.replace('120', '136').replace('12 条', '15 条').replace('30 件', '41 件');
const REWRITTEN = [
  '本年度重点围绕优化营商环境公开惠企政策，发布政策解读 18 篇。',
  '全年主动公开政府信息 136 条，其中机构职能类 15 条。',
  '针对群众关注的教育资源配置问题，开设专题栏目集中发布信息。',
  '依申请公开办理流程再造，平均办理时间缩短至 9 个工作日。',
  '建立公开内容季度审核机制，由分管领导签批后发布。',
].join('');

describe('text copied from last year', () => {
  test('figures that changed while the sentences stayed: every sentence counts as repeated', () => {
    expect(repeatedShare(SAME_BUT_NUMBERS, LAST)).toEqual({ sentences: 5, repeated: 5 });
  });

  test('a rewritten section with one sentence kept is not copied', () => {
    const r = repeatedShare(REWRITTEN, LAST);
    expect(r).toEqual({ sentences: 5, repeated: 1 });
    expect(copiedSections({ overview: REWRITTEN }, { overview: LAST }).copied).toEqual([]);
  });

  test('a sentence changed by a word or two is still (nearly) the same', () => {
    const nearly = LAST.replace('认真贯彻落实', '全面贯彻落实');
    expect(repeatedShare(nearly, LAST).repeated).toBe(5);
  });

  test('through the checker: one warning per copied section, quoting its title and the share repeated', () => {
    const r = check(
      '2021',
      {},
      {
        prose: { overview: SAME_BUT_NUMBERS, problems: REWRITTEN, other: '无。' },
        previousProse: { overview: LAST, problems: LAST, other: '无。' },
      },
    );
    const found = r.findings.filter((f) => f.rule === 'P.copiedText');
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('warning');
    const text = renderFinding(found[0], '2021', 'zh');
    expect(text).toContain('“一、总体情况”与上年报告相同或几乎相同的句子占 100%');
    expect(text).not.toMatch(/P\.copiedText|overview/);
    // 五 was compared and passed; 六 is too short to call copied
    expect(r.summary.find((s) => s.rule === 'P.copiedText')).toMatchObject({ passed: 1, failed: 1 });
  });

  test('without last year’s text nothing is compared', () => {
    const r = check('2021', {}, { prose: { overview: LAST } });
    expect(r.findings.filter((f) => f.rule === 'P.copiedText')).toEqual([]);
  });
});
