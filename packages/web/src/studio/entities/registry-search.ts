import { normalizeEntityName } from '@freedom-ratings/core';
import type { RegistryEntity } from '../../api/studio-client.js';

/** Every name an entity answers to in the studio's search: its name, former names, variants, code and slug. */
function searchableNames(e: RegistryEntity): string[] {
  return [e.name, ...e.formerNames.map((f) => f.name), ...e.variants, e.code, e.iso3 ?? '', e.id];
}

/**
 * The registry entities a search finds, in the list's order. Names are folded
 * as imports fold them (case, accents, punctuation, "Saint"/"St."), so
 * "COTE D'IVOIRE" finds Côte d’Ivoire, and a former name or a variant finds
 * the entity it belongs to ("Burma" finds Myanmar). An empty search finds all.
 */
export function searchRegistry(entities: readonly RegistryEntity[], query: string): RegistryEntity[] {
  const q = normalizeEntityName(query);
  if (q === '') return [...entities];
  return entities.filter((e) => searchableNames(e).some((n) => normalizeEntityName(n).includes(q)));
}
