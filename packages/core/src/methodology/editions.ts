/**
 * Every Freedom in the World edition, keyed by a number. From FIW 2003 the key
 * is the publication year. Before that FH labelled editions irregularly
 * ("Jan.-Feb. 1973", "1983-84", "1999-2000"); the key is the first year of the
 * label, which keeps keys unique and in order (there is no 2002 edition).
 */
export interface EditionInfo {
  edition: number;
  /** The label FH prints in its data files. */
  label: string;
  /** Period under review, ISO dates (inclusive). */
  periodStart: string;
  periodEnd: string;
  /** The "year" most third-party data uses: the year the period ends in. */
  yearUnderReview: number;
}

function calendarYear(edition: number, label: string, year: number): EditionInfo {
  return { edition, label, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, yearUnderReview: year };
}

function period(edition: number, label: string, start: string, end: string): EditionInfo {
  return { edition, label, periodStart: start, periodEnd: end, yearUnderReview: Number(end.slice(0, 4)) };
}

function buildEditions(): EditionInfo[] {
  const list: EditionInfo[] = [];
  for (let e = 1973; e <= 1977; e++) list.push(calendarYear(e, `Jan.-Feb. ${e}`, e - 1));
  for (let e = 1978; e <= 1981; e++) list.push(calendarYear(e, String(e), e - 1));
  list.push(period(1982, '1982', '1981-01-01', '1982-08-01'));
  list.push(period(1983, '1983-84', '1982-08-02', '1983-11-30'));
  for (let e = 1984; e <= 1988; e++) {
    list.push(period(e, `${e}-${String(e + 1).slice(2)}`, `${e - 1}-11-01`, `${e}-11-30`));
  }
  list.push(period(1989, '1989-90', '1988-11-01', '1989-12-31'));
  for (let e = 1990; e <= 2001; e++) {
    const label = e === 1999 ? '1999-2000' : `${e}-${String(e + 1).slice(2)}`;
    list.push(calendarYear(e, label, e));
  }
  list.push(calendarYear(2003, '2003', 2002));
  list.push(period(2004, '2004', '2003-01-01', '2003-11-30'));
  list.push(period(2005, '2005', '2003-12-01', '2004-11-30'));
  list.push(period(2006, '2006', '2004-12-01', '2005-11-30'));
  list.push(period(2007, '2007', '2005-12-01', '2006-12-31'));
  for (let e = 2008; e <= LATEST_EDITION; e++) list.push(calendarYear(e, String(e), e - 1));
  return list;
}

export const FIRST_EDITION = 1973;
/** The newest edition whose rules are built in. */
export const LATEST_EDITION = 2026;

export const EDITIONS: readonly EditionInfo[] = buildEditions();

const byKey = new Map(EDITIONS.map((e) => [e.edition, e]));
const byLabel = new Map(EDITIONS.map((e) => [e.label, e]));

export function editionInfo(edition: number): EditionInfo | undefined {
  return byKey.get(edition);
}

/**
 * An edition's key, label and period, also for an edition after the built-in
 * ones (FIW 2027 on): a new edition is labelled by its year and reviews the
 * calendar year before, as every edition since FIW 2008 has.
 */
export function editionInfoForOpening(edition: number): EditionInfo | undefined {
  if (byKey.has(edition)) return byKey.get(edition);
  return Number.isInteger(edition) && edition > LATEST_EDITION && edition <= 2100
    ? calendarYear(edition, String(edition), edition - 1)
    : undefined;
}

/**
 * Resolves an edition as written in a file: a key (2014, "2014"), FH's label
 * ("1983-84", "Jan.-Feb. 1975", "1999-2000") or its long form ("1983-1984").
 */
export function resolveEdition(text: string | number): EditionInfo | undefined {
  if (typeof text === 'number') return byKey.get(text);
  const t = text.trim().replace(/\s+/g, ' ');
  const direct = byLabel.get(t) ?? (/^\d{4}$/.test(t) ? byKey.get(Number(t)) : undefined);
  if (direct) return direct;
  const jan = /^Jan\.?-Feb\.? (\d{4})$/i.exec(t);
  if (jan) return byLabel.get(`Jan.-Feb. ${jan[1]}`);
  const span = /^(\d{4})-(\d{2}|\d{4})$/.exec(t);
  if (span) {
    const first = byKey.get(Number(span[1]));
    const last = span[2]!.length === 4 ? span[2]! : span[1]!.slice(0, 2) + span[2]!;
    if (first && Number(last) === first.edition + 1 && first.label.includes('-')) return first;
  }
  return undefined;
}
