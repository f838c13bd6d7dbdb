import {
  assess,
  assessIndex,
  assessmentNote,
  hasPrClForm,
  methodologyFor,
  computedValue,
  editionInfo,
  findDiscrepancies,
  formatLocation,
  granularityOf,
  INDICATOR_CODES,
  BUILTIN_REGISTRY,
  EntityRegistryError,
  isFhRegion,
  kindIn,
  normalizeEntityName,
  proposeEntity,
  regionIn,
  SUBCATEGORY_CODES,
  type AssessmentInput,
  type EntityDefinition,
  type EntityRegistry,
  type DerivedFigures,
  type Entity,
  type EntityKind,
  type FhColumn,
  type FhRecord,
  type Granularity,
  type InputError,
  type Methodology,
  type NarrativeRecord,
  type QuestionRecord,
} from '@freedom-ratings/core';
import type { ImportSource } from './import-source.js';

/** What one entity-edition will hold after the import: the most detailed data any file gave. */
export interface MergedAssessment {
  entity: Entity;
  edition: number;
  granularity: Granularity;
  kind: EntityKind;
  region: string | null;
  input: AssessmentInput;
  /** The file the kept data came from. */
  source: string;
  /** Interpretations made while reading (split ratings), in our words. */
  sourceNote: string | null;
  /** The methodology the edition is scored with (what decides the codes stored); FIW's built-in one when absent. */
  methodology?: Methodology;
}

/** Two files (or a file and the methodology) saying different things about one figure. */
export interface Conflict {
  entity: string;
  edition: number;
  field: string;
  kept: { file: string; value: string | number | null };
  other: { file: string; value: string | number | null };
  /** "stated" when a file's own stated figure disagrees with what its scores give. */
  kind: 'between-files' | 'stated';
}

export interface MergeResult {
  assessments: MergedAssessment[];
  /** Narratives keyed by entity id and edition; they attach to the assessment of that key. */
  narratives: Map<string, { entity: Entity; edition: number; texts: NarrativeRecord[] }>;
  questions: QuestionRecord[];
  conflicts: Conflict[];
  notes: InputError[];
  /** Entity-editions given more than once with the same figures (e.g. Hong Kong on both ratings sheets). */
  identicalDuplicates: number;
  /** Entities the files named that the registry did not know, added with `addUnknown`; stored in the import's transaction. */
  registered: EntityDefinition[];
}

export interface MergeOptions {
  /** The effective registry (the database's); the built-in one by default. */
  registry?: EntityRegistry;
  /** Add names the registry does not know as new entities (kind and region from the files) instead of refusing them. */
  addUnknown?: boolean;
  /**
   * The methodology each edition is scored with (the database's: the one a
   * stored edition names, else a loaded one listing it); the built-in one for
   * an edition not in the map.
   */
  methodologies?: ReadonlyMap<number, Methodology>;
}

const RANK: Record<Granularity, number> = { indicators: 0, subcategories: 1, aggregates: 2, ratings: 3 };

export function assessmentKey(entityId: string, edition: number): string {
  return `${entityId}\u0000${edition}`;
}

interface Group {
  entity: Entity;
  edition: number;
  items: { record: FhRecord; file: string }[];
}

/** Where merging one group reports what it finds. */
interface Findings {
  errors: InputError[];
  notes: InputError[];
  conflicts: Conflict[];
}

/**
 * Matches every record to a registry entity and keeps, per entity-edition,
 * the most detailed data (indicators > subcategories > aggregates > ratings).
 * Every disagreement is reported: a less detailed file whose figures differ
 * from what the kept scores give, and a kept file whose stated totals differ
 * from its own scores (FH's Kosovo 2006–2007 rows). Two files giving the
 * same level of detail with different figures is an error: there is no rule
 * to choose between them. An unknown name is an error saying which entity it
 * probably is or how to add it, unless `addUnknown` adds it.
 */
