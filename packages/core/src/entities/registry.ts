import type { EntityKind } from '../types.js';
import { FH_REGIONS, type Entity, type FhRegion } from './entity.js';
import { ISO3_BY_ENTITY } from './iso-codes.js';
import { ENTITY_DEFINITIONS } from './registry-data.js';

/** The entity registry: every country and territory rated since 1973, with codes resolved. */
export const ENTITIES: readonly Entity[] = ENTITY_DEFINITIONS.map((d) => {
  const iso3 = ISO3_BY_ENTITY[d.id] ?? null;
  return { ...d, iso3, code: iso3 ?? d.projectCode ?? d.id.toUpperCase() };
});

const byId = new Map(ENTITIES.map((e) => [e.id, e]));

export function entityById(id: string): Entity | undefined {
  return byId.get(id);
}

/** FH's region for the entity in that edition (as FH published it then). */
export function regionIn(entity: Entity, edition: number): FhRegion {
  for (const [until, region] of entity.regionUntil ?? []) if (edition <= until) return region;
  return entity.region;
}

/** The regions the registry gives the entities rated in that edition, in `FH_REGIONS` order. */
export function regionsIn(edition: number): FhRegion[] {
  const used = new Set<FhRegion>();
  for (const e of ENTITIES) if (e.first <= edition && (e.last ?? Infinity) >= edition) used.add(regionIn(e, edition));
  return FH_REGIONS.filter((r) => used.has(r));
}

/** Country or territory in that edition (Kosovo was a territory until FIW 2009). */
export function kindIn(entity: Entity, edition: number): EntityKind {
  for (const [until, kind] of entity.kindUntil ?? []) if (edition <= until) return kind;
  return entity.kind;
}
