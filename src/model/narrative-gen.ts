/**
 * Writes the standard sentences of a report's text from its filled tables ("生成文字说明"): the paragraphs on
 * 主动公开 (table 二), 依申请公开 (table 三) and 行政复议、行政诉讼 (table 四), with counts and percentages taken
 * from the cells, in the national format's terms. A figure of 0 is said in words (未发生行政复议案件) instead of
 * "0 件"; a category with no cases is left out of a list. A cell that is not filled is never written as 0: the
 * sentence shows `【待填】` there and the cell is listed in `unfilled`, so the author sees what is missing.
 *
 * The text is Chinese only (it goes into a Chinese report); the surfaces around it are bilingual. Percentages are
 * of 办理结果总计 with one decimal, rounded, as the narrative `N.` rules (`narrative.ts`) read them: the generated
 * text, checked against the same tables, yields no finding (test/model/narrative-gen.test.ts).
 * Pure TS.
 */
import { cellId, getFormat, T3_RESULT_TOTAL_ROW, T3_TOTAL_COLUMN, T4_TOTAL_COLUMN } from './formats';
import { parseCell } from './values';
import type { CellId, FormatId, RawValues, ReportFormat } from './types';

type NarrativeSectionKey = 'active' | 'application' | 'review';

interface NarrativeSection {
  key: NarrativeSectionKey;
  /** The sub-heading as reports print it inside 一、总体情况. */
  title: string;
  text: string;
}

interface GeneratedNarrative {
  sections: NarrativeSection[];
  /** The sections joined: a heading line, then its paragraph, for pasting into the report. */
  text: string;
  /** Cells a sentence needed that are not filled: the text shows `【待填】` in their place. */
  unfilled: CellId[];
}

/** Written where a figure's cell is not filled. */
export const UNFILLED_MARK = '【待填】';

const TITLES: Record<NarrativeSectionKey, string> = {
  active: '（一）主动公开',
  application: '（二）依申请公开',
  review: '（三）行政复议、行政诉讼',
};

const RESULT_NAMES: [string, string][] = [
  ['R1', '予以公开'],
  ['R2', '部分公开'],
  ['R3', '不予公开'],
  ['R4', '无法提供'],
  ['R5', '不予处理'],
  ['R6', '其他处理'],
];

const REVIEW_PARTS: [string, string][] = [
  ['UPHELD', '结果维持'],
  ['CORRECTED', '结果纠正'],
  ['OTHER', '其他结果'],
  ['PENDING', '尚未审结'],
];

/** One decimal, rounded half up on the exact ratio (what `percentAgrees` accepts as rounding). */
export function percentOf(part: number, whole: number): string {
  return (Math.round((part / whole) * 1000) / 10).toFixed(1);
}

/** The figures of one report: a sum of cells, or null when one of them is not filled. */
class Figures {
  readonly unfilled = new Set<CellId>();
  private readonly format: ReportFormat;

  constructor(
    format: ReportFormat,
    private readonly values: RawValues,
  ) {
    this.format = format;
  }

  sum(ids: CellId[]): number | null {
    let s = 0;
    let ok = true;
    for (const id of ids) {
      const c = this.format.cellById.get(id);
      const p = c ? parseCell(this.values[id], c.kind) : { filled: false, value: 0 };
      if (!p.filled) {
        this.unfilled.add(id);
        ok = false;
      } else s += p.value;
    }
    return ok ? s : null;
  }

  /** A number as written in the text, or the unfilled mark. */
  text(n: number | null): string {
    return n === null ? UNFILLED_MARK : String(Number(n.toFixed(4)));
  }
}

