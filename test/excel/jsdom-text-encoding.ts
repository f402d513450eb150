/** jsdom has no TextEncoder/TextDecoder; the stand-in's office.js transport needs them (Node's are the same API). */
import { TextDecoder, TextEncoder } from 'util';

const g = globalThis as { TextEncoder?: unknown; TextDecoder?: unknown };
g.TextEncoder ??= TextEncoder;
g.TextDecoder ??= TextDecoder;
