/*
 * How copies of a report print its figures, for the property tests: the
 * renderer's "6 / 40" spaced, glued as web pages print them ("6/40", and the
 * 2017 pages' "Freedom Rating: 5.5/7"), spaced the way browser print does
 * ("6 /40"), or wrapped onto the next line (before "/ 40", or the whole value
 * under its label).
 */

export type FigureStyle = 'spaced' | 'glued' | 'print' | 'wrapped' | 'below';
export const FIGURE_STYLES: readonly FigureStyle[] = ['spaced', 'glued', 'print', 'wrapped', 'below'];

const SCORE = /(?<=^|\s)([\u2212-]?\d+) \/ (\d+)/;
// Header ratings in the 2014 and 2018 layouts: "Freedom Rating (1 = best, 7 = worst): 5.5", "Political Rights: 6 (1 = Most Free, 7 = Least Free)".
const RATING_2014 = /^(Freedom Rating|Political Rights|Civil Liberties) \(1 = best, 7 = worst\): (\d(?:\.\d)?)$/;
const RATING_2018 =
  /^(Freedom Rating|Political Rights|Civil Liberties): (\d(?:\.\d)?) \(1 = Most Free, 7 = Least Free\)$/;
const AGGREGATE = /^Aggregate Score: ([\u2212-]?\d+)((?: \([+\u2212-]\d+\))?) \(0 = Least Free, 100 = Most Free\)$/;

/** The text with its figures printed in the given styles, one style per figure in turn. */
export function restyle(text: string, styles: readonly FigureStyle[]): string {
  let k = 0;
  const next = () => styles[k++ % styles.length] ?? 'spaced';
  return text
    .split('\n')
    .map((line) => restyleLine(line, next))
    .join('\n');
}

function restyleLine(line: string, next: () => FigureStyle): string {
  let m = RATING_2014.exec(line) ?? RATING_2018.exec(line);
  if (m) return labelled(m[1]!, `${m[2]}`, '7', '', next());
  if ((m = AGGREGATE.exec(line))) return labelled('Aggregate Score', m[1]!, '100', m[2]!, next());
  m = SCORE.exec(line);
  if (!m) return line;
  const style = next();
  const before = line.slice(0, m.index);
  const after = line.slice(m.index + m[0].length);
  const [score, max] = [m[1]!, m[2]!];
  switch (style) {
    case 'spaced':
      return line;
    case 'glued':
      return `${before}${score}/${max}${after}`;
    case 'print':
      return `${before}${score} /${max}${after}`;
    case 'wrapped':
      return `${before}${score}\n/ ${max}${after}`;
    case 'below':
      // A label ending in a colon, or an indicator's question, announces a value on the next line.
      return before.endsWith(': ') || /^[A-G][1-4]\. /.test(before)
        ? `${before.trimEnd()}\n${score} / ${max}${after}`
        : `${before}${score}\n/ ${max}${after}`;
  }
}

/** A header figure printed after its label, with its maximum instead of a legend. */
function labelled(label: string, value: string, max: string, change: string, style: FigureStyle): string {
  switch (style) {
    case 'spaced':
      return `${label}: ${value} / ${max}${change}`;
    case 'glued':
      return `${label}: ${value}/${max}${change}`;
    case 'print':
      return `${label}: ${value} /${max}${change}`;
    case 'wrapped':
      return `${label}: ${value}\n/ ${max}${change}`;
    case 'below':
      return `${label}:\n${value}/${max}${change}`;
  }
}

/**
 * A 2020-layout text as the one line that copying a browser-printed page
 * gives: the total printed before the status word ("65 PARTLY FREE /100"),
 * "6 /40" spacing, and at each page break (before the given word positions)
 * the footer with the address and page number, then the header with the date
 * and the page's title.
 */
export function browserPrint(text2020: string, entity: string, edition: number, breaks: number[]): string {
  const lines = text2020.split('\n').filter((l) => l !== '');
  if (lines[0]?.startsWith('Freedom in the World')) lines.shift();
  const statusAt = lines.findIndex((l) => /^(?:Free|Partly Free|Not Free)$/.test(l));
  if (statusAt === 0 && /^[\u2212-]?\d+ \/ 100/.test(lines[1] ?? '')) {
    const [total, rest] = lines[1]!.split(' / 100');
    lines.splice(0, 2, `${total} ${lines[0]!.toUpperCase()} /100${rest}`);
  }
  const header = lines.findIndex((l) => l.startsWith('Overview') || /^[A-G]\s|^Key Developments/.test(l));
  for (let i = 0; i < (header === -1 ? lines.length : header); i++)
    lines[i] = lines[i]!.replace(/^(?:PR|CL) (Political Rights|Civil Liberties) /, '$1 ').replace(
      /^Last Year's Score & Status$/,
      "LAST YEAR'S SCORE & STATUS",
    );
  const words = lines
    .join(' ')
    .replace(/(\d) \/ (\d)/g, '$1 /$2')
    .split(' ');
  const slug = entity.toLowerCase().replace(/\W+/g, '-');
  const pages = breaks.length + 1;
  const top = `3/2/26, 9:41 AM ${entity}: Freedom in the World ${edition} Country Report | Freedom House`;
  const bottom = (page: number) => `https://freedomhouse.org/country/${slug}/freedom-world/${edition} ${page}/${pages}`;
  const at = [...new Set(breaks.map((b) => b % Math.max(words.length, 1)))].sort((a, b) => b - a);
  at.forEach((w, k) => words.splice(w, 0, bottom(at.length - k), top));
  return [top, ...words, bottom(pages)].join(' ');
}
