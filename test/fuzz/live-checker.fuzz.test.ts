/**
 * The live checker under random use: long seeded sessions of user actions against the Excel stand-in, the real
 * adapter checking live, judged after every action by test/support/live-fuzz.ts. `FUZZ_SEED` replays a seed;
 * `FUZZ_ACTIONS` changes the length; `npm run fuzz -- --actions 200000` runs many more outside Jest.
 */
import { runSession } from '../support/live-fuzz';

// The adapter and the oracle share the model's verdicts: each input is judged once (see model-verdicts.ts).
jest.mock('../../src/model/check', () => {
  const actual = jest.requireActual('../../src/model/check');
  return { ...actual, check: jest.requireActual('../support/model-verdicts').shareVerdicts(actual.check) };
});

const total = Number(process.env.FUZZ_ACTIONS ?? 10_000);
const perSession = 250;
const firstSeed = Number(process.env.FUZZ_SEED ?? 20251127);

// A guard against a hung session, not a speed test (speed is measured by `npm run fuzz` / the bench). Every action
// now goes through Microsoft's office.js client: about 10 ms of CPU per action, minutes of wall time on a loaded
// machine.
jest.setTimeout(600_000);

it(`${total} random user actions: findings always match the model, highlights follow, the user's cells untouched`, async () => {
  let done = 0;
  let refused = 0;
  let checks = 0;
  /** Ctrl+Z presses that took something back, on Excel with and without API undo. */
  const undone = { withUndo: 0, without: 0 };
  // At least one session, whatever FUZZ_ACTIONS says: a run of no actions would judge nothing.
  expect(total).toBeGreaterThan(0);
  let s = 0;
  do {
    const seed = firstSeed + s;
    // Every fourth session on a protected sheet, where most actions outside the input cells are refused; every
    // third on an Excel without API undo (the add-in's writes clear the user's undo stack there).
    const apiUndo = s % 3 !== 2;
    const st = await runSession({
      seed,
      actions: Math.min(perSession, total - done),
      protect: s % 4 === 3,
      apiUndo,
    });
    done += st.actions;
    refused += st.refused;
    checks += st.checks;
    undone[apiUndo ? 'withUndo' : 'without'] += st.undone;
    expect(st.maxSyncsTyping).toBeLessThanOrEqual(2);
    expect(st.maxSyncsPaste).toBeLessThanOrEqual(3);
    s++;
  } while (done < total);
  expect(done).toBe(total);
  expect(checks).toBeGreaterThan(total / 4);
  if (total >= 2 * perSession) {
    expect(undone.withUndo).toBeGreaterThan(0);
    expect(undone.without).toBeGreaterThan(0);
  }
  console.log(
    `live fuzz: ${done} actions, ${refused} refused by the sheet, ${checks} live checks, ${undone.withUndo + undone.without} undone, seeds from ${firstSeed}`,
  );
});
