import { FH_REGIONS, SUCCESSION_KINDS } from '@freedom-ratings/core';
import { z } from 'zod';
import { entityKindSchema, entityRefSchema } from './common.js';

/**
 * The entity registry in the studio (admins change it; editors read it) and
 * the successions shown with an entity's public history.
 */

export const regionSchema = z.enum(FH_REGIONS as unknown as [string, ...string[]]);
export const successionKindSchema = z.enum(SUCCESSION_KINDS);
const editionYear = z.number().int().min(1973).max(2999);

export const registryEntitySchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  iso3: z.string().nullable(),
  kind: entityKindSchema,
  region: regionSchema,
  variants: z.array(z.string()),
  formerNames: z
    .array(z.strictObject({ name: z.string(), untilEdition: z.number().int() }))
    .meta({ description: 'Earlier names, with the last edition each was the name in.' }),
  firstEdition: z.number().int().nullable().meta({ description: 'First edition rated, as the registry records it.' }),
  lastEdition: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'Last edition rated (a former state); null while still rated.' }),
  addedAt: z.string().nullable().meta({ description: 'When it was added; null for the built-in entities.' }),
});

export const successionSchema = z.strictObject({
  edition: z.number().int().meta({ description: 'The first edition the successor is rated in as such.' }),
  kind: successionKindSchema,
  from: z.string(),
  to: z.string(),
  continues: z.boolean().meta({ description: 'The successor carries the predecessor’s series on (history, change).' }),
});

export const registryListSchema = z.strictObject({
  entities: z.array(registryEntitySchema),
  successions: z.array(successionSchema),
});

export const newEntityBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  kind: entityKindSchema,
  region: regionSchema,
  iso3: z.string().length(3).optional().meta({ description: 'ISO 3166-1 alpha-3, when the entity has one.' }),
  code: z
    .string()
    .length(3)
    .optional()
    .meta({ description: 'A project code instead; proposed from the name when absent.' }),
  id: z.string().min(1).max(100).optional().meta({ description: 'The slug; from the name when absent.' }),
  first: editionYear.optional(),
  variants: z.array(z.string().min(1).max(200)).max(50).optional(),
});

export const registryEntityParams = z.strictObject({
  entity: z.string().min(1).max(200).meta({ description: 'Slug, code or any name of the entity.' }),
});

export const renameEntityBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  fromEdition: editionYear
    .optional()
    .meta({ description: 'First edition with the new name; absent: the new name applies to every edition.' }),
});

export const reclassifyEntityBody = z.strictObject({
  kind: entityKindSchema.optional(),
  region: regionSchema.optional(),
  fromEdition: editionYear.meta({
    description: 'First edition with the new kind or region; earlier ones keep the old.',
  }),
});

export const entityAliasBody = z.strictObject({ name: z.string().trim().min(1).max(200) });

export const successionBody = z.strictObject({
  kind: z.enum(['split', 'merger']),
  from: z.array(z.string().min(1).max(200)).min(1).max(30),
  to: z.array(z.string().min(1).max(200)).min(1).max(30),
  edition: editionYear,
  continuing: z.string().min(1).max(200).optional().meta({ description: 'The successor whose history reaches back.' }),
});
export const successionsSchema = z.strictObject({ successions: z.array(successionSchema) });

/** A succession in an entity's public history, naming both ends (only entities with published data). */
export const publicSuccessionSchema = z.strictObject({
  edition: z.number().int(),
  kind: successionKindSchema,
  from: entityRefSchema,
  to: entityRefSchema,
  continues: z.boolean(),
});
