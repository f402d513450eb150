/** Removes the playground build the global setup made (global setup and teardown run in the same process). */
import * as fs from 'fs';
import { PLAYGROUND_BUILD_ENV } from '../../../playground/node/harness';

export default async function globalTeardown(): Promise<void> {
  const dir = process.env[PLAYGROUND_BUILD_ENV];
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
