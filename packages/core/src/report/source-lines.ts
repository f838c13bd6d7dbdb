/**
 * Report text as the parser reads it: numbered lines with whitespace made
 * plain (CRLF, NBSP, zero-width characters, runs of spaces), Markdown and
 * HTML markup taken off, and PDF text that lost its line breaks split again
 * at the labels a report is made of. Line numbers stay those of the input.
 */
export interface SourceLine {
  line: number;
  text: string;
}

export type SourceFormat = 'text' | 'markdown' | 'html';

export function detectFormat(input: string): SourceFormat {
  const head = input.slice(0, 2000);
  if (/^\s*(?:<!doctype html|<html\b|<article\b|<main\b|<body\b)/i.test(head)) return 'html';
  if (/^#{1,6} \S/m.test(head) || /^\|.*\|\s*$/m.test(head)) return 'markdown';
  return 'text';
}

export function sourceLines(input: string): SourceLine[] {
  const format = detectFormat(input);
  const text = format === 'html' ? htmlToText(input) : input;
  const read = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((raw, i) => ({ line: i + 1, text: plain(format === 'markdown' ? markdownLine(raw) : raw) }));
  const lines = joinSplitFractions(read.flatMap(withoutPrintFurniture));
  const runTogether = isRunTogether(lines);
  return lines.flatMap((l) => (runTogether || l.printed ? splitAtLabels(l) : [{ line: l.line, text: l.text }]));
}

/*
 * What a browser prints on every page of a saved page: a header with the date,
 * time and page title ("12/1/26, 7:05 PM Testland: Freedom in the World 2026
 * Country Report | Freedom House") and a footer with the address and page
 * number (".../freedom-world/2026 3/14"). In text copied from such a print they
 * fall anywhere, mid-sentence too, and their dates and page numbers look like
 * figures. They are taken out; the title is kept as a line of its own, since
 * it names the entity and the edition.
 */
const PRINT_HEADER =
  /(?:^|\s)\d{1,2}\/\d{1,2}\/\d{2,4},? \d{1,2}:\d{2}(?::\d{2})?(?: ?[AP]M)? (.{1,120}? Country Report \| Freedom House)(?=\s|$)/gi;
const PRINT_FOOTER = /(?:^|\s)https?:\/\/\S+ \d+\/\d+(?=\s|$)/gi;

interface ReadLine extends SourceLine {
  /** Print furniture was taken out of it: it is browser-print text, to be split at its labels. */
  printed?: true;
}

function withoutPrintFurniture(l: SourceLine): ReadLine[] {
  if (!l.text.includes('/')) return [l];
  const titles: string[] = [];
  const text = l.text
    .replace(PRINT_HEADER, (_, title: string) => {
      titles.push(title);
      return ' ';
    })
    .replace(PRINT_FOOTER, ' ');
  if (text === l.text) return [l];
  const rest = plain(text);
  return [
    ...titles.slice(0, 1).map((title) => ({ line: l.line, text: title })),
    ...(rest ? [{ line: l.line, text: rest, printed: true as const }] : []),
  ];
}

const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

function plain(s: string): string {
  return s.replace(INVISIBLE, '').replace(ODD_SPACES, ' ').replace(/ {2,}/g, ' ').trim();
}

/** One Markdown line as the text layout would print it; a table row becomes "label: value". */
function markdownLine(raw: string): string {
  const s = raw.trim();
  if (/^\|?\s*:?-{3,}/.test(s)) return '';
  if (s.startsWith('|')) {
    const cells = s
      .replace(/^\||(?<!\\)\|$/g, '')
      .split(/(?<!\\)\|/)
      .map((c) => c.trim());
    if (cells.length === 2 && /^figure$/i.test(cells[0]!) && /^value$/i.test(cells[1]!)) return '';
    return unescapeMarkdown(cells.filter((c) => c !== '').join(': '));
  }
  return unescapeMarkdown(
    s
      .replace(/^#{1,6}\s+/, '')
      .replace(/^[-*] /, '• ')
      .replace(/(?<!\\)\*\*(.+?)(?<!\\)\*\*/g, '$1')
      .replace(/^(?<!\\)\*(.+)(?<!\\)\*$/, '$1')
      .replace(/ {2}$/, ''),
  );
}

function unescapeMarkdown(s: string): string {
  return s.replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** HTML to lines: one line per block element, a table row as "label: value". */
export function htmlToText(html: string): string {
  return html
    .replace(/<(head|style|script|nav)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/t[hd]>\s*<t[hd]\b[^>]*>/gi, ': ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n• ')
    .replace(
      /<\/?(?:p|div|h[1-6]|tr|table|thead|tbody|ul|ol|li|section|article|header|footer|main|body|html|dl|dt|dd|caption)\b[^>]*>/gi,
      '\n',
    )
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/\n[ \t]*\n(?:[ \t]*\n)+/g, '\n\n');
}

/** "4" (or "Political Rights 10", "Freedom Rating: 5.5") on one line and "/ 100" on the next (a figure broken in two) become one line. */
function joinSplitFractions(lines: ReadLine[]): ReadLine[] {
  const out: ReadLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const cur = lines[i]!;
    const next = lines[i + 1];
    if (next && /^\/\s*\d+/.test(next.text) && /(?:^|\s)[+\-\u2212\u2013]?\d+(?:\.\d+)?$/.test(cur.text.slice(-12))) {
      out.push({ ...cur, text: `${cur.text} ${next.text}` });
      i++;
    } else out.push(cur);
  }
  return out;
}

/** PDF copies often come as one or two enormous lines. */
function isRunTogether(lines: SourceLine[]): boolean {
  const full = lines.filter((l) => l.text !== '');
  return full.length > 0 && full.length <= 3 && full.some((l) => l.text.length > 300);
}

const SUBCATEGORY_STARTS =
  'Electoral Process|Political Pluralism|Functioning of Government|Freedom of Expression|Associational and Organizational|Rule of Law|Personal Autonomy';

const LABEL_STARTS = new RegExp(
  [
    '(?<![\\w.])\\d{4} Scores\\b',
    '(?<!Press |Net )Freedom Status\\b',
    '(?<!Freedom |Change[,:]? )Status:',
    'Freedom Rating\\b',
    'Aggregate Score\\b',
    "Last Year['\u2019]s Score",
    "LAST YEAR['\u2019]S SCORE",
    // …and as a section heading straight before its first subcategory.
    '(?:PR |CL )?Political Rights(?= *[:(\\d\\-\u2212]| *$| A\\.? Electoral Process)',
    '(?:PR |CL )?Civil Liberties(?= *[:(\\d\\-\u2212]| *$| D\\.? Freedom of Expression)',
    'Trend Arrow\\b',
    'Ratings? Change\\b',
    'Status Change\\b',
    'Scoring Key\\b',
    '[XYZ] = ',
    'Key Developments\\b',
    'Overview\\b',
    'Executive Summary\\b',
    'Notes?:',
    'Score Change:',
    `[A-G]\\.? (?:${SUBCATEGORY_STARTS})`,
    '[A-G][1-4]\\.? ',
    'Add [QA]\\b',
    '[\u2022] ',
    '(?:Free|Partly Free|Not Free)(?= [+\\-\u2212]?\\d+ ?\\/ ?100)',
  ].join('|'),
  'g',
);

/** Split a run-together line before each label, keeping its line number. */
function splitAtLabels(l: ReadLine): SourceLine[] {
  if (l.text.length <= 300 && !l.printed) return [{ line: l.line, text: l.text }];
  const cuts = [0];
  for (const m of l.text.matchAll(LABEL_STARTS)) {
    const at = m.index;
    if (at > 0 && /\s/.test(l.text[at - 1]!)) cuts.push(at);
  }
  cuts.push(l.text.length);
  const parts: SourceLine[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const text = l.text.slice(cuts[i], cuts[i + 1]).trim();
    if (!text) continue;
    // A heading printed without its colon runs into its first sentence: "Overview The courts…".
    const heading = /^(?:Overview|Executive Summary)(?= \p{Lu})/u.exec(text);
    if (heading)
      parts.push({ line: l.line, text: heading[0] }, { line: l.line, text: text.slice(heading[0].length + 1) });
    else parts.push({ line: l.line, text });
  }
  return parts;
}
