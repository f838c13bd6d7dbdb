import type { EntityKind } from '../types.js';
import { editDistance } from '../text/edit-distance.js';
import { FH_REGIONS, isFhRegion, type Entity, type EntityDefinition, type FhRegion } from './entity.js';
import { normalizeEntityName } from './entity-name.js';
import { ISO3_BY_ENTITY } from './iso-codes.js';
import { ENTITY_DEFINITIONS } from './registry-data.js';
import { BUILTIN_SUCCESSIONS, SUCCESSION_KINDS, type EntitySuccession } from './succession.js';

/** One reason a registry cannot be built, naming the field at fault. */
export interface RegistryProblem {
  field: 'id' | 'name' | 'code' | 'iso3' | 'kind' | 'region' | 'edition' | 'succession';
  /** The entity (or succession, "from → to") the problem is about. */
  subject: string;
  message: string;
}

/** Definitions that do not make a registry: duplicate codes or names, bad slugs, links to unknown entities. */
export class EntityRegistryError extends Error {
  constructor(readonly problems: readonly RegistryProblem[]) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'EntityRegistryError';
  }
}

const resolve = (d: EntityDefinition): Entity => {
  const iso3 = d.iso3 !== undefined ? d.iso3 : (ISO3_BY_ENTITY[d.id] ?? null);
  return { ...d, iso3, code: iso3 ?? d.projectCode ?? d.id.toUpperCase() };
};

/** Every name an entity is known by, current first: former names and variants match too. */
export function namesOf(e: EntityDefinition): string[] {
  return [e.name, ...(e.nameUntil ?? []).map(([, n]) => n), ...(e.variants ?? [])];
}

/**
 * A registry of countries and territories: the built-in one (`BUILTIN_REGISTRY`)
 * or one a database extends with its own entities, renames and successions.
 * It is a value, so the engine stays pure: whoever reads a database builds
 * the effective registry and passes it on. Building one checks it: slugs,
 * codes and every name (after folding) are unique, and successions link
 * known entities; otherwise `EntityRegistryError` names each field at fault.
 */
export class EntityRegistry {
  readonly entities: readonly Entity[];
  readonly successions: readonly EntitySuccession[];
  private readonly ids = new Map<string, Entity>();
  private readonly names = new Map<string, Entity>();
  private readonly codes = new Map<string, Entity>();

  constructor(definitions: readonly EntityDefinition[], successions: readonly EntitySuccession[] = []) {
    this.entities = definitions.map(resolve);
    this.successions = successions;
    const problems: RegistryProblem[] = [];
    for (const e of this.entities) this.index(e, problems);
    this.checkSuccessions(problems);
    if (problems.length) throw new EntityRegistryError(problems);
  }

  /** This registry with new entities: a slug, code or name already taken is an `EntityRegistryError`. */
  add(definitions: readonly EntityDefinition[]): EntityRegistry {
    return new EntityRegistry([...this.entities.map(definitionOf), ...definitions], this.successions);
  }

  /** This registry with `definitions` added or replacing those of the same id, and more successions. */
  with(definitions: readonly EntityDefinition[], successions: readonly EntitySuccession[] = []): EntityRegistry {
    const replaced = new Map(definitions.map((d) => [d.id, d]));
    const kept = this.entities.filter((e) => !replaced.has(e.id)).map(definitionOf);
    const links = new Map(this.successions.map((s) => [`${s.from}\u0000${s.to}`, s]));
    for (const s of successions) links.set(`${s.from}\u0000${s.to}`, s);
    return new EntityRegistry([...kept, ...definitions], [...links.values()]);
  }

  byId(id: string): Entity | undefined {
    return this.ids.get(id);
  }

  /** The entity a name, former name, variant, slug or code refers to; undefined when none does. */
  match(name: string): Entity | undefined {
    return (
      this.names.get(normalizeEntityName(name)) ??
      this.codes.get(name.trim().toUpperCase()) ??
      this.ids.get(name.trim().toLowerCase())
    );
  }

  /**
   * The closest known names to an unmatched one, best first, for "did you
   * mean" messages: edit distance relative to length on normalised names,
   * with a bonus for a shared leading word, and names containing the whole
   * query first, so "Congo" suggests both Congos before Togo. `within` is the
   * largest relative distance still suggested.
   */
  suggest(name: string, limit = 3, within = 0.6): Entity[] {
    const target = normalizeEntityName(name);
    const first = target.split(' ')[0] ?? '';
    const scored = new Map<Entity, number>();
    for (const [known, entity] of this.names) {
      let d = editDistance(target, known) / Math.max(target.length, known.length, 1);
      if (first.length > 2 && known.split(' ')[0] === first) d -= 0.25;
      if (target.length > 2 && ` ${known} `.includes(` ${target} `)) d = Math.min(d, 0.1);
      if (!scored.has(entity) || d < scored.get(entity)!) scored.set(entity, d);
    }
    return [...scored]
      .filter(([, d]) => d < within)
      .sort((a, b) => a[1] - b[1] || a[0].name.localeCompare(b[0].name))
      .slice(0, limit)
      .map(([e]) => e);
  }

  /**
   * The entity whose rating in `edition` belongs to `id`'s series: `id`
   * itself, or, before a succession it continues, the predecessor it
   * continues (Serbia in FIW 2006 is Serbia and Montenegro, in FIW 2003
   * Yugoslavia). History and change from the previous edition follow this.
   */
  seriesAt(id: string, edition: number): Entity | undefined {
    let current = id;
    const seen = new Set<string>();
    for (;;) {
      seen.add(current);
      const link = this.successions.find((s) => s.continues && s.to === current);
      if (!link || edition >= link.edition || seen.has(link.from)) return this.ids.get(current);
      current = link.from;
    }
  }

