import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** An edition's official question wording by code (A1…G4, "Add Q", "Add A"), loaded from data. */
export async function questionWordings(db: Kysely<Database>, edition: number): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('questions')
    .select(['code', 'wording'])
    .where('edition', '=', edition)
    .orderBy('code')
    .execute();
  return new Map(rows.map((q) => [q.code, q.wording]));
}
