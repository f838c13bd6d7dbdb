import type { Methodology } from './methodology.js';
import fiw1973 from './builtin/fiw-1973.json' with { type: 'json' };
import fiw2003 from './builtin/fiw-2003.json' with { type: 'json' };
import fiw2004 from './builtin/fiw-2004.json' with { type: 'json' };
import fiw2006 from './builtin/fiw-2006.json' with { type: 'json' };
import fiw2017 from './builtin/fiw-2017.json' with { type: 'json' };
import fiw2018 from './builtin/fiw-2018.json' with { type: 'json' };
import fiw2019 from './builtin/fiw-2019.json' with { type: 'json' };

/*
 * The rules of FIW 1973–2026 are methodology files like any organisation's
 * own (builtin/*.json, from the methodology notes and checked against FH's
 * data for every record where data exists). They are imported, so the
 * bundlers inline them and core still does no I/O. Where the record does not
 * settle a rule, the file says so instead of guessing.
 */
export const BUILT_IN_METHODOLOGIES: readonly Methodology[] = [
  fiw1973,
  fiw2003,
  fiw2004,
  fiw2006,
  fiw2017,
  fiw2018,
  fiw2019,
] as unknown as Methodology[];

const BY_EDITION = new Map<number, Methodology>(
  BUILT_IN_METHODOLOGIES.flatMap((m) => m.editions.map((e) => [e, m] as const)),
);

/** The built-in rules for an edition, or undefined for an edition none of the built-in files covers. */
export function methodologyFor(edition: number): Methodology | undefined {
  return BY_EDITION.get(edition);
}

/** A built-in methodology by id and version (every built-in file is version 1). */
export function builtInMethodology(id: string, version = 1): Methodology | undefined {
  return BUILT_IN_METHODOLOGIES.find((m) => m.id === id && m.version === version);
}