  /** The entities of `id`'s series, oldest first: the predecessors it continues, then itself. */
  seriesOf(id: string): string[] {
    const chain = [id];
    for (;;) {
      const link = this.successions.find((s) => s.continues && s.to === chain[0]);
      if (!link || chain.includes(link.from)) return chain;
      chain.unshift(link.from);
    }
  }

  /** The successions an entity's series takes part in: its own and those of the predecessors it continues, oldest first. */
  lineageOf(id: string): EntitySuccession[] {
    const chain = new Set(this.seriesOf(id));
    return this.successions
      .filter((s) => chain.has(s.from) || chain.has(s.to))
      .sort((a, b) => a.edition - b.edition || a.to.localeCompare(b.to));
  }

  private index(e: Entity, problems: RegistryProblem[]): void {
    const fail = (field: RegistryProblem['field'], message: string) => problems.push({ field, subject: e.id, message });
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(e.id))
      fail('id', `id "${e.id}" must be lower-case letters and digits joined by hyphens`);
    if (this.ids.has(e.id)) fail('id', `id "${e.id}" is already used by ${this.ids.get(e.id)!.name}`);
    else this.ids.set(e.id, e);
    if (!/^[A-Z]{3}$/.test(e.code)) fail('code', `code "${e.code}" of ${e.name} must be three capital letters`);
    const other = this.codes.get(e.code);
    if (other) fail('code', `code "${e.code}" is already used by ${other.name}`);
    else this.codes.set(e.code, e);
    if (e.kind !== 'country' && e.kind !== 'territory')
      fail('kind', `kind of ${e.name} must be country or territory, not "${String(e.kind)}"`);
    for (const [, k] of e.kindUntil ?? [])
      if (k !== 'country' && k !== 'territory') fail('kind', `earlier kind of ${e.name} must be country or territory`);
    for (const r of [e.region, ...(e.regionUntil ?? []).map(([, r]) => r)]) {
      if (!isFhRegion(r))
        fail(
          'region',
          `region of ${e.name} must be one of Africa, Americas, Asia, Eurasia, Europe, Middle East, not "${String(r)}"`,
        );
    }
    for (const name of namesOf(e)) {
      const key = normalizeEntityName(name);
      if (key === '') {
        fail('name', `${e.id}: a name must have letters or digits`);
        continue;
      }
      const owner = this.names.get(key);
      if (owner && owner !== e) fail('name', `name "${name}" is already a name of ${owner.name}`);
      else this.names.set(key, e);
    }
  }

  private checkSuccessions(problems: RegistryProblem[]): void {
    const continuing = new Map<string, string>();
    const continued = new Map<string, string>();
    for (const s of this.successions) {
      const subject = `${s.from} → ${s.to}`;
      const fail = (message: string) => problems.push({ field: 'succession', subject, message });
      if (!this.ids.has(s.from)) fail(`succession ${subject}: no entity "${s.from}"`);
      if (!this.ids.has(s.to)) fail(`succession ${subject}: no entity "${s.to}"`);
      if (s.from === s.to) fail(`succession ${subject}: an entity cannot succeed itself`);
      if (!(SUCCESSION_KINDS as readonly string[]).includes(s.kind))
        fail(`succession ${subject}: kind must be one of ${SUCCESSION_KINDS.join(', ')}`);
      if (!Number.isInteger(s.edition)) fail(`succession ${subject}: edition must be a year`);
      if (!s.continues) continue;
      if (continuing.has(s.from))
        fail(`succession ${subject}: ${s.from} is already continued by ${continuing.get(s.from)}`);
      if (continued.has(s.to)) fail(`succession ${subject}: ${s.to} already continues ${continued.get(s.to)}`);
      continuing.set(s.from, s.to);
      continued.set(s.to, s.from);
    }
  }
}

/** The definition an entity was built from (codes as written, not resolved). */
export function definitionOf(e: Entity): EntityDefinition {
  const { code: _code, ...definition } = e;
  return definition;
}

/** The built-in registry: every country and territory FH has rated since 1973, and the successions FH's files show. */
export const BUILTIN_REGISTRY = new EntityRegistry(ENTITY_DEFINITIONS, BUILTIN_SUCCESSIONS);

/** The built-in registry's entities. */
export const ENTITIES: readonly Entity[] = BUILTIN_REGISTRY.entities;

export function entityById(id: string, registry: EntityRegistry = BUILTIN_REGISTRY): Entity | undefined {
  return registry.byId(id);
}

/** FH's region for the entity in that edition (as FH published it then). */
export function regionIn(entity: EntityDefinition, edition: number): FhRegion {
  for (const [until, region] of entity.regionUntil ?? []) if (edition <= until) return region;
  return entity.region;
}

/** The regions the registry gives the entities rated in that edition, in `FH_REGIONS` order. */
export function regionsIn(edition: number, registry: EntityRegistry = BUILTIN_REGISTRY): FhRegion[] {
  const used = new Set<FhRegion>();
  for (const e of registry.entities)
    if (e.first !== null && e.first <= edition && (e.last ?? Infinity) >= edition) used.add(regionIn(e, edition));
  return FH_REGIONS.filter((r) => used.has(r));
}

/** Country or territory in that edition (Kosovo was a territory until FIW 2009). */
export function kindIn(entity: EntityDefinition, edition: number): EntityKind {
  for (const [until, kind] of entity.kindUntil ?? []) if (edition <= until) return kind;
  return entity.kind;
}

/** The entity's name in that edition (its name then, before a later rename). */
export function nameIn(entity: EntityDefinition, edition: number): string {
  for (const [until, name] of entity.nameUntil ?? []) if (edition <= until) return name;
  return entity.name;
}
