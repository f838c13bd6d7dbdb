import type { Entity } from './entity.js';
import { BUILTIN_REGISTRY, type EntityRegistry } from './registry.js';

/** The entity a name, variant, slug or code refers to in `registry` (the built-in one by default). */
export function matchEntity(name: string, registry: EntityRegistry = BUILTIN_REGISTRY): Entity | undefined {
  return registry.match(name);
}

/** The closest known names to an unmatched one, best first (see `EntityRegistry.suggest`). */
export function suggestEntities(name: string, limit = 3, registry: EntityRegistry = BUILTIN_REGISTRY): Entity[] {
  return registry.suggest(name, limit);
}
