import { z } from 'zod';
import { ROLES } from '@freedom-ratings/core';

/** Request and response schemas of sign-in and user management. */

export const roleSchema = z.enum(ROLES);

export const userSchema = z.strictObject({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  mustChangePassword: z.boolean(),
});

export const loginBody = z.strictObject({
  email: z.string().min(3).max(254),
  password: z.string().min(1).max(1024),
});

export const sessionSchema = z.strictObject({
  user: userSchema,
  csrfToken: z
    .string()
    .meta({ description: 'Send it back in the `x-csrf-token` header of every state-changing request.' }),
});

export const okSchema = z.strictObject({ ok: z.literal(true) });

export const newUserBody = z.strictObject({
  email: z.email().max(254),
  name: z.string().min(1).max(200),
  role: roleSchema,
});

export const createdUserSchema = z.strictObject({
  user: userSchema,
  password: z.string().meta({ description: 'Shown once; the user must change it at first sign-in.' }),
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(12).max(1024),
});
