import { isRole, ROLES } from '@freedom-ratings/core';
import { createUser } from '@freedom-ratings/server';
import { UserError } from '../errors.js';
import { databaseTarget, openMigrated } from './db.js';

export interface UserAddOptions {
  email: string;
  role: string;
  name?: string;
  db?: string;
}

/** `fiw user add`: creates a studio user and prints a one-time password. */
export async function userAddCommand(options: UserAddOptions): Promise<number> {
  if (!isRole(options.role)) {
    throw new UserError(`--role must be one of ${ROLES.join(', ')}, not "${options.role}"`);
  }
  if (!/^[^@\s]+@[^@\s]+$/.test(options.email))
    throw new UserError(`--email: "${options.email}" is not an email address`);
  const { conn } = await openMigrated(databaseTarget(options.db));
  try {
    const name = options.name ?? options.email.split('@')[0]!;
    const created = await createUser(conn.db, { email: options.email, name, role: options.role }).catch((e: Error) => {
      throw new UserError(e.message);
    });
    process.stdout.write(`Created ${created.user.email} (${created.user.role}). One-time password, shown only now:\n`);
    process.stdout.write(`${created.password}\n`);
    return 0;
  } finally {
    await conn.close();
  }
}