export function mergeSources(
  sources: readonly ImportSource[],
  options: MergeOptions = {},
): { result?: MergeResult; errors: InputError[] } {
  const errors: InputError[] = [];
  let registry = options.registry ?? BUILTIN_REGISTRY;
  const proposed = options.addUnknown ? proposeUnknown(sources, registry, errors) : [];
  if (errors.length) return { errors };
  const registered = proposed.map((p) => p.definition);
  if (registered.length) {
    try {
      registry = registry.add(registered);
    } catch (e) {
      if (!(e instanceof EntityRegistryError)) throw e;
      const at = new Map(proposed.map((p) => [p.definition.id, p]));
      return {
        errors: e.problems.map((p) => ({
          location: (at.get(p.subject) ?? proposed[0]!).location,
          message: `cannot add "${at.get(p.subject)?.definition.name ?? p.subject}": ${p.message}`,
        })),
      };
    }
  }
  const resolve = entityResolver(registry, errors);
  const groups = groupRecords(sources, resolve, errors);
  const narratives = groupNarratives(sources, resolve);
  if (errors.length) return { errors };

  const found: Findings = { errors, notes: sources.flatMap((s) => s.notes), conflicts: [] };
  const assessments: MergedAssessment[] = [];
  let identicalDuplicates = 0;
  for (const group of groups.values()) {
    const methodology = options.methodologies?.get(group.edition) ?? methodologyFor(group.edition);
    const merged = mergeGroup(group, found, methodology);
    assessments.push(merged.assessment);
    identicalDuplicates += merged.identicalDuplicates;
  }
  if (errors.length) return { errors };
  return {
    result: {
      assessments,
      narratives,
      questions: sources.flatMap((s) => s.questions),
      conflicts: found.conflicts,
      notes: found.notes,
      identicalDuplicates,
      registered,
    },
    errors: [],
  };
}

type Resolve = (
  name: string,
  location: InputError['location'],
  hint?: { kind: EntityKind; region: string | null },
) => Entity | undefined;

/** How close (relative edit distance) a known name must be to say an unknown one probably is it. */
const PROBABLY = 0.35;

/**
 * Names to registry entities. An unknown name is an error that says which
 * entity it probably is (and how to accept the spelling), or else how to add it.
 */
function entityResolver(registry: EntityRegistry, errors: InputError[]): Resolve {
  return (name, location, hint) => {
    const entity = registry.match(name);
    if (entity) return entity;
    const probable = registry.suggest(name, 3, PROBABLY);
    const message = probable.length
      ? `unknown country or territory "${name}"; did you mean ${probable.map((e) => `"${e.name}"`).join(' or ')}? ` +
        `(if it is ${probable[0]!.name}, \`fiw entity alias ${probable[0]!.id} "${name}"\` makes imports accept this spelling)`
      : `unknown country or territory "${name}": not in the registry; add it with ` +
        `\`fiw entity add --name "${name}" --kind ${hint?.kind ?? 'country'} --region ${hint?.region && isFhRegion(hint.region) ? `"${hint.region}"` : 'REGION'}\`, ` +
        `or import with --add-unknown`;
    errors.push({ location, message });
    return undefined;
  };
}

/**
 * For `addUnknown`: one new entity per name the registry does not know, its
 * kind from the newest record and its region from the newest record that has
 * one. A name no file gives a region for cannot be added this way.
 */
function proposeUnknown(
  sources: readonly ImportSource[],
  registry: EntityRegistry,
  errors: InputError[],
): { definition: EntityDefinition; location: InputError['location'] }[] {
  const unknown = new Map<string, { name: string; records: FhRecord[]; location: InputError['location'] }>();
  for (const source of sources) {
    for (const record of source.records) {
      if (registry.match(record.entity)) continue;
      const key = normalizeEntityName(record.entity);
      const u = unknown.get(key) ?? { name: record.entity.trim(), records: [], location: record.location };
      u.records.push(record);
      unknown.set(key, u);
    }
  }
  const proposals: { definition: EntityDefinition; location: InputError['location'] }[] = [];
  const taken = new Set<string>();
  for (const u of unknown.values()) {
    const newest = [...u.records].sort((a, b) => b.edition - a.edition);
    const region = newest.map((r) => r.region?.trim()).find((r) => r);
    if (!region || !isFhRegion(region)) {
      errors.push({
        location: u.location,
        message: region
          ? `cannot add "${u.name}": region "${region}" is not one of Africa, Americas, Asia, Eurasia, Europe, Middle East`
          : `cannot add "${u.name}": no file gives its region; add it first with \`fiw entity add --name "${u.name}" --kind ${newest[0]!.kind} --region REGION\``,
      });
      continue;
    }
    const proposal = proposeEntity(
      { name: u.name, kind: newest[0]!.kind, region, first: newest[newest.length - 1]!.edition },
      registry,
      taken,
    );
    if (proposal.projectCode) taken.add(proposal.projectCode);
    proposals.push({ definition: proposal, location: u.location });
  }
  return proposals;
}

