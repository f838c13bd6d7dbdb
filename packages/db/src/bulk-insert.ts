import { sql, type Insertable, type Kysely } from 'kysely';
import type { Dialect } from './connect.js';
import type { Database } from './schema.js';

/** Rows per multi-row INSERT: well under SQLite's 32,766 bound parameters. */
const ROWS_PER_INSERT = 500;
/** Rows per statement on PostgreSQL, where each column travels as one array parameter. */
const ROWS_PER_ARRAY_INSERT = 10_000;

/** PostgreSQL element types of the tables loaded in bulk, so `unnest` can cast each array. */
const COLUMN_TYPES: Partial<Record<keyof Database, Record<string, 'int4' | 'text'>>> = {
  scores: { assessment_id: 'int4', code: 'text', value: 'int4' },
  narratives: { assessment_id: 'int4', section: 'text', code: 'text', body: 'text' },
  revisions: {
    assessment_id: 'int4',
    version: 'int4',
    user_id: 'int4',
    at: 'text',
    field: 'text',
    old_value: 'text',
    new_value: 'text',
    reason: 'text',
  },
};

/**
 * Inserts many rows. On PostgreSQL the big tables go in as one array per
 * column through `unnest`: a few statements instead of hundreds, which is what
 * keeps a full import there within twice SQLite's time. Everything else uses
 * ordinary multi-row INSERTs, the same on both dialects.
 */
export async function bulkInsert<T extends keyof Database & string>(
  trx: Kysely<Database>,
  dialect: Dialect,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  onBatch: (rows: number) => void = () => undefined,
): Promise<void> {
  const types = COLUMN_TYPES[table];
  if (dialect === 'postgres' && types) {
    const columns = Object.keys(types);
    for (let i = 0; i < rows.length; i += ROWS_PER_ARRAY_INSERT) {
      const chunk = rows.slice(i, i + ROWS_PER_ARRAY_INSERT) as Record<string, unknown>[];
      const arrays = columns.map((c) => sql`${chunk.map((r) => r[c] ?? null)}::${sql.raw(types[c]!)}[]`);
      await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
        select * from unnest(${sql.join(arrays)})`.execute(trx);
      onBatch(chunk.length);
    }
    return;
  }
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + ROWS_PER_INSERT);
    await trx
      .insertInto(table)
      .values(chunk as never)
      .execute();
    onBatch(chunk.length);
  }
}
