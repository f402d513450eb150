/**
 * What every e2e test file shares: where screenshots go, and a `describe` that runs only where Chromium is installed
 * (and fails at once when REQUIRE_CHROMIUM is set, as in CI, instead of skipping).
 */
import * as fs from 'fs';
import * as path from 'path';
import { CHROMIUM } from '../../../playground/node/harness';

export const ARTIFACTS = path.join(__dirname, '..', '..', '..', 'test-artifacts');
export const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium && process.env.REQUIRE_CHROMIUM) throw new Error(`${CHROMIUM} is required (REQUIRE_CHROMIUM=1)`);
export const describeBrowser = haveChromium ? describe : describe.skip;
