/**
 * Text from a file (a body name, a workbook title, a cell value, an unrecognised line, a file name) on its way to a
 * terminal: control characters would clear the screen, retitle the window or, as a newline, forge a line of output
 * ("FAKE LINE: 0 errors"). They are shown escaped (`\x1b`, `\n`), as are the invisible format characters that
 * hide text (bidirectional overrides). JSON output needs none of this: JSON.stringify escapes control characters.
 */
// C0 and C1 controls and DEL; bidi embeddings/overrides/isolates, which reorder what the terminal shows.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => NAMED[c] ?? hex(c.charCodeAt(0)));
}

function hex(code: number): string {
  return code > 0xff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\x${code.toString(16).padStart(2, '0')}`;
}
