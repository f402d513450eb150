/** The message table is one table: its modules by surface never define a key twice, and every key says both. */
import { MESSAGES, MESSAGE_MODULES } from '../../src/model/messages';

test('no key is defined in two modules of the message table (one would silently shadow the other)', () => {
  const counts = new Map<string, number>();
  for (const m of MESSAGE_MODULES) for (const k of Object.keys(m)) counts.set(k, (counts.get(k) ?? 0) + 1);
  expect(MESSAGE_MODULES.length).toBeGreaterThan(5);
  expect([...counts].filter(([, n]) => n > 1).map(([k]) => k)).toEqual([]);
  expect(Object.keys(MESSAGES)).toHaveLength(counts.size);
});

test('every entry has a Chinese and an English text', () => {
  const entries = Object.entries(MESSAGES);
  expect(entries.length).toBeGreaterThan(200);
  const missing = entries.filter(([, t]) => !t.zh.trim() || !t.en.trim()).map(([k]) => k);
  expect(missing).toEqual([]);
});
