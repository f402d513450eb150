/**
 * Texts built to make a text reader's work grow faster than the text (issue #16), shared by the tests and the
 * text bench section: built here, never committed as files.
 */
export interface HostileText {
  name: string;
  text: string;
}

export function hostileTexts(): HostileText[] {
  const pairs: string[] = [];
  for (let i = 0, size = 0; size < 436_000; i += 1) {
    const l = `${i} ${i}`;
    pairs.push(l, l);
    size += 2 * (l.length + 1);
  }
  const filler = '政府信息公开 1 2 3 ';
  const repeat = (open: string) =>
    `<html><body>${(open + filler).repeat(Math.ceil(1_050_000 / (open + filler).length))}`;
  return [
    { name: 'repeated pairs', text: pairs.join('\n') },
    { name: 'unclosed <a', text: repeat('<a href="x" ') },
    { name: 'unclosed <!--', text: repeat('<!-- ') },
    { name: 'unclosed <script', text: repeat('<script>') },
  ];
}
