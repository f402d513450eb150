/**
 * The body (机关) whose report a text is, read only where a report names it for sure: its title
 * (`XX区人民政府2023年政府信息公开工作年度报告`), a title page that puts the name on the line next to the title, the
 * opening sentence (`现将XX局2023年政府信息公开工作年度报告予以公布`), or a line that says so (`单位：XX局`,
 * `发布机构：…`, a web page's `文章来源：…`). Anything else gives no body: the import then says it found none rather
 * than guess from a page's links, a contact line or a sentence naming some other office.
 */
import { REPORT_TITLE_SUFFIX } from '../../model/formats';
import { norm } from './tokens';

type BodySource = 'title' | 'titlePage' | 'opening' | 'unitLine';

interface BodyFound {
  org: string;
  /** Where the name was read: the pane and the tests can tell a title from a `单位：` line. */
  source: BodySource;
}

/** The title's suffix, with and without `年度`, and `政府信息公开年度报告` as some bodies shorten it. */
const TITLE_SUFFIXES = [
  norm(REPORT_TITLE_SUFFIX),
  norm(REPORT_TITLE_SUFFIX).replace('年度', ''),
  norm(REPORT_TITLE_SUFFIX).replace('工作', ''),
];

/**
 * What a body's name ends in: an office (`局`, `委员会`, `办事处`, `人民政府`…) or a place whose report is its
 * government's (`XX区`, `XX街道`). A name ending otherwise (`本网`, `新华社`, `首页`) is not taken.
 */
const BODY_END =
  /(?:政府|办事处|街道|管委会|委员会|委|局|办|办公室|厅|院|中心|处|署|所|会|部|馆|站|队|社|集团|公司|银行|省|市|区|县|镇|乡|州|旗|盟|苏木)$/;

/** Words that open a phrase, not a name: `我局`, `本镇`, `全县`, `关于…`, `各…`. */
const NOT_A_NAME_START = /^(?:我|本|全|各|该|关于|对|根据|现|年度|政府信息)/;

function isBodyName(s: string | undefined): s is string {
  if (!s) return false;
  const len = [...s].length;
  // Letters and the brackets of `XX局(XX办公室)` only: no digits, spaces, sentence or path punctuation.
  if (len < 3 || len > 40 || !/^[\p{L}()·]+$/u.test(s) || NOT_A_NAME_START.test(s)) return false;
  // `XX支队(XX管理局)`: the name before a closing second name decides.
  return BODY_END.test(s.replace(/\([^()]*\)$/, ''));
}

function stripTitleSuffix(line: string): string | null {
  const suffix = TITLE_SUFFIXES.find((s) => line.endsWith(s));
  if (!suffix) return null;
  const m = /^(.{0,40}?)20\d\d年度?$/.exec(line.slice(0, line.length - suffix.length));
  return m ? m[1].replace(/^关于/, '') : null;
}

// Traditional-script mirrors keep 將 and 佈, which the normal form does not rewrite.
const OPENING = new RegExp(
  `现(?:将|將|予|向社会|向社会公众)?(?:公布|公佈|公开|发布|发佈|印发|报送)?(?:如下)?[:：]?([\\p{L}()·]{3,40}?)20\\d\\d年度?(?:${TITLE_SUFFIXES.join('|')})`,
  'u',
);

const UNIT_LINE =
  /^(?:填报单位|编制单位|发布单位|报送单位|单位名称|单位|发布机构|发文机关|文章来源|信息来源)[:：](.+)$/;

/** The body the text's own title, opening or `单位：` line names; null when none names one for sure. */
export function detectBody(lines: readonly string[]): BodyFound | null {
  const all = lines.map((x) => norm(x)).filter(Boolean);
  // 1. The title, and a title page that sets the name on its own line just under (or over) the title.
  for (let i = 0; i < all.length; i++) {
    const l = all[i];
    if (l.length > 60) continue;
    const before = stripTitleSuffix(l);
    if (before === null) continue;
    if (isBodyName(before)) return { org: before, source: 'title' };
    if (before) continue;
    const next = all[i + 1];
    if (isBodyName(next) && stripTitleSuffix(next) === null) return { org: next, source: 'titlePage' };
    if (isBodyName(all[i - 1])) return { org: all[i - 1], source: 'titlePage' };
  }
  // 2. The opening sentence that publishes the report under its name.
  for (const l of all) {
    const m = OPENING.exec(l);
    if (m && isBodyName(m[1])) return { org: m[1], source: 'opening' };
  }
  // 3. A line that names the unit. A web page sets its metadata side by side (`发表日期:… 文章来源:X局 浏览次数:…`):
  // each field apart, as the page spaced them.
  for (const field of lines.flatMap((l) => l.split(/\s{2,}|[\t\u3000]/))) {
    const m = UNIT_LINE.exec(norm(field));
    if (m && isBodyName(m[1])) return { org: m[1], source: 'unitLine' };
  }
  return null;
}
