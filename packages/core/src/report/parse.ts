import { CATEGORIES, INDICATORS, SUBCATEGORIES } from '../methodology/structure.js';
import {
  INDICATOR_CODES,
  SUBCATEGORY_CODES,
  type CategoryCode,
  type IndicatorCode,
  type Rating,
  type Status,
  type SubcategoryCode,
  type TrendArrow,
} from '../types.js';
import {
  firstFraction,
  gluedWidgetScore,
  isDecimalScore,
  readFraction,
  RATING_MAX,
  readFreedomRating,
  readRating,
  readTotal,
  signedInteger,
  trailingFraction,
  type FractionRead,
} from './figures-in-text.js';
import {
  BOILERPLATE,
  isIndicator,
  LEGEND_LINE,
  STATUS_LINE,
  subcategoryHeading,
  VALUE_LABEL,
} from './report-labels.js';
import { checkReport, type FigureLines } from './check.js';
import { emptyReport, type DiagnosticSeverity, type IndicatorNarrative, type Report } from './model.js';
import { sourceLines, type SourceLine } from './source-lines.js';
import { ratingsChangeIn, statusChangeIn, statusFromWords } from './statements.js';

/**
 * Reads a country report in any era's layout (plain text, or the Markdown and
 * HTML our renderers write) into its structured form. It takes only what the
 * text states: a figure that is missing, cut off or unreadable stays null and
 * gets a diagnostic with its line number. It never throws.
 */
export function parseReport(input: string): Report {
  const { report, lines } = parseReportDetailed(input);
  return addConsistencyDiagnostics(report, lines);
}

/** Adds what a report states inconsistently (PR ≠ A + B + C, a rating outside its band…) to its diagnostics. */
export function addConsistencyDiagnostics(report: Report, lines: FigureLines): Report {
  for (const f of checkReport(report, lines))
    report.diagnostics.push({ line: f.line ?? 0, severity: 'warning', message: `inconsistent: ${f.message}` });
  report.diagnostics.sort((a, b) => a.line - b.line);
  return report;
}

/**
 * The report as read, without the consistency findings `parseReport` adds,
 * and the line each figure was read from, for messages about the figures
 * (`checkReport`). Keys: "status", "rating.pr", "rating.cl",
 * "freedom", "total", "PR", "CL", "A"…"G", "A1"…"G4", "addQ", "addA",
 * "Δtotal", "ΔPR", …, "lastYear.total", "lastYear.status", "trendArrow",
 * "change.prRating", "change.clRating", "change.status", "edition", "entity".
 */
export function parseReportDetailed(input: string): { report: Report; lines: FigureLines } {
  const reader = new ReportReader();
  try {
    reader.read(typeof input === 'string' ? input : String(input));
  } catch (e) {
    // A bug here must not cost the caller the figures already read.
    reader.diagnose(0, 'error', `internal parser error: ${(e as Error).message}`);
  }
  return { report: reader.report, lines: reader.lines() };
}

const PRINTED_HEADLINE =
  /^(?:Freedom in the World (\d{4})\s+)?(?:(.+?)\s+)?([+\-\u2212\u2013]?\d+) (free|partly free|not free) ?\/ ?100(?!\d)(.*)$/i;
