/**
 * Property tests run with a fixed seed so that CI is reproducible; set FC_SEED to explore other seeds
 * (every failure found that way becomes a named regression test).
 */
import fc from 'fast-check';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261127;
fc.configureGlobal({ seed });
