import type { Entity } from './entity.js';
import { ENTITIES } from './registry.js';
import { editDistance } from '../text/edit-distance.js';

/**
 * Matching the many spellings of an entity's name to one registry entry.
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

const byName = new Map<string, Entity>();
for (const e of ENTITIES) {
  for (const name of [e.name, ...(e.variants ?? [])]) byName.set(normalizeEntityName(name), e);
}
const byCode = new Map<string, Entity>();
for (const e of ENTITIES) {
  byCode.set(e.id, e);
  byCode.set(e.code.toLowerCase(), e);
}

/** The entity a name, variant, slug or code refers to; undefined when none does. */
export function matchEntity(name: string): Entity | undefined {
  return byName.get(normalizeEntityName(name)) ?? byCode.get(name.trim().toLowerCase());
}

/**
 * The closest known names to an unmatched one, best first, for "did you
 * mean" messages: edit distance on normalised names, with a bonus for a
 * shared leading word, and names containing the whole query first, so
 * "Congo" suggests both Congos before Togo.
 */
export function suggestEntities(name: string, limit = 3): Entity[] {
  const target = normalizeEntityName(name);
  const first = target.split(' ')[0] ?? '';
  const scored = new Map<Entity, number>();
  for (const [known, entity] of byName) {
    let d = editDistance(target, known) / Math.max(target.length, known.length, 1);
    if (first.length > 2 && known.split(' ')[0] === first) d -= 0.25;
    if (target.length > 2 && ` ${known} `.includes(` ${target} `)) d = Math.min(d, 0.1);
    if (!scored.has(entity) || d < scored.get(entity)!) scored.set(entity, d);
  }
  return [...scored]
    .filter(([, d]) => d < 0.6)
    .sort((a, b) => a[1] - b[1] || a[0].name.localeCompare(b[0].name))
    .slice(0, limit)
    .map(([e]) => e);
}
