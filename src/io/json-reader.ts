/**
 * Reads reports as JSON: `{"format": "2021", "year": 2025, "org": "…", "cells": {"T3.NEW.NP": 0, …}}` (the shape of
 * `test/fixtures/expected/*.json`), an array of such objects, or `{"reports": [...]}` (the command line's own
 * `--json` output, so a checked batch can be checked again). Values may be numbers or the raw strings a user typed;
 * ids the format does not know are listed as unrecognised rather than dropped silently.
 */
import { getFormat, isFormatId } from '../model/formats';
import type { CellId, FormatId, RawValue } from '../model/types';
import { inBothLanguages } from '../model/messages';
import type { Lang } from '../model/types';
import { InputError, type ReportInput, type ReportReader } from './report-input';

function firstChar(head: Uint8Array): string {
  let i = 0;
  // UTF-8 byte order mark, then whitespace.
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) i = 3;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  return i < head.length ? String.fromCharCode(head[i]) : '';
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Which format the cell ids belong to, when the file does not say: the one knowing more of them. */
function guessFormat(ids: string[]): FormatId {
  const known = (f: FormatId) => ids.filter((id) => getFormat(f).cellById.has(id)).length;
  return known('2019') > known('2021') ? '2019' : '2021';
}

/** Which report of the file an error is about, in both languages. */
type Label = Readonly<Record<Lang, string>>;

function labelOf(...args: Parameters<typeof inBothLanguages>): Label {
  const [zh, en] = inBothLanguages(...args);
  return { zh, en };
}

function toInput(file: string, obj: unknown, label: Label): ReportInput {
  if (!isRecord(obj)) throw InputError.of('read.json.notObject', { label }, file);
  const cellsIn = obj.cells;
  if (!isRecord(cellsIn)) throw InputError.of('read.json.cells', { label }, file);
  const ids = Object.keys(cellsIn);
  let format: FormatId;
  if (obj.format === undefined) format = guessFormat(ids);
  else if (isFormatId(String(obj.format))) format = String(obj.format) as FormatId;
  else throw InputError.of('read.json.format', { label, value: JSON.stringify(obj.format) }, file);
  let year: number | undefined;
  if (obj.year !== undefined && obj.year !== null) {
    year = Number(obj.year);
    if (!Number.isInteger(year) || year < 1900 || year > 2200) {
      throw InputError.of('read.json.year', { label, value: JSON.stringify(obj.year) }, file);
    }
  }
  const fmt = getFormat(format);
  const cells: Record<CellId, RawValue> = {};
  const unrecognised: string[] = [];
  for (const id of ids) {
    const v = cellsIn[id];
    if (!fmt.cellById.has(id)) {
      unrecognised.push(`${id}: ${JSON.stringify(v)}`);
      continue;
    }
    if (v === null || typeof v === 'number' || typeof v === 'string') cells[id] = v;
    else throw InputError.of('read.json.value', { label, id }, file);
  }
  const strings = (x: unknown): Record<string, string> | undefined =>
    isRecord(x)
      ? (Object.fromEntries(Object.entries(x).filter(([, v]) => typeof v === 'string')) as Record<string, string>)
      : undefined;
  const formulas = strings(obj.formulas);
  const cellAddress = strings(obj.cellAddress);
  return {
    file,
    format,
    ...(year !== undefined ? { year } : {}),
    ...(typeof obj.org === 'string' && obj.org ? { org: obj.org } : {}),
    cells,
    ...(formulas ? { formulas } : {}),
    ...(cellAddress ? { cellAddress } : {}),
    ...(typeof obj.narrative === 'string' ? { narrative: obj.narrative } : {}),
    ...(unrecognised.length ? { unrecognised } : {}),
  };
}

function parseJsonReports(file: string, text: string): ReportInput[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    if (text.startsWith('PK\u0003\u0004')) {
      throw InputError.of('read.json.zip', {}, file);
    }
    // The parser quotes the text near the error; binary bytes there would break the one-line message.
    // eslint-disable-next-line no-control-regex
    const why = (e instanceof Error ? e.message : String(e)).replace(/[\u0000-\u001f\u007f-\u009f\ufffd]+/g, ' ');
    throw InputError.of('read.json.invalid', { why }, file);
  }
  const list = Array.isArray(doc) ? doc : isRecord(doc) && Array.isArray(doc.reports) ? doc.reports : [doc];
  if (!list.length) throw InputError.of('read.json.empty', {}, file);
  if (list.length === 1) return [toInput(file, list[0], labelOf('read.json.theReport'))];
  return list.map((x, i) => {
    const input = toInput(file, x, labelOf('read.json.reportN', { n: i + 1 }));
    return { ...input, file: `${file}#${input.year ?? i + 1}` };
  });
}

export const jsonReader: ReportReader = {
  name: 'json',
  accepts: (file, head) =>
    /\.json$/i.test(file) || (!/\.[a-z0-9]+$/i.test(file) && '{['.includes(firstChar(head) || 'x')),
  read: async (file, bytes) => parseJsonReports(file, new TextDecoder('utf-8').decode(bytes)),
};
