/**
 * The body is read from what names it for sure (title, title page, opening sentence, a `单位：` line) and from
 * nothing else: where no line names it, there is no body, never a guess.
 */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { detectBody } from '../../src/io/text/body';
import { importReportText } from '../../src/io/text';

const SAMPLES = path.join(__dirname, '..', 'fixtures', 'samples');

describe('a title names the body', () => {
  test.each([
    ['XX市XX区人民政府2023年政府信息公开工作年度报告', 'XX市XX区人民政府'],
    ['某某街道办事处2023年政府信息公开工作年度报告', '某某街道办事处'],
    ['宿迁市生态环境局2024年度政府信息公开工作报告', '宿迁市生态环境局'],
    ['临江市文化旅游局 2025 年政府信息公开工作年度报告', '临江市文化旅游局'],
    ['宿迁市2024年政府信息公开工作年度报告', '宿迁市'],
    ['关于某县卫生健康委员会2022年政府信息公开工作年度报告', '某县卫生健康委员会'],
    [
      '某某市公安局交通警察支队(某某市交通管理局)2021年政府信息公开年度报告',
      '某某市公安局交通警察支队(某某市交通管理局)',
    ],
    // Full-width brackets and traditional characters from mirror sites come out in one normal form.
    ['北坡鎮人民政府2022年政府信息公開工作年度報告', '北坡镇人民政府'],
  ])('%s → %s', (title, org) => {
    expect(detectBody(['', title, '', '一、总体情况'])).toEqual({ org, source: 'title' });
  });

  test('a title page with the name on its own line, under or over the bare title', () => {
    expect(detectBody(['2022年政府信息公开工作年度报告', '桃江县松木塘镇人民政府'])).toEqual({
      org: '桃江县松木塘镇人民政府',
      source: 'titlePage',
    });
    expect(detectBody(['某某县统计局', '2022年政府信息公开工作年度报告', '2023年1月'])).toEqual({
      org: '某某县统计局',
      source: 'titlePage',
    });
  });

  test('for every office name and year, the title gives the name back', () => {
    const part = fc.constantFrom('宿迁', '临江', '某某', '东城', '松木塘', '高新');
    const level = fc.constantFrom('市', '区', '县', '镇', '市某某区', '县某某乡');
    const office = fc.constantFrom('人民政府', '统计局', '街道办事处', '卫生健康委员会', '自然资源和规划局', '');
    fc.assert(
      fc.property(part, level, office, fc.integer({ min: 2008, max: 2030 }), fc.boolean(), (p, l, o, y, du) => {
        const org = `${p}${l}${o}`;
        const title = `${org}${y}年${du ? '度' : ''}政府信息公开工作${du ? '' : '年度'}报告`;
        expect(detectBody(['当前位置：首页 > 政府信息公开年报', title])).toEqual({ org, source: 'title' });
      }),
    );
  });
});

describe('the opening sentence or a unit line names the body', () => {
  test.each([
    ['根据《中华人民共和国政府信息公开条例》规定，现公布区统计局2023年政府信息公开工作年度报告。', '区统计局'],
    ['根据《条例》，现向社会公布龙口镇2022年度政府信息公开工作年度报告。本报告由总体情况…组成。', '龙口镇'],
    ['现将某某街道办事处2024年政府信息公开工作年度报告予以公布。', '某某街道办事处'],
    ['根据规定，现公开大冶市自然资源和规划局2025年政府信息公开工作报告。', '大冶市自然资源和规划局'],
  ])('%s', (line, org) => {
    expect(detectBody([line, '一、总体情况'])).toEqual({ org, source: 'opening' });
  });

  test.each([
    ['单位：某某县人力资源和社会保障局', '某某县人力资源和社会保障局'],
    ['填报单位:某某镇人民政府', '某某镇人民政府'],
    ['发表日期:2026-01-26    文章来源:大冶市自然资源和规划局    浏览次数:12', '大冶市自然资源和规划局'],
    ['发布机构：某某市发展和改革委员会', '某某市发展和改革委员会'],
  ])('%s', (line, org) => {
    expect(detectBody(['2023年政府信息公开工作年度报告', line])).toEqual({ org, source: 'unitLine' });
  });

  test('the title wins over a unit line that names another office', () => {
    expect(detectBody(['某某县统计局2023年政府信息公开工作年度报告', '文章来源：某某县人民政府办公室'])!.org).toBe(
      '某某县统计局',
    );
  });
});

describe('where nothing names the body, there is none', () => {
  test.each([
    ['a bare title', ['2023年政府信息公开工作年度报告', '一、总体情况']],
    [
      'a body that calls itself 我局 / 本镇',
      ['我局2023年政府信息公开工作年度报告', '本镇2023年政府信息公开工作年度报告'],
    ],
    ['the whole county, not one body', ['全县2023年政府信息公开工作年度报告']],
    ['a page source that is no office', ['文章来源：本网', '来源：新华社', '单位：万元']],
    ['a unit line holding figures', ['单位：件', '单位:2023年度']],
    ['a contact line naming an office', ['如对本报告有任何疑问，请联系桃江县审计局办公室。']],
    ['another document named in the text', ['2021年政府信息公开工作要点', '详见《某某市2022年政务公开工作方案》']],
    ['navigation with a path', ['首页>政府信息公开>2023年政府信息公开工作年度报告']],
    ['nothing at all', []],
  ])('%s', (_, lines) => {
    expect(detectBody(lines)).toBeNull();
  });
});

describe('published reports', () => {
  test.each([
    ['05-qu-tongjiju-2023-slash-and-blank-cells-partial.txt', '区统计局'],
    ['07-beipo-town-2022-fee-decimals-partial.txt', '北坡镇'],
    ['09-songmutang-town-2022-town-reports-guizhang.txt', '桃江县松木塘镇人民政府'],
    ['10-longkou-town-2022-label-guifanxingwenjian.txt', '龙口镇'],
    ['14-daye-zrzyhghj-2025-nonzero-table2.txt', '大冶市自然资源和规划局'],
    // Names its body only in a contact line after 一、总体情况: not read as the body.
    ['13-taojiang-shenjiju-2020-format2019.txt', undefined],
  ])('%s → %s', (file, org) => {
    const text = fs.readFileSync(path.join(SAMPLES, file), 'utf8');
    // The fixture's own source lines (URL, NOTE) are not the report's.
    const report = text.split('\n').slice(3).join('\n');
    expect(importReportText(report).org).toBe(org);
  });
});