/** A list of clauses joined with commas, as the reports write them. */
function joinList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join('，')}，${items[items.length - 1]}`;
}

/** `some` for a figure, `none` when it is 0 (nothing happened is said in words, never as "0 件"). */
function clause(g: Figures, n: number | null, some: (text: string) => string, none: string): string {
  return n === 0 ? none : some(g.text(n));
}

/** `作出行政许可决定 3 件，行政处罚决定 2 件；未作出行政强制决定`: the zero ones named together at the end. */
function decisionsSentence(g: Figures, decisions: { name: string; n: number | null }[]): string {
  const made = decisions.filter((d) => d.n !== 0).map((d) => `${d.name}决定 ${g.text(d.n)} 件`);
  const none = decisions.filter((d) => d.n === 0).map((d) => d.name);
  if (!made.length) return `本年度未作出${none.join('、')}决定。`;
  return `本年度作出${joinList(made)}${none.length ? `；未作出${none.join('、')}决定` : ''}。`;
}

function activeSection(f: ReportFormat, g: Figures): string {
  const v = (row: string, col: string) => g.sum([cellId('T2', row, col)]);
  const out: string[] = [];
  if (f.id === '2021') {
    for (const [row, name] of [
      ['REG', '规章'],
      ['NORM', '行政规范性文件'],
    ]) {
      const [issued, repealed, inForce] = ['ISSUED', 'REPEALED', 'IN_FORCE'].map((c) => v(row, c));
      const made =
        issued === 0 && repealed === 0
          ? `未制发、未废止${name}`
          : clause(g, issued, (x) => `制发${name} ${x} 件`, `未制发${name}`) +
            '，' +
            clause(g, repealed, (x) => `废止 ${x} 件`, '未废止');
      out.push(`本年度${made}，${clause(g, inForce, (x) => `现行有效${name} ${x} 件`, `无现行有效的${name}`)}。`);
    }
    out.push(
      decisionsSentence(
        g,
        [
          ['LICENSE', '行政许可'],
          ['PENALTY', '行政处罚'],
          ['COERCION', '行政强制'],
        ].map(([row, name]) => ({ name, n: v(row, 'COUNT') })),
      ),
    );
    out.push(clause(g, v('FEE', 'AMOUNT'), (x) => `本年度行政事业性收费金额 ${x} 万元。`, '本年度无行政事业性收费。'));
  } else {
    for (const [row, name] of [
      ['REG', '规章'],
      ['NORM', '规范性文件'],
    ]) {
      const [made, published, total] = ['MADE', 'PUBLISHED', 'TOTAL_PUBLIC'].map((c) => v(row, c));
      out.push(
        `本年度${clause(g, made, (x) => `新制作${name} ${x} 件`, `未新制作${name}`)}，` +
          `${clause(g, published, (x) => `新公开 ${x} 件`, '未新公开')}，` +
          `${clause(g, total, (x) => `对外公开${name}总数 ${x} 件`, `无对外公开的${name}`)}。`,
      );
    }
    out.push(
      decisionsSentence(
        g,
        [
          ['LICENSE', '行政许可'],
          ['OTHER_SERVICE', '其他对外管理服务事项'],
          ['PENALTY', '行政处罚'],
          ['COERCION', '行政强制'],
        ].map(([row, name]) => ({ name, n: v(row, 'DECISIONS') })),
      ),
    );
    out.push(
      clause(
        g,
        v('PROCUREMENT', 'COUNT'),
        (x) => `本年度政府集中采购项目 ${x} 项，采购总金额 ${g.text(v('PROCUREMENT', 'AMOUNT'))}。`,
        '本年度无政府集中采购项目。',
      ),
    );
  }
  return out.join('');
}

function applicationSection(f: ReportFormat, g: Figures): string {
  const t3 = (row: string) => cellId('T3', row, T3_TOTAL_COLUMN);
  const [NEW, CARRY_IN] = f.t3.rows;
  const CARRY_OUT = f.t3.rows[f.t3.rows.length - 1];
  const fresh = g.sum([t3(NEW)]);
  const carryIn = g.sum([t3(CARRY_IN)]);
  const done = g.sum([t3(T3_RESULT_TOTAL_ROW)]);
  const carryOut = g.sum([t3(CARRY_OUT)]);
  const t = (n: number | null) => g.text(n);
  const out: string[] = [];

  const received = fresh === 0 ? '本年度未收到新的政府信息公开申请' : `本年度共收到政府信息公开申请 ${t(fresh)} 件`;
  const carried = carryIn === 0 ? '无上年结转的申请' : `上年结转 ${t(carryIn)} 件`;
  if (fresh === 0 && carryIn === 0) {
    out.push('本年度未收到政府信息公开申请，也无上年结转的申请。');
    return out.join('');
  }
  out.push(`${received}，${carried}。`);

  if (done === 0) out.push('本年度未办结政府信息公开申请。');
  else {
    const results = RESULT_NAMES.map(([cat, name]) => ({
      cat,
      name,
      n: g.sum(f.t3.leafRows.filter((r) => r === cat || r.startsWith(`${cat}_`)).map(t3)),
    }));
    const pct = (n: number | null) => (n === null || done === null ? UNFILLED_MARK : `${percentOf(n, done)}%`);
    const [r1, r2, ...rest] = results;
    const parts: string[] = [];
    const open = [r1, r2].filter((r) => r.n !== 0);
    if (open.length === 2) {
      const both = r1.n === null || r2.n === null ? null : r1.n + r2.n;
      parts.push(`予以公开 ${t(r1.n)} 件、部分公开 ${t(r2.n)} 件（合计占 ${pct(both)}）`);
    } else if (open.length === 1) parts.push(`${open[0].name} ${t(open[0].n)} 件，占 ${pct(open[0].n)}`);
    for (const r of rest) if (r.n !== 0) parts.push(`${r.name} ${t(r.n)} 件，占 ${pct(r.n)}`);
    out.push(`办结 ${t(done)} 件，其中${parts.join('；')}。`);
  }
  out.push(carryOut === 0 ? '无结转下年度继续办理的申请。' : `结转下年度继续办理 ${t(carryOut)} 件。`);
  return out.join('');
}

function caseParts(g: Figures, group: string): string {
  const parts = REVIEW_PARTS.map(([col, name]) => ({ name, n: g.sum([cellId('T4', group, col)]) })).filter(
    (p) => p.n !== 0,
  );
  return parts.map((p) => `${p.name} ${g.text(p.n)} 件`).join('，');
}

function reviewSection(f: ReportFormat, g: Figures): string {
  const [review, direct, after] = f.t4.groups;
  const total = (group: string) => g.sum([cellId('T4', group, T4_TOTAL_COLUMN)]);
  const out: string[] = [];
  const r = total(review);
  out.push(
    r === 0
      ? '本年度未发生政府信息公开行政复议案件。'
      : `本年度发生政府信息公开行政复议案件 ${g.text(r)} 件，其中${caseParts(g, review)}。`,
  );
  const d = total(direct);
  const a = total(after);
  const suits = d === null || a === null ? null : d + a;
  if (suits === 0) out.push('未发生政府信息公开行政诉讼案件。');
  else {
    const groups = [
      { name: '未经复议直接起诉', n: d, group: direct },
      { name: '复议后起诉', n: a, group: after },
    ]
      .filter((x) => x.n !== 0)
      .map((x) => `${x.name} ${g.text(x.n)} 件（${caseParts(g, x.group)}）`);
    out.push(`发生政府信息公开行政诉讼案件 ${g.text(suits)} 件，其中${groups.join('，')}。`);
  }
  return out.join('');
}

/** The three paragraphs from the tables of one report. */
export function generateNarrative(formatId: FormatId, values: RawValues): GeneratedNarrative {
  const f = getFormat(formatId);
  const g = new Figures(f, values);
  const sections: NarrativeSection[] = [
    { key: 'active', title: TITLES.active, text: activeSection(f, g) },
    { key: 'application', title: TITLES.application, text: applicationSection(f, g) },
    { key: 'review', title: TITLES.review, text: reviewSection(f, g) },
  ];
  return {
    sections,
    text: sections.map((s) => `${s.title}\n${s.text}`).join('\n'),
    unfilled: [...g.unfilled],
  };
}
