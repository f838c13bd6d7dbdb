import type { EntityKind } from '../types.js';
import type { EntityDefinition, FhRegion } from './entity.js';
import { entitySlug, normalizeEntityName } from './entity-name.js';
import type { EntityRegistry } from './registry.js';

/** What a file says about an entity the registry does not know. */
export interface UnknownEntity {
  name: string;
  kind: EntityKind;
  region: FhRegion;
  /** The first edition the file rates it in (null: not rated yet). */
  first: number | null;
}

/**
 * A registry entry for a new entity: its slug from the name, and a project
 * code from ISO's user-assigned X range (ISO 3166 never gives these to a
 * country), the first free of X plus the name's first letter and each later
 * one, then any free X code: "Arcadia" gets XAR unless that is taken.
 */
export function proposeEntity(
  unknown: UnknownEntity,
  registry: EntityRegistry,
  taken: ReadonlySet<string> = new Set(),
): EntityDefinition {
  const used = (code: string) => taken.has(code) || registry.match(code)?.code === code;
  const letters = normalizeEntityName(unknown.name)
    .replace(/[^a-z]/g, '')
    .toUpperCase();
  const candidates: string[] = [];
  for (let i = 1; i < letters.length; i++) candidates.push(`X${letters[0]}${letters[i]}`);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const a of alphabet) for (const b of alphabet) candidates.push(`X${a}${b}`);
  const projectCode = candidates.find((c) => !used(c));
  return {
    id: entitySlug(unknown.name),
    name: unknown.name.trim(),
    iso3: null,
    ...(projectCode ? { projectCode } : {}),
    kind: unknown.kind,
    region: unknown.region,
    first: unknown.first,
    last: null,
  };
}