/** Every file's records by entity-edition; a record with nothing to score is an error. */
function groupRecords(sources: readonly ImportSource[], resolve: Resolve, errors: InputError[]): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const source of sources) {
    for (const record of source.records) {
      const nameColumn = record.cells['Country/Territory'];
      const location = {
        ...record.location,
        ...(nameColumn !== undefined ? { column: nameColumn, header: 'Country/Territory' } : {}),
      };
      const entity = resolve(record.entity, location, record);
      if (!entity) continue;
      if (!granularityOf(record.input)) {
        errors.push({
          location: record.location,
          message: `${record.entity} ${label(record.edition)}: no scores or ratings (expected indicators, subcategories, aggregates or ratings)`,
        });
        continue;
      }
      const key = assessmentKey(entity.id, record.edition);
      const group = groups.get(key) ?? { entity, edition: record.edition, items: [] };
      group.items.push({ record, file: source.file });
      groups.set(key, group);
    }
  }
  return groups;
}

function groupNarratives(sources: readonly ImportSource[], resolve: Resolve): MergeResult['narratives'] {
  const narratives: MergeResult['narratives'] = new Map();
  for (const source of sources) {
    for (const text of source.narratives) {
      const entity = resolve(text.entity, text.location);
      if (!entity) continue;
      const key = assessmentKey(entity.id, text.edition);
      const group = narratives.get(key) ?? { entity, edition: text.edition, texts: [] };
      group.texts.push(text);
      narratives.set(key, group);
    }
  }
  return narratives;
}

/** One entity-edition: the most detailed record kept, checked against itself and against every other file. */
function mergeGroup(
  group: Group,
  found: Findings,
  methodology: Methodology | undefined,
): { assessment: MergedAssessment; identicalDuplicates: number } {
  const expectedKind = kindIn(group.entity, group.edition);
  const items = [...group.items].sort(
    (a, b) =>
      RANK[granularityOf(a.record.input)!] - RANK[granularityOf(b.record.input)!] ||
      Number(b.record.kind === expectedKind) - Number(a.record.kind === expectedKind),
  );
  const kept = items[0]!;
  const granularity = granularityOf(kept.record.input)!;
  // Another index than FIW's is scored in its own codes; FIW's stated-figure checks do not apply to it.
  const assessed =
    methodology && !hasPrClForm(methodology)
      ? indexAssessed(kept.record, methodology, group, found)
      : assess(kept.record.input, methodology);
  for (const p of assessed.problems) {
    // A score a file gives above its maximum (a subcategory total of 13 of 12) is bad input.
    // A derived aggregate beyond its range (FH's Luxembourg FIW 2003 PR of 44 of 40) is a
    // published fact we cannot correct: stored as given, and reported.
    const givenScore = (SUBCATEGORY_CODES as readonly string[]).includes(p.field);
    const column = givenScore ? kept.record.cells[p.field as FhColumn] : undefined;
    const location = column === undefined ? kept.record.location : { ...kept.record.location, column, header: p.field };
    (p.severity === 'error' || givenScore ? found.errors : found.notes).push(
      assessmentNote(location, group.entity.name, group.edition, p.message),
    );
  }
  if (assessed.figures) {
    for (const d of findDiscrepancies(kept.record, assessed)) {
      if (d.note) continue;
      found.conflicts.push({
        entity: group.entity.name,
        edition: group.edition,
        field: d.column,
        kept: { file: kept.file, value: d.computed },
        other: { file: kept.file, value: d.stated },
        kind: 'stated',
      });
    }
  }
  let identicalDuplicates = 0;
  for (const other of items.slice(1)) {
    if (granularityOf(other.record.input) !== granularity) {
      if (assessed.figures) compareLessDetailed(group, kept, other, assessed.figures, found.conflicts);
      continue;
    }
    const differences = sameLevelDifferences(kept.record.input, other.record.input);
    if (differences.length === 0) identicalDuplicates++;
    else {
      found.errors.push({
        location: other.record.location,
        message: `${group.entity.name} ${label(group.edition)} is also in ${formatLocation(kept.record.location)} with different figures (${differences.join(', ')}); remove one of them`,
      });
    }
  }
  const region = items.map((i) => i.record.region).find((r) => r) ?? regionIn(group.entity, group.edition);
  const kind = items.some((i) => i.record.kind === expectedKind) ? expectedKind : kept.record.kind;
  const sourceNote = found.notes
    .filter((n) => n.location.file === kept.file && n.location.row === kept.record.location.row)
    .filter((n) => n.about?.entity === kept.record.entity && n.about.edition === group.edition)
    .map((n) => n.about!.note)
    .join('; ');
  const assessment: MergedAssessment = {
    entity: group.entity,
    edition: group.edition,
    granularity,
    kind,
    region,
    // A stated status is what decides where the edition's rule cannot (FIW 2003 at 5.5, and
    // earlier): the FIW03-05 sheet has none, FH's ratings sheet has it, so carry it over.
    input: {
      ...kept.record.input,
      entity: group.entity.name,
      kind,
      status: kept.record.input.status ?? items.map((i) => i.record.input.status).find((s) => s) ?? null,
    },
    source: kept.file,
    sourceNote: sourceNote === '' ? null : sourceNote,
    methodology,
  };
  return { assessment, identicalDuplicates };
}

