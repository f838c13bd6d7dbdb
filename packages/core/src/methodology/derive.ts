import type { Methodology } from './methodology.js';

const TRAILING_EDITION = /\s*\d{4}([–-]\d{2,4})?(\s*\(.*\))?$/;

/**
 * A new edition's rules as a copy of an earlier edition's: same categories,
 * questions, bands and rules, a new id ("fiw-2019" → "fiw-2027"), version 1,
 * and the one edition it applies to. The editors then change what changed.
 */
export function methodologyForNewEdition(source: Methodology, edition: number, id?: string): Methodology {
  const base = source.id.replace(/-\d+$/, '');
  const name = TRAILING_EDITION.test(source.name)
    ? source.name.replace(TRAILING_EDITION, ` ${edition}`)
    : `${source.name} ${edition}`;
  return {
    ...(JSON.parse(JSON.stringify(source)) as Methodology),
    id: id ?? `${base}-${edition}`,
    version: 1,
    name,
    editions: [edition],
  };
}
