/**
 * Cells the reader could not read are named for people by table, row and column (表三“…”行“自然人”列), in the
 * text output and in the JSON `message`; the internal ids stay in their own JSON fields (`cell`, `reason`).
 */
import * as path from 'path';
import { runCli } from '../support/run-cli';

const ROOT = path.join(__dirname, '../..');
// Table 三 of this excerpt is cut off after its first rows: most of its cells are unread.
const SAMPLE = path.join(ROOT, 'test/fixtures/samples/07-beipo-town-2022-fee-decimals-partial.txt');
const ID = /\bT[234]\.[A-Z0-9_]+\.[A-Z0-9_]+\b/;

test('JSON unread: each entry names its cell by table, row and column in the sentence; the id only in `cell`', async () => {
  const [rep] = JSON.parse((await runCli(['check', SAMPLE, '--json'], ROOT)).stdout).reports;
  const unread = rep.unread as { cell: string; reason: string; name: string; message: string }[];
  expect(unread.length).toBeGreaterThan(100);
  const natural = unread.find((u) => u.cell === 'T3.NEW.NP')!;
  expect(natural.name).toBe('表三“一、本年新收政府信息公开申请数量”行“自然人”列');
  expect(natural.message).toBe('表三“一、本年新收政府信息公开申请数量”行“自然人”列：原文中没有找到这一行');
  for (const u of unread) {
    expect(u.cell).toMatch(ID);
    expect(u.message.startsWith(u.name)).toBe(true);
    expect(u.message).not.toMatch(ID);
  }
});

test('--explain names every unread cell (not the first three and a count), and no id', async () => {
  const plain = (await runCli(['check', SAMPLE], ROOT)).stdout;
  const explained = (await runCli(['check', SAMPLE, '--explain'], ROOT)).stdout;
  expect(plain).toMatch(/等 175 个/);
  expect(explained).not.toMatch(/等 \d+ 个/);
  // The last cell of table 三 is named in full, which the short list leaves out.
  expect(explained).toContain('表三“四、结转下年度继续办理”行“总计”列');
  expect(plain).not.toContain('表三“四、结转下年度继续办理”行“总计”列');
  expect(explained).not.toMatch(ID);
});
