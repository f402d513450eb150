/**
 * Label normalisation shared by every reader (.xlsx, report text, HTML): published tables carry full-width and
 * half-width punctuation, broken whitespace (`商业 企业`), traditional characters from mirror sites, `1、` for `1.`
 * and a few wording variants. Readers compare `normaliseLabel()` keys of what they found with the keys of the
 * labels in `formats/labels.ts`; no label is written here, only the character and fragment rewrites.
 *
 * Pure TS (no DOM, no Node APIs). Additive changes only: the xlsx and text readers both depend on these keys.
 */

/**
 * Traditional → simplified for every character that occurs in the format's labels and report headings (and a
 * few that occur next to them: 機關 names, 縣/鄉/鎮 levels). Checked by a test against labels.ts.
 */
const T2S_PAIRS =
  '總总體体況况動动開开處处請请復复複复覆复議议訴诉訟讼問问題题進进項项報报條条內内製制數数對对規规範范減减' +
  '決决許许務务罰罚強强業业費费採采購购額额發发廢废現现單单萬万機机構构會会組组織织計计據据關关係系爲为為为' +
  '於于結结轉转辦办區区這这屬属國国祕秘穩稳護护權权類类過过執执詢询無无沒没補补後后確确訪访舉举當当認认' +
  '獲获繼继續续繳缴納纳維维糾纠審审經经資资訊讯並并門门級级縣县鄉乡鎮镇稱称號号廳厅實实與与應应證证檢检' +
  '兩两個个說说產产際际統统徵征' +
  // Seen on traditional-script mirror sites (text reader samples).
  '檔档陳陈歲岁訂订';

const T2S: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const chars = [...T2S_PAIRS];
  for (let i = 0; i + 1 < chars.length; i += 2) m.set(chars[i], chars[i + 1]);
  return m;
})();

export function toSimplified(s: string): string {
  let out = '';
  for (const ch of s) out += T2S.get(ch) ?? ch;
  return out;
}

/**
 * Wording variants seen in real reports, as fragment rewrites applied to normalised keys (variant → the form the
 * format uses). Both sides of a comparison go through them, so a 2019 `规范性文件` and a 2021 `行政规范性文件`
 * share one key; that is harmless because each format is matched against its own labels only.
 */
export const LABEL_VARIANT_FRAGMENTS: readonly (readonly [string, string])[] = [
  ['行政规范性文件', '规范性文件'],
  ['法律法规规章', '法律行政法规'],
  // Traditional-script mirrors substitute 檔案 for 文件.
  ['规范性档案', '规范性文件'],
];

/**
 * Readable normal form: NFKC (full-width brackets, colons, commas, digits and spaces become half-width),
 * simplified characters, one kind of quote, whitespace removed. Punctuation is kept, so enumeration markers
 * (`(一)`, `1.`) can still be recognised.
 */
export function normaliseText(s: string): string {
  return toSimplified(s.normalize('NFKC'))
    .replace(/[“”„‟«»「」『』〝〞＂"]/g, '"')
    .replace(/[‘’‚‛′']/g, "'")
    .replace(/[、．]/g, '.')
    .replace(/[—–－―‐-]+/g, '-')
    .replace(/[\s\u200b\u00a0\ufeff]+/g, '');
}

/** Letters, digits and CJK only: what two spellings of the same label still have in common. */
function keyChars(s: string): string {
  return s.replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The comparison key of a label: `normaliseText`, then every punctuation mark and symbol dropped, then the
 * variant rewrites. `（三）不予公开` and `(三)不予公开` and `（三） 不予 公開` all give `三不予公开`.
 */
export function normaliseLabel(s: string): string {
  return keyOfNormalised(normaliseText(s));
}

/** `normaliseLabel` of a text already through `normaliseText`. */
function keyOfNormalised(t: string): string {
  let k = keyChars(t);
  // Until nothing changes: one rewrite can produce the variant another rewrite expects, whatever their order.
  for (let round = 0; round < LABEL_VARIANT_FRAGMENTS.length + 1; round++) {
    const before = k;
    for (const [variant, canonical] of LABEL_VARIANT_FRAGMENTS)
      if (k.includes(variant)) k = k.split(variant).join(canonical);
    if (k === before) break;
  }
  return k;
}

const ENUMERATION = /^(?:\(?[一二三四五六七八九十]+[).]|\(?\d+[).]|\([一二三四五六七八九十\d]+\))/;

/**
 * The key without its leading enumeration marker (`一、`, `（三）`, `1.`, `1、`): tables that renumber or drop
 * the markers still match. Use it as a fallback after the full key, since markers tell apart e.g. `3.其他`
 * rows of different blocks.
 */
export function labelCore(s: string): string {
  const t = normaliseText(s).replace(ENUMERATION, '');
  return normaliseLabel(t);
}

/**
 * A label with a note appended in brackets (provincial annotations, `（单位：万元）` moved into the label):
 * the key of the text before the last bracketed part, or null when there is none.
 */
export function withoutTrailingNote(s: string): string | null {
  const t = normaliseText(s);
  const m = /^(.+?)(?:\([^()]*\)|\[[^[\]]*\]|【[^【】]*】)$/.exec(t);
  return m ? normaliseLabel(m[1]) : null;
}

interface LabelKeys {
  /** `normaliseLabel`. */
  key: string;
  /** `labelCore`. */
  core: string;
  /** `withoutTrailingNote`, and its core. */
  noteless: string | null;
  notelessCore: string | null;
}

/** All the keys of one text at the cost of one normalisation (readers key every text cell of a sheet). */
export function labelKeys(s: string): LabelKeys {
  const t = normaliseText(s);
  const m = /^(.+?)(?:\([^()]*\)|\[[^[\]]*\]|【[^【】]*】)$/.exec(t);
  return {
    key: keyOfNormalised(t),
    core: keyOfNormalised(t.replace(ENUMERATION, '')),
    noteless: m ? keyOfNormalised(m[1]) : null,
    notelessCore: m ? keyOfNormalised(m[1].replace(ENUMERATION, '')) : null,
  };
}
