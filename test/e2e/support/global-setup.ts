/**
 * Jest global setup of the e2e run: builds the playground once, before any test file starts, and hands its folder to
 * every file through DT_PLAYGROUND_BUILD (the workers inherit the environment). Each file used to run its own
 * webpack build; with one per run, a new e2e file costs only its own tests.
 */
import { PLAYGROUND_BUILD_ENV, buildPlayground } from '../../../playground/node/harness';

export default async function globalSetup(): Promise<void> {
  process.env[PLAYGROUND_BUILD_ENV] = await buildPlayground();
}