/** Reports an assessment of another index's problems as import errors; `assess`'s answer without figures or problems. */
function indexAssessed(
  record: FhRecord,
  methodology: Methodology,
  group: Group,
  found: Findings,
): { figures: null; problems: [] } {
  for (const p of assessIndex(record.input, methodology).problems)
    found.errors.push(assessmentNote(record.location, group.entity.name, group.edition, `${p.path}: ${p.message}`));
  return { figures: null, problems: [] };
}

/** A less detailed file's figures against what the kept scores give: each difference is a conflict. */
function compareLessDetailed(
  group: Group,
  kept: Group['items'][number],
  other: Group['items'][number],
  figures: DerivedFigures,
  conflicts: Conflict[],
): void {
  for (const [field, value] of claims(other.record)) {
    const keptValue = keptClaim(field, figures, kept.record.input);
    if (keptValue === undefined || keptValue === value) continue;
    if (field === 'Status' && figures.statusBasis !== 'rule') continue;
    conflicts.push({
      entity: group.entity.name,
      edition: group.edition,
      field,
      kept: { file: kept.file, value: keptValue },
      other: { file: other.file, value },
      kind: 'between-files',
    });
  }
}

function label(edition: number): string {
  return editionInfo(edition)?.label ?? String(edition);
}

/** The figures two same-level inputs disagree on, as "A1 3 vs 2". */
function sameLevelDifferences(a: AssessmentInput, b: AssessmentInput): string[] {
  const out: string[] = [];
  const compare = (field: string, x: unknown, y: unknown) => {
    if ((x ?? null) !== (y ?? null)) out.push(`${field} ${String(x ?? '-')} vs ${String(y ?? '-')}`);
  };
  for (const c of INDICATOR_CODES) compare(c, a.indicators?.[c], b.indicators?.[c]);
  for (const c of SUBCATEGORY_CODES) compare(c, a.subcategories?.[c], b.subcategories?.[c]);
  compare('PR', a.aggregates?.pr, b.aggregates?.pr);
  compare('CL', a.aggregates?.cl, b.aggregates?.cl);
  compare('PR rating', a.ratings?.pr, b.ratings?.pr);
  compare('CL rating', a.ratings?.cl, b.ratings?.cl);
  const scored = a.indicators || a.subcategories;
  if (scored) {
    compare('Add Q', a.addQ ?? 0, b.addQ ?? 0);
    compare('Add A', a.addA, b.addA);
  }
  if (!scored || a.status || b.status) compare('Status', a.status, b.status);
  return out;
}

/** What a less detailed record says, figure by figure, in FH's column names. */
function claims(record: FhRecord): [string, string | number | null][] {
  const out = new Map<string, string | number | null>();
  const input = record.input;
  for (const c of SUBCATEGORY_CODES) if (input.subcategories?.[c] !== undefined) out.set(c, input.subcategories[c]!);
  if (input.aggregates) {
    out.set('PR', input.aggregates.pr);
    out.set('CL', input.aggregates.cl);
  }
  if (input.ratings) {
    out.set('PR rating', input.ratings.pr);
    out.set('CL rating', input.ratings.cl);
  }
  if (input.status) out.set('Status', input.status);
  if (input.subcategories) {
    out.set('Add Q', input.addQ ?? 0);
    if (input.addA !== null && input.addA !== undefined) out.set('Add A', input.addA);
  }
  for (const [column, value] of Object.entries(record.stated)) if (value !== null) out.set(column, value);
  return [...out];
}

function keptClaim(field: string, f: DerivedFigures, input: AssessmentInput): string | number | null | undefined {
  if (field === 'Add Q')
    return f.granularity === 'indicators' || f.granularity === 'subcategories' ? (input.addQ ?? 0) : undefined;
  if (field === 'Add A')
    return f.granularity === 'indicators' || f.granularity === 'subcategories' ? (input.addA ?? null) : undefined;
  const value = computedValue(field as FhColumn, f);
  return value === null ? undefined : value;
}
