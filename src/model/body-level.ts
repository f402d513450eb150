/**
 * The administrative level of a body, read from its name (`宿迁市生态环境局` → city, `徐闻县农业农村局` → county,
 * `松木塘镇人民政府` → town). The last place unit in the name decides; words that merely contain a unit character
 * (`市场`, `城市`, `城乡`, `社区`, `自治区`) are not units.
 */
import type { CheckOptions } from './types';

export type BodyLevel = NonNullable<CheckOptions['bodyLevel']>;

const UNITS: [RegExp, BodyLevel][] = [
  [/自治区|省/g, 'province'],
  [/(?<![城都超])市(?![场政容民级直])|自治州|(?<![自])州(?=[^\d]|$)|盟/g, 'city'],
  [/(?<![治社园景厂辖营矿])区(?![域划级])|县(?![级])|旗(?![下帜])/g, 'county'],
  [/(?<![城])乡(?![村镇级])|(?<![城乡])镇(?![级])|街道/g, 'town'],
];

const CENTRAL = /^(?:国务院|中华人民共和国|国家|中国|中央)/;

export function detectBodyLevel(org: string | undefined): BodyLevel {
  if (!org) return 'unknown';
  const name = org.replace(/\s+/g, '');
  let best: { at: number; level: BodyLevel } | null = null;
  for (const [re, level] of UNITS) {
    re.lastIndex = 0;
    for (let m = re.exec(name); m; m = re.exec(name)) {
      if (!best || m.index >= best.at) best = { at: m.index, level };
    }
  }
  if (best) return best.level;
  return CENTRAL.test(name) ? 'central' : 'unknown';
}
