/**
 * `npm run fuzz -- --actions 200000 [--seed N] [--session 500]`: the live-checker fuzz of test/fuzz/ at any length.
 * Prints the seed of a failing session; `FUZZ_SEED=<seed>` (or `--seed`) replays it.
 */
import { shareVerdictsInNode } from '../test/support/model-verdicts';

// Before the adapter is loaded: it and the oracle then judge each input once (see model-verdicts.ts).
shareVerdictsInNode();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runSession, FuzzFailure } = require('../test/support/live-fuzz') as typeof import('../test/support/live-fuzz');

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

async function main(): Promise<void> {
  const total = arg('actions', 50000);
  const perSession = arg('session', 500);
  const first = arg('seed', Number(process.env.FUZZ_SEED ?? Date.now() % 1e9));
  const started = Date.now();
  let done = 0;
  let checks = 0;
  let refused = 0;
  for (let s = 0; done < total; s++) {
    const seed = first + s;
    try {
      const st = await runSession({ seed, actions: Math.min(perSession, total - done) });
      done += st.actions;
      checks += st.checks;
      refused += st.refused;
    } catch (e) {
      console.error(e instanceof FuzzFailure ? e.message : e);
      process.exitCode = 1;
      return;
    }
  }
  const secs = (Date.now() - started) / 1000;
  console.log(
    `fuzz: ${done} actions (${refused} refused by the sheet), ${checks} live checks, seeds ${first}…, ${secs.toFixed(1)} s`,
  );
}

void main();
