import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../connect.js';
import { withSerialId } from './columns.js';

/** Entities, editions, question wording, assessments with their scores and narratives, and the import log. */
export function ratingsMigration(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('entities')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('country', 'territory')`))
        .addColumn('iso3', 'text')
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .execute();

      await db.schema
        .createTable('editions')
        .addColumn('edition', 'integer', (c) => c.primaryKey())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('period_start', 'text', (c) => c.notNull())
        .addColumn('period_end', 'text', (c) => c.notNull())
        .addColumn('year_under_review', 'integer', (c) => c.notNull())
        .addColumn('methodology', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('open', 'published')`))
        .addColumn('release_checksum', 'text')
        .addColumn('published_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('questions')
        .addColumn('edition', 'integer', (c) => c.notNull().references('editions.edition'))
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('wording', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('questions_pk', ['edition', 'code'])
        .execute();

      await withSerialId(db.schema.createTable('assessments'), dialect)
        .addColumn('entity_id', 'text', (c) => c.notNull().references('entities.id'))
        .addColumn('edition', 'integer', (c) => c.notNull().references('editions.edition'))
        .addColumn('granularity', 'text', (c) =>
          c.notNull().check(sql`granularity in ('indicators', 'subcategories', 'aggregates', 'ratings')`),
        )
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('country', 'territory')`))
        .addColumn('region', 'text')
        .addColumn('state', 'text', (c) =>
          c.notNull().check(sql`state in ('draft', 'submitted', 'returned', 'approved', 'published', 'withheld')`),
        )
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('add_q', 'integer', (c) => c.check(sql`add_q between 0 and 4`))
        .addColumn('add_a', 'integer', (c) => c.check(sql`add_a between 0 and 4`))
        .addColumn('pr_aggregate', 'integer')
        .addColumn('cl_aggregate', 'integer')
        .addColumn('pr_rating', 'integer', (c) => c.check(sql`pr_rating between 1 and 7`))
        .addColumn('cl_rating', 'integer', (c) => c.check(sql`cl_rating between 1 and 7`))
        .addColumn('status', 'text', (c) => c.check(sql`status in ('F', 'PF', 'NF')`))
        .addColumn('trend_arrow', 'text', (c) => c.check(sql`trend_arrow in ('up', 'down')`))
        .addColumn('electoral_democracy_override', 'integer')
        .addColumn('source', 'text')
        .addColumn('source_note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('assessments_entity_edition', ['entity_id', 'edition'])
        .execute();
      await db.schema.createIndex('assessments_by_edition').on('assessments').columns(['edition', 'state']).execute();

      await db.schema
        .createTable('scores')
        .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('value', 'integer', (c) => c.notNull().check(sql`value >= 0`))
        .addPrimaryKeyConstraint('scores_pk', ['assessment_id', 'code'])
        .execute();

      await db.schema
        .createTable('narratives')
        .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
        .addColumn('section', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('body', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('narratives_pk', ['assessment_id', 'section', 'code'])
        .execute();

      await withSerialId(db.schema.createTable('import_runs'), dialect)
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('files', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .execute();
    },

    async down(db: Kysely<unknown>) {
      for (const table of ['import_runs', 'narratives', 'scores', 'assessments', 'questions', 'editions', 'entities']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
