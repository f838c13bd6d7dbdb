import type { Entity } from '@freedom-ratings/db';

export function entityRef(e: Entity) {
  return { id: e.id, name: e.name, kind: e.kind, code: e.code, iso3: e.iso3 };
}
