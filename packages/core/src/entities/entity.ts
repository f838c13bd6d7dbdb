import type { EntityKind } from '../types.js';

/**
 * Freedom House's regions as the registry names them ("Asia" is FH's "Asia-Pacific"). FH's published
 * figures carry these six in every edition from 1973; a list, so an API can refuse any other name.
 */
export const FH_REGIONS = ['Africa', 'Americas', 'Asia', 'Eurasia', 'Europe', 'Middle East'] as const;
export type FhRegion = (typeof FH_REGIONS)[number];

export function isFhRegion(value: string): value is FhRegion {
  return (FH_REGIONS as readonly string[]).includes(value);
}

/** How an entity is written down in the registry data. */
export interface EntityDefinition {
  /** Stable slug; never changes once published, so URLs and foreign keys keep working. */
  id: string;
  /** The current (newest) name. */
  name: string;
  /** Earlier names: [last edition, name], oldest first; a rename keeps the old name here, and imports still match it. */
  nameUntil?: readonly (readonly [number, string])[];
  /**
   * ISO 3166-1 alpha-3. Left out in the built-in list, whose codes come from
   * `iso-codes.ts`; null for an entity that has none.
   */
  iso3?: string | null;
  /** Stable project code for entities without an ISO 3166 alpha-3 code. */
  projectCode?: string;
  /** Country or territory in the newest edition it appears in. */
  kind: EntityKind;
  region: FhRegion;
  /** Earlier regions: [last edition, region], oldest first. */
  regionUntil?: readonly (readonly [number, FhRegion])[];
  /** Earlier kinds: [last edition, kind], oldest first. */
  kindUntil?: readonly (readonly [number, EntityKind])[];
  /** First and last edition rated; first null until it is, last null while still rated. */
  first: number | null;
  last: number | null;
  /** Other spellings found in data files and in common use. */
  variants?: readonly string[];
}

/** A registry entry with its codes resolved. */
export interface Entity extends EntityDefinition {
  /** ISO 3166-1 alpha-3, or null (territories, former states, Kosovo). */
  iso3: string | null;
  /** `iso3` where there is one, else the project code: unique across the registry. */
  code: string;
}
