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
