import type { Migration } from 'kysely';
import type { Dialect } from '../connect.js';
import { ratingsMigration } from './0001-ratings.js';
import { studioMigration } from './0002-studio.js';
import { editorialMigration } from './0003-editorial.js';
import { loginAttemptsMigration } from './0004-login-attempts.js';
import { assignmentDeadlinesMigration } from './0005-assignment-deadlines.js';
import { blindReviewMigration } from './0005b-blind-review.js';
import { methodologiesMigration } from './0006-methodologies.js';
import { entityRegistryMigration } from './0007-entity-registry.js';
import { errataMigration } from './0008-errata.js';
import { correctionsMigration } from './0009-corrections.js';

/**
 * Every migration, in order, imported rather than found by a folder glob, so
 * they travel inside the bundled `fiw` command. Names sort in order; never
 * rename or edit one that has shipped: add the next.
 */
export function migrationsFor(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-ratings': ratingsMigration(dialect),
    '0002-studio': studioMigration(dialect),
    '0003-editorial': editorialMigration(dialect),
    '0004-login-attempts': loginAttemptsMigration(dialect),
    '0005-assignment-deadlines': assignmentDeadlinesMigration(dialect),
    '0005b-blind-review': blindReviewMigration(dialect),
    '0006-methodologies': methodologiesMigration(dialect),
    '0007-entity-registry': entityRegistryMigration(dialect),
    '0008-errata': errataMigration(dialect),
    '0009-corrections': correctionsMigration(dialect),
  };
}
