import type { ListedEntity } from '@freedom-ratings/db';

/** A registry entity as the studio shows it (`registryEntitySchema`). */
export function registryEntity(e: ListedEntity) {
  return {
    id: e.id,
    name: e.name,
    code: e.code,
    iso3: e.iso3,
    kind: e.kind,
    region: e.region,
    variants: [...e.variants],
    formerNames: e.nameUntil.map(([untilEdition, name]) => ({ name, untilEdition })),
    firstEdition: e.first,
    lastEdition: e.last,
    addedAt: e.addedAt,
  };
}
