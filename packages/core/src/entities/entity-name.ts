/**
 * Names are compared after folding away what varies between files without
 * changing meaning: accents, curly apostrophes, case, punctuation and
 * hyphens, "Saint"/"St.", and the word "the" ("The Gambia", "St. Vincent and
 * the Grenadines"). Anything beyond that is an explicit variant in the data.
 */
export function normalizeEntityName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9']+/g, ' ')
    .replace(/'/g, '')
    .replace(/\bsaint\b/g, 'st')
    .replace(/\bthe\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The slug a new entity of this name gets: "Occupied Zone" → "occupied-zone". */
export function entitySlug(name: string): string {
  return normalizeEntityName(name).replace(/ /g, '-');
}