/** What may be taken as an entity's name from a headline: a few words, no figures. */
const PLAUSIBLE_NAME = /^\p{Lu}[\p{L}'\u2019.\- ]{0,60}\*?$/u;

type Target =
  | { kind: 'overview' }
  | { kind: 'category'; code: CategoryCode }
  | { kind: 'subcategory'; code: SubcategoryCode }
  | { kind: 'indicator'; code: IndicatorCode }
  | { kind: 'addQ' }
  | { kind: 'keyDevelopments' };

type Pending =
  | { kind: 'status' }
  | { kind: 'skipValue' }
  | { kind: 'value'; label: 'total' | 'freedom' | CategoryCode | SubcategoryCode }
  | { kind: 'lastYear' }
  | { kind: 'statement'; which: 'trendArrow' | 'ratingsChange' | 'statusChange' | 'note' | 'ratingsAndArrow' }
  | { kind: 'question'; code: IndicatorCode | 'addQ' }
  /** `heading`: the line of a question printed without its figure, which may follow on the next line. */
  | { kind: 'figure'; code: IndicatorCode | 'addQ'; heading?: number };

class ReportReader {
  readonly report: Report = emptyReport();
  private zone: 'header' | 'body' | 'trailer' = 'header';
  private target: Target = { kind: 'overview' };
  private pending: Pending | null = null;
  /** The paragraph a wrapped line continues, if the previous line was narrative. */
  private open: { list: string[]; index: number } | null = null;
  private readonly seen = new Map<string, { line: number; value: unknown }>();
  private yearUnderReview: { year: number; line: number } | null = null;
  private lastLine = 0;

  lines(): FigureLines {
    return Object.fromEntries([...this.seen].map(([k, v]) => [k, v.line]));
  }

  diagnose(line: number, severity: DiagnosticSeverity, message: string): void {
    this.report.diagnostics.push({ line, severity, message });
  }

  read(input: string): void {
    const lines = sourceLines(input);
    const full = lines.filter((l) => l.text !== '');
    this.lastLine = full.length ? full[full.length - 1]!.line : 0;
    if (!full.length) {
      this.diagnose(1, 'error', 'the report is empty');
      return;
    }
    const lastIndex = lines.lastIndexOf(full[full.length - 1]!);
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      if (l.text === '') {
        this.open = null;
        continue;
      }
      this.line(l, i === lastIndex);
    }
    this.finish(full[full.length - 1]!);
  }

  // ---------------------------------------------------------------- lines

  private line(l: SourceLine, last: boolean): void {
    // "[Key]" is a link label some copies keep after the PR score.
    const t = l.text.endsWith(']') ? l.text.replace(/\s*\[Key\]$/i, '') : l.text;
    if (this.zone === 'trailer') return;
    if (this.pending && this.pendingLine(l, t, last)) return;
    if (this.label(l, t, last)) {
      this.open = null;
      return;
    }
    this.paragraph(l, t);
  }

  /** Lines whose meaning was announced by the line before. Returns false to read the line afresh. */
  private pendingLine(l: SourceLine, t: string, last: boolean): boolean {
    const p = this.pending!;
    switch (p.kind) {
      case 'skipValue':
        this.pending = null;
        return STATUS_LINE.test(t) || /^[+\-\u2212\u2013]?\d[\d\s/.,]*(?:free|partly free|not free)?$/i.test(t);
      case 'value': {
        // A label whose value is on the next line: take that line only if it is a bare figure.
        if (LEGEND_LINE.test(t)) return true;
        this.pending = null;
        if (
          !/^[+\-\u2212\u2013]?\d/.test(t) ||
          /[a-z]{2,}/i.test(t.replace(/\(\s*[01]\s*=[^)]*\)/, '').replace(/free$/i, ''))
        )
          return false;
        if (p.label === 'total') this.total(t, l.line, last);
        else if (p.label === 'freedom') this.freedomRating(t, l.line, last);
        else if (p.label === 'PR' || p.label === 'CL')
          return this.category(l, `${CATEGORIES[p.label].name}: ${t}`, last);
        else return this.subcategory(l, `${p.label}. ${SUBCATEGORIES[p.label].name}: ${t}`, last);
        return true;
      }
      case 'status':
        this.pending = null;
        if (!STATUS_LINE.test(t)) return false;
        this.setStatus(statusFromWords(t)!, l.line);
        return true;
      case 'lastYear':
        this.pending = null;
        return this.lastYearValue(l, t, last);
      case 'statement':
        // A trend-arrow statement names the arrow ("…received a downward trend arrow due to…");
        // anything else after a bare "Trend Arrow: ↓" is the overview.
        if (this.isLabel(t) || (p.which === 'trendArrow' && !/trend arrow/i.test(t))) {
          this.pending = null;
          return false;
        }
        this.pending = null;
        this.statement(p.which, t, l.line);
        return true;
      case 'question': {
        if (this.isLabel(t) || /^[+\-\u2212\u2013]?\d+\s*\/\s*\d+/.test(t)) {
          this.pending = { kind: 'figure', code: p.code };
          return this.pendingLine(l, t, last);
        }
        const glued = gluedWidgetScore(t);
        const question = glued ? glued.rest : t;
        const max = p.code === 'addQ' ? 0 : 4;
        const fig = glued ? null : (trailingFraction(question, max) ?? firstFraction(question, max));
        this.narrativeOf(p.code).question = fig ? fig.before || null : question;
        if (glued) {
          this.pending = null;
          this.figure(p.code, { score: glued.score, max: 4, change: null, rest: '' }, l.line, last);
        } else if (fig) {
          this.pending = null;
          this.figure(p.code, fig.read, l.line, last);
          if (fig.read.rest) this.paragraph(l, fig.read.rest);
        } else this.pending = { kind: 'figure', code: p.code };
        return true;
      }
      case 'figure': {
        this.pending = null;
        const f = readFraction(t, p.code === 'addQ' ? 0 : 4);
        if (!f) {
          if (p.heading !== undefined) this.diagnose(p.heading, 'warning', `no score for ${p.code} on this line`);
          return false;
        }
        this.figure(p.code, f, l.line, last);
        if (f.rest) this.paragraph(l, f.rest);
        return true;
      }
    }
  }

  private isLabel(t: string): boolean {
    return (
      /^(?:(?:Freedom )?Status:|Freedom Rating\b|Aggregate Score\b|Trend Arrow\b|Ratings? Change\b|Status Change\b|Score Change:|Scoring Key\b|Overview\b|Key Developments\b|Notes?:|(?:PR |CL )?(?:Political Rights|Civil Liberties)\b|Add [QA]\b)/i.test(
        t,
      ) ||
      /^[A-G][1-4]\.?\s/.test(t) ||
      subcategoryHeading(t) !== null
    );
  }

  /** Header and section labels. Returns true when the line was one. */
  private label(l: SourceLine, t: string, last: boolean): boolean {
    const n = l.line;
    let m: RegExpExecArray | null;

    if (BOILERPLATE.test(t) || LEGEND_LINE.test(t)) return true;
    if ((m = VALUE_LABEL.exec(t))) {
      if (!m[1]) this.pending = { kind: 'skipValue' };
      return true;
    }
    if (/^Scoring Key\b/i.test(t) || /^[XYZ] = /.test(t)) {
      if (/^Z = /.test(t) && this.zone === 'body') this.zone = 'trailer';
      return true;
    }
    if ((m = /^(?:Freedom in the World|The Worst of the Worst)(?:\s+(\d{4}))?(?:\s*[-–—:|]\s*(.+?))?\s*$/i.exec(t))) {
      if (m[1]) this.setOnce('edition', Number(m[1]), n, () => (this.report.edition = Number(m![1])));
      // A title on the text's last line may be cut short ("… - Kazak").
      if (m[2] && n !== this.lastLine) this.entity(m[2], n);
      return true;
    }
    // The page title, as a browser prints it at the top of every page.
    if ((m = /^(.+?):\s*Freedom in the World (\d{4}) Country Report\s*\|\s*Freedom House$/i.exec(t))) {
      this.setOnce('edition', Number(m[2]), n, () => (this.report.edition = Number(m![2])));
      this.entity(m[1]!, n);
      return true;
    }
    if (t.endsWith('Freedom House') && (m = /^(.+?)\s*\|\s*Freedom House$/.exec(t))) {
      this.entity(m[1]!, n);
      return true;
    }
    if ((m = /^(\d{4}) Scores$/i.exec(t))) {
      this.setOnce('edition', Number(m[1]), n, () => (this.report.edition = Number(m![1])));
      return true;
    }
    if (/^(?:Freedom )?Status$/i.test(t)) {
      this.pending = { kind: 'status' };
      return true;
    }
    if ((m = /^(?:Freedom )?Status\s*:\s*(.*)$/i.exec(t))) {
      const v = m[1]!;
      if (!v) this.pending = { kind: 'status' };
      else if (statusFromWords(v)) this.setStatus(statusFromWords(v)!, n);
      else this.diagnose(n, 'warning', `"${v}" is not a status (Free, Partly Free or Not Free)`);
      return true;
    }
    if (
      this.zone === 'header' &&
      this.target.kind === 'overview' &&
      (m = /^(free|partly free|not free)\s*([+\-\u2212\u2013]?\d+\s*\/\s*100)(.*)$/i.exec(t))
    ) {
      this.setStatus(statusFromWords(m[1]!)!, n);
      this.total(m[2]! + m[3]!, n, last);
      return true;
    }
    if (this.zone === 'header' && this.target.kind === 'overview' && STATUS_LINE.test(t)) {
      // "Free" ending a cut-off text may be the start of "Freedom in the World".
      if (!this.truncated(last, n, 'status')) this.setStatus(statusFromWords(t)!, n);
      return true;
    }
    if ((m = /^Freedom Rating\b(?:\s*\(\s*1\s*=[^)]*\))?\s*:?\s*(.*)$/i.exec(t))) {
      this.freedomRating(m[1]!, n, last);
      return true;
    }
    if ((m = /^(?:Aggregate Score|Global Freedom Score)(?![a-z])(?:\s*\(\s*0\s*=[^)]*\))?\s*:?\s*(.*)$/i.exec(t))) {
      this.total(m[1]!, n, last);
      return true;
    }
    if ((m = /^Last Year['\u2019]?s Score (?:&|and) Status\s*:?\s*(.*)$/i.exec(t))) {
      if (m[1]) this.lastYearValue(l, m[1], last);
      else this.pending = { kind: 'lastYear' };
      return true;
    }
    if (this.zone === 'header' && this.target.kind === 'overview' && (m = PRINTED_HEADLINE.exec(t))) {
      // A browser-printed 2020+ page: "[FREEDOM IN THE WORLD 2026] Testland 65 PARTLY FREE /100".
      if (m[1]) this.setOnce('edition', Number(m[1]), n, () => (this.report.edition = Number(m![1])));
      if (m[2] && PLAUSIBLE_NAME.test(m[2])) this.entity(m[2], n);
      this.setStatus(statusFromWords(m[4]!)!, n);
      this.total(`${m[3]} / 100${m[5]}`, n, last);
      return true;
    }
    if (this.zone === 'header' && this.target.kind === 'overview' && /^[+\-\u2212\u2013]?\d+\s*\/\s*100/.test(t)) {
      // "32 / 100 Not Free" is how the last-year line reads; without its label it could be either.
      if (/(?:free)\s*$/i.test(t))
        this.diagnose(n, 'warning', `"${t}" has no label: it may be last year's score; not taken`);
      else this.total(t, n, last);
      return true;
    }
    if ((m = /^Ratings? Change(,\s*Trend Arrow)?\s*:?\s*(.*)$/i.exec(t))) {
      const which = m[1] ? 'ratingsAndArrow' : 'ratingsChange';
      if (m[2]) this.statement(which, m[2], n);
      else this.pending = { kind: 'statement', which };
      return true;
    }
    if ((m = /^Status Change\s*:?\s*(.*)$/i.exec(t))) {
      if (m[1]) this.statement('statusChange', m[1], n);
      else this.pending = { kind: 'statement', which: 'statusChange' };
      return true;
    }
    if ((m = /^Trend Arrow\b\s*:?\s*(.*)$/i.exec(t))) {
      this.trendArrow(m[1]!, n);
      return true;
    }
    if ((m = /^Notes?(?:\s*:\s*(.*)|\s*)$/.exec(t))) {
      if (m[1]) this.statement('note', m[1], n);
      else this.pending = { kind: 'statement', which: 'note' };
      return true;
    }
    if ((m = /^(?:header\d\s+)?(?:Overview|Executive Summary)\s*(?::\s*(.*))?$/i.exec(t))) {
      this.target = { kind: 'overview' };
      if (m[1]) this.paragraph(l, m[1]);
      return true;
    }
    if (
      (m = /^(?:header\d\s+)?Key Developments(?:\s+in\s+(\d{4}))?\s*(?::\s*(.*))?$/i.exec(t)) ||
      (m = /^(\d{4}) Key Developments\s*(?::\s*(.*))?$/i.exec(t))
    ) {
      if (m[1]) this.yearUnderReview ??= { year: Number(m[1]), line: n };
      this.target = { kind: 'keyDevelopments' };
      if (m[2]) {
        this.report.keyDevelopments.push(m[2]);
        this.target = { kind: 'overview' };
      }
      return true;
    }
    if (this.category(l, t, last)) return true;
    if (this.subcategory(l, t, last)) return true;
    if (this.indicator(l, t, last)) return true;
    if (this.discretionary(l, t, last)) return true;
    if ((m = /^Score Change\s*:\s*(.*)$/i.exec(t))) {
      this.scoreChange(m[1]!, n);
      return true;
    }
    return false;
  }

  // ---------------------------------------------------------------- figures

  private category(l: SourceLine, t: string, last: boolean): boolean {
    const m = /^(?:(PR|CL)\s+)?(Political Rights|Civil Liberties)(?![a-z])(\s*\(\s*1\s*=[^)]*\))?\s*(:)?\s*(.*)$/i.exec(
      t,
    );
    if (!m) return false;
    const code: CategoryCode = m[2]!.toLowerCase().startsWith('political') ? 'PR' : 'CL';
    const legend = !!m[3];
    const value = m[5]!;
    const n = l.line;
    if (value === '') {
      // "PR Political Rights" (2020) or a bare name inside the body is a section heading; in the
      // header it is a label whose value was lost or sits on the next line.
      if (m[1] || this.zone === 'body') {
        this.enterBody({ kind: 'category', code });
        // "Political Rights:" with its score wrapped onto the next line.
        if (m[4]) this.pending = { kind: 'value', label: code };
      } else {
        this.diagnose(n, 'info', `"${m[2]}" has no value`);
        this.pending = { kind: 'value', label: code };
      }
      return true;
    }
    if (!legend) {
      const f = readFraction(value, CATEGORIES[code].max);
      // "Political Rights: 6/7" (the 2017 pages) is the rating out of 7, not a score.
      if (f && f.max !== RATING_MAX) {
        this.enterBody({ kind: 'category', code });
        this.score(code, f, n, last);
        if (f.rest) this.paragraph(l, f.rest);
        return true;
      }
    }
    const r = readRating(value);
    // "Political Rights 7" without colon or legend is how scrapes print scores that lost "/ 40": not a rating.
    if (r && !legend && m[4] === undefined && !r.outOfSeven) {
      this.diagnose(n, 'warning', `"${t}": a figure without its maximum or a colon; not taken`);
      return true;
    }
    if (r && (legend || r.rest === '' || r.marker || /^[A-Z]/.test(r.rest))) {
      if (this.truncated(last && r.rest === '' && !legend && !r.marker && !r.outOfSeven, n, `${m[2]} rating`))
        return true;
      this.rating(code, r.rating, n);
      if (r.marker)
        this.diagnose(n, 'info', `"${r.marker}" after the ${m[2]} rating marks a ratings change, not a trend arrow`);
      if (r.rest) this.paragraph(l, r.rest);
      return true;
    }
    if (isDecimalScore(value)) return this.decimalScore(code, value, n);
    // Prose that happens to begin with the category's name ("Political Rights: Syria is not…").
    return false;
  }

  private subcategory(l: SourceLine, t: string, last: boolean): boolean {
    const h = subcategoryHeading(t);
    if (!h) return false;
    this.enterBody({ kind: 'subcategory', code: h.code });
    const value = h.rest;
    if (value === '') {
      // The score may have been wrapped onto the next line.
      this.pending = { kind: 'value', label: h.code };
      return true;
    }
    const f = readFraction(value, SUBCATEGORIES[h.code].max);
    if (f) {
      this.score(h.code, f, l.line, last);
      if (f.rest) this.paragraph(l, f.rest);
    } else if (isDecimalScore(value)) this.decimalScore(h.code, value, l.line);
    else this.paragraph(l, value);
    return true;
  }

  private decimalScore(code: CategoryCode | SubcategoryCode, value: string, line: number): true {
    this.diagnose(line, 'warning', `${code} score "${value}" is not a whole number; not taken`);
    return true;
  }

  private indicator(l: SourceLine, t: string, last: boolean): boolean {
    let m = /^([A-G][1-4])\s+(?:[\d.]+\s*[-\u2212\u2013]\s*[\d.]+\s*pts\s*)+(.*)$/i.exec(t);
    if (m && isIndicator(m[1]!)) {
      // 2020 layout: "A1 0-4 pts", then the question, then "n / 4" (on one line in PDF text).
      const code = m[1] as IndicatorCode;
      this.enterBody({ kind: 'indicator', code });
      this.narrativeOf(code);
      this.pending = { kind: 'question', code };
      if (m[2]) this.pendingLine(l, m[2], last);
      return true;
    }
    m = /^([A-G][1-4])\.\s*(.*)$/.exec(t);
    if (!m || !isIndicator(m[1]!)) return false;
    const code = m[1] as IndicatorCode;
    this.enterBody({ kind: 'indicator', code });
    const n = this.narrativeOf(code);
    const fig = trailingFraction(m[2]!, 4) ?? firstFraction(m[2]!, 4);
    if (!fig) {
      n.question = m[2] || null;
      this.pending = { kind: 'figure', code, heading: l.line };
      return true;
    }
    n.question = fig.before || null;
    this.figure(code, fig.read, l.line, last);
    if (fig.read.rest) this.paragraph(l, fig.read.rest);
    return true;
  }

  private discretionary(l: SourceLine, t: string, last: boolean): boolean {
    let m = /^(?:Add Q\b[.:]?|ADDITIONAL DISCRETIONARY POLITICAL RIGHTS QUESTION\b:?)\s*(.*)$/i.exec(t);
    if (m) {
      this.enterBody({ kind: 'addQ' });
      const rest = m[1]!
        .replace(/^ADDITIONAL DISCRETIONARY POLITICAL RIGHTS QUESTION\s*/i, '')
        .replace(/^ADD Q:?\s*/i, '');
      const change = /^([+\-\u2212\u2013]\s*\d+|0)$/.exec(rest);
      if (change) {
        // 2014 layout: "Add Q: −3".
        this.setDiscretionary('addQ', 0 - signedInteger(change[1]!), l.line, last);
        return true;
      }
      if (rest === '') {
        this.narrativeOf('addQ');
        this.pending = { kind: 'question', code: 'addQ' };
        return true;
      }
      const fig = trailingFraction(rest, 0) ?? firstFraction(rest, 0);
      this.narrativeOf('addQ').question = (fig ? fig.before : rest) || null;
      if (fig) {
        this.figure('addQ', fig.read, l.line, last);
        if (fig.read.rest) this.paragraph(l, fig.read.rest);
      }
      return true;
    }
    m = /^Add A\b[.:]?\s*([+\-\u2212\u2013]?\s*\d+)\s*$/.exec(t);
    if (m) {
      this.setDiscretionary('addA', signedInteger(m[1]!), l.line, last);
      return true;
    }
    return false;
  }

  private figure(code: IndicatorCode | 'addQ', f: FractionRead, line: number, last: boolean): void {
    if (code === 'addQ') {
      if (f.max !== 0) this.diagnose(line, 'warning', `Add Q is printed out of ${f.max}; it is scored out of 0`);
      this.setDiscretionary('addQ', 0 - f.score, line, last && f.rest === '');
      return;
    }
    if (this.truncated(last && f.rest === '' && f.max !== INDICATORS[code].max, line, code)) return;
    if (f.max !== INDICATORS[code].max)
      this.diagnose(line, 'warning', `${code} is printed out of ${f.max}; indicators are scored out of 4`);
    if (!Number.isInteger(f.score) || f.score < 0 || f.score > INDICATORS[code].max) {
      this.diagnose(line, 'error', `${code} score ${f.score} is outside 0–4; not taken`);
      return;
    }
    this.setOnce(code, f.score, line, () => (this.report.scores.indicators[code] = f.score));
    if (f.change !== null)
      this.setOnce(`Δ${code}`, f.change, line, () => (this.report.changes.indicators[code] = f.change!));
  }

  private score(code: CategoryCode | SubcategoryCode, f: FractionRead, line: number, last: boolean): void {
    const max = code === 'PR' || code === 'CL' ? CATEGORIES[code].max : SUBCATEGORIES[code].max;
    if (this.truncated(last && f.rest === '' && f.max !== max, line, code)) return;
    if (f.max !== max) this.diagnose(line, 'warning', `${code} is printed out of ${f.max}; it is scored out of ${max}`);
    const min = code === 'PR' ? -4 : 0;
    const top = code === 'PR' ? max + 4 : max;
    if (f.score < min || f.score > top) {
      this.diagnose(line, 'error', `${code} score ${f.score} is outside ${min}–${max}; not taken`);
      return;
    }
    this.setOnce(code, f.score, line, () => (this.report.scores[code] = f.score));
    if (f.change !== null) this.setOnce(`Δ${code}`, f.change, line, () => (this.report.changes[code] = f.change));
  }

  private total(value: string, line: number, last: boolean): void {
    if (value === '') {
      this.diagnose(line, 'info', 'the aggregate score has no value');
      this.pending = { kind: 'value', label: 'total' };
      return;
    }
    const f = readTotal(value);
    if (!f) {
      this.diagnose(line, 'warning', `cannot read the aggregate score "${value}"`);
      return;
    }
    if (this.truncated(last && f.rest === '' && f.change === null && !/100/.test(value), line, 'total')) return;
    if (f.score < -4 || f.score > 100) {
      this.diagnose(line, 'error', `total score ${f.score} is outside 0–100; not taken`);
      return;
    }
    this.setOnce('total', f.score, line, () => (this.report.scores.total = f.score));
    if (f.change !== null) this.setOnce('Δtotal', f.change, line, () => (this.report.changes.total = f.change));
    if (f.rest) {
      const again = readFraction(f.rest, 100);
      if (again)
        this.diagnose(line, 'warning', `a second score (${again.score} / 100) run into this line was not taken`);
    }
  }

  private lastYearValue(l: SourceLine, t: string, last: boolean): boolean {
    const m = /^([+\-\u2212\u2013]?\s?\d+)\s*(?:\/\s*|\s+)100\b\s*(.*)$/.exec(t);
    const statusOnly = statusFromWords(t);
    if (!m && !statusOnly) return false;
    if (statusOnly) {
      this.setOnce('lastYear.status', statusOnly, l.line, () => (this.report.lastYear.status = statusOnly));
      return true;
    }
    const total = signedInteger(m![1]!);
    this.setOnce('lastYear.total', total, l.line, () => (this.report.lastYear.total = total));
    const s = statusFromWords(m![2]!);
    if (s) this.setOnce('lastYear.status', s, l.line, () => (this.report.lastYear.status = s));
    else if (m![2] && !last) this.diagnose(l.line, 'warning', `"${m![2]}" is not a status`);
    return true;
  }

  private freedomRating(value: string, line: number, last: boolean): void {
    if (value === '') {
      this.diagnose(line, 'info', 'the Freedom Rating has no value');
      this.pending = { kind: 'value', label: 'freedom' };
      return;
    }
    const f = readFreedomRating(value);
    if (!f || f.value < 1 || f.value > 7 || (f.value * 2) % 1 !== 0) {
      this.diagnose(line, 'warning', `cannot read the Freedom Rating "${value}"`);
      return;
    }
    if (f.max !== null && f.max !== RATING_MAX) {
      this.diagnose(line, 'warning', `the Freedom Rating is printed out of ${f.max}; it runs from 1 to 7; not taken`);
      return;
    }
    if (this.truncated(last && f.max === null && !/\.\d|\(/.test(value), line, 'Freedom Rating')) return;
    this.setOnce('freedom', f.value, line, () => (this.report.ratings.freedom = f.value));
  }

  private rating(code: CategoryCode, value: number, line: number): void {
    if (value < 1 || value > 7) {
      this.diagnose(line, 'error', `${code} rating ${value} is outside 1–7; not taken`);
      return;
    }
    const key = code === 'PR' ? 'pr' : 'cl';
    this.setOnce(`rating.${key}`, value, line, () => (this.report.ratings[key] = value as Rating));
  }

  private setDiscretionary(key: 'addQ' | 'addA', value: number, line: number, last: boolean): void {
    if (this.truncated(last, line, key === 'addQ' ? 'Add Q' : 'Add A')) return;
    if (!Number.isInteger(value) || value < 0 || value > 4) {
      this.diagnose(line, 'error', `${key === 'addQ' ? 'Add Q' : 'Add A'} ${value} is outside 0–4; not taken`);
      return;
    }
    this.setOnce(key, value, line, () => (this.report.scores[key] = value));
  }

  private setStatus(s: Status, line: number): void {
    this.setOnce('status', s, line, () => (this.report.status = s));
  }

  /**
   * A figure on the text's last line may be cut short ("6 / 4" of "6 / 40",
   * "5" of "5.5"), so it is taken only when it is visibly complete.
   */
  private truncated(possiblyCut: boolean, line: number, what: string): boolean {
    if (!possiblyCut || line !== this.lastLine) return false;
    this.diagnose(line, 'warning', `the text ends on the ${what} figure, which may be cut short; not taken`);
    return true;
  }

  /** The first statement of a figure wins; a different second one is reported, not taken. */
  private setOnce(key: string, value: unknown, line: number, set: () => void): void {
    const before = this.seen.get(key);
    if (before) {
      if (before.value !== value)
        this.diagnose(
          line,
          'error',
          `${key.replace('Δ', 'change in ')} is stated again as ${String(value)} (line ${before.line} says ${String(before.value)}); kept the first`,
        );
      return;
    }
    this.seen.set(key, { line, value });
    set();
  }

  private entity(raw: string, line: number): void {
    let name = raw.trim();
    // The 2006–2012 pages print the trend arrow next to the name.
    const arrow = /\s*([↑↓])$/.exec(name);
    if (arrow) {
      const dir: TrendArrow = arrow[1] === '↑' ? 'up' : 'down';
      this.setOnce('trendArrow', dir, line, () => (this.report.trendArrow = dir));
      name = name.slice(0, arrow.index);
    }
    const territory = name.endsWith('*');
    name = name.replace(/\*+$/, '').trim();
    if (!name) return;
    this.setOnce('entity', name, line, () => {
      this.report.entity = name;
      if (territory) this.report.kind = 'territory';
    });
  }

  // ---------------------------------------------------------------- text

  private trendArrow(value: string, line: number): void {
    const m = /^([↑↓⬆⬇]|upward|downward|up|down)(?![a-z])\s*(.*)$/i.exec(value);
    let rest = value;
    if (m) {
      const arrow: TrendArrow = /^(?:↑|⬆|up)/i.test(m[1]!) ? 'up' : 'down';
      this.setOnce('trendArrow', arrow, line, () => (this.report.trendArrow = arrow));
      rest = m[2]!;
    } else if (value === '') {
      this.diagnose(line, 'info', 'the trend arrow label has no arrow');
    }
    if (rest) this.statement('trendArrow', rest, line);
    else this.pending = { kind: 'statement', which: 'trendArrow' };
  }

  /** "X received a downward trend arrow…" states the arrow in words where no symbol is printed. */
  private arrowInWords(text: string, line: number): void {
    const m = /\b(upward|downward) trend arrow\b/i.exec(text);
    if (!m) return;
    const arrow: TrendArrow = m[1]!.toLowerCase() === 'upward' ? 'up' : 'down';
    this.setOnce('trendArrow', arrow, line, () => (this.report.trendArrow = arrow));
  }

  private statement(
    which: 'trendArrow' | 'ratingsChange' | 'statusChange' | 'note' | 'ratingsAndArrow',
    text: string,
    line: number,
  ): void {
    const s = this.report.statements;
    if (which === 'ratingsAndArrow') {
      this.statement('ratingsChange', text, line);
      s.trendArrow ??= text;
      this.arrowInWords(text, line);
      return;
    }
    if (which === 'trendArrow') this.arrowInWords(text, line);
    if (which === 'note') {
      s.note = s.note ? `${s.note} ${text}` : text;
      return;
    }
    if (s[which] !== null) {
      s[which] = `${s[which]} ${text}`;
    } else s[which] = text;
    if (which === 'ratingsChange') {
      const steps = ratingsChangeIn(text);
      if (steps.pr)
        this.setOnce(
          'change.prRating',
          JSON.stringify(steps.pr),
          line,
          () => (this.report.changes.prRating = steps.pr),
        );
      if (steps.cl)
        this.setOnce(
          'change.clRating',
          JSON.stringify(steps.cl),
          line,
          () => (this.report.changes.clRating = steps.cl),
        );
    }
    if (which === 'statusChange') {
      const step = statusChangeIn(text);
      if (step) this.setOnce('change.status', JSON.stringify(step), line, () => (this.report.changes.status = step));
    }
  }

  private scoreChange(text: string, line: number): void {
    const t = this.target;
    if (t.kind === 'indicator' || t.kind === 'addQ') {
      this.narrativeOf(t.kind === 'addQ' ? 'addQ' : t.code).scoreChanges.push(text);
    } else this.diagnose(line, 'info', 'a "Score Change" note outside any indicator was not kept');
  }

  private enterBody(target: Target): void {
    this.zone = 'body';
    this.target = target;
    this.pending = null;
  }

  private narrativeOf(code: IndicatorCode | 'addQ'): IndicatorNarrative {
    const nar = this.report.narrative;
    if (code === 'addQ') return (nar.addQ ??= { question: null, paragraphs: [], scoreChanges: [] });
    return (nar.indicators[code] ??= { question: null, paragraphs: [], scoreChanges: [] });
  }

  private paragraph(l: SourceLine, text: string): void {
    const bullet = /^[•·▪‣◦●]\s*(.*)$/.exec(text);
    const t = this.target;
    if (t.kind === 'keyDevelopments') {
      const kd = this.report.keyDevelopments;
      if (bullet || kd.length === 0) {
        kd.push(bullet ? bullet[1]! : text);
        this.open = null;
        if (!bullet) this.target = { kind: 'overview' };
        return;
      }
      this.target = { kind: 'overview' };
    }
    const body = bullet ? bullet[1]! : text;
    const list = this.listFor(this.target);
    if (this.open && this.open.list === list && !bullet) {
      list[this.open.index] = `${list[this.open.index]} ${body}`;
      return;
    }
    // "…paragraph.Score Change: The score…" as the narrative data glues them.
    const at = this.target.kind === 'indicator' || this.target.kind === 'addQ' ? body.search(/Score Change:/i) : -1;
    if (at > 0) {
      list.push(body.slice(0, at).trimEnd());
      this.scoreChange(body.slice(at).replace(/^\s*Score Change:\s*/i, ''), l.line);
      this.open = null;
      return;
    }
    list.push(body);
    this.open = bullet ? null : { list, index: list.length - 1 };
  }

  private listFor(t: Target): string[] {
    const r = this.report;
    switch (t.kind) {
      case 'subcategory':
        return (r.narrative.subcategories[t.code] ??= []);
      case 'indicator':
        return this.narrativeOf(t.code).paragraphs;
      case 'addQ':
        return this.narrativeOf('addQ').paragraphs;
      default:
        // Category-level prose (the 2006–2012 layout) has no place of its own; it is general narrative.
        return r.overview;
    }
  }

  // ---------------------------------------------------------------- end

  private finish(lastLine: SourceLine): void {
    const r = this.report;
    if (r.edition === null && this.yearUnderReview && this.yearUnderReview.year >= 2007) {
      r.edition = this.yearUnderReview.year + 1;
      this.diagnose(
        this.yearUnderReview.line,
        'info',
        `no edition is printed; edition ${r.edition} follows from the year under review, ${this.yearUnderReview.year}`,
      );
    }
    const p = this.pending;
    if (p?.kind === 'figure' && p.heading !== undefined)
      this.diagnose(p.heading, 'warning', `no score for ${p.code} on this line`);
    else if (p && p.kind !== 'skipValue')
      this.diagnose(lastLine.line, 'warning', 'the text ends where a value or a statement was expected');
    const complete =
      /(?:[.!?)"'”’\]:…]|\d\s*\/\s*\d+|:\s*[+\-\u2212]?\d+(?:\.\d)?|^(?:free|partly free|not free)|\d{4} Scores)$/i;
    if (!complete.test(lastLine.text) && this.zone !== 'trailer')
      this.diagnose(lastLine.line, 'warning', 'the text ends mid-sentence: the copy looks cut off');
    if (this.zone !== 'header') {
      const missing = SUBCATEGORY_CODES.filter((c) => r.scores[c] === null);
      if (missing.length && missing.length < SUBCATEGORY_CODES.length)
        this.diagnose(lastLine.line, 'info', `no score stated for subcategories ${missing.join(', ')}`);
    }
    for (const code of INDICATOR_CODES) {
      const n = r.narrative.indicators[code];
      if (n && r.scores.indicators[code] === undefined && !this.seen.has(code))
        this.diagnose(lastLine.line, 'info', `${code} appears without a score`);
    }
  }
}
