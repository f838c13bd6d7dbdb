import type { CreateTableBuilder } from 'kysely';
import type { Dialect } from '../connect.js';

/**
 * The few column definitions that are spelled differently on the two
 * dialects. Everything else in the migrations is plain portable SQL.
 */
export function withSerialId<T extends string>(table: CreateTableBuilder<T, never>, dialect: Dialect) {
  return dialect === 'postgres'
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}
