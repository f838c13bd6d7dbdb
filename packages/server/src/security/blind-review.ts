import type { Role } from '@freedom-ratings/core';
import { rolesOf, type DatabaseHandle } from '@freedom-ratings/db';
import type { SessionUser } from '../http/route.js';

/**
 * Blind review, Indaba-style: in an edition with blind review on, a reviewer
 * is not told who the analysts are, and an analyst is not told which reviewer
 * commented, agreed, returned or approved. Editors and admins see every name;
 * everyone sees their own. Applied to every answer that names a person, so
 * the names are not in the response at all, whatever the screen shows.
 */
const HIDDEN_FROM: Partial<Record<Role, 'analyst' | 'reviewer'>> = { reviewer: 'analyst', analyst: 'reviewer' };

const ANONYMOUS = { analyst: 'Anonymous analyst', reviewer: 'Anonymous reviewer' } as const;

export interface ShownPerson {
  id: number | null;
  name: string;
}

/** How a person is shown to `viewer`: their id and name, or an anonymous stand-in. */
export type PersonMask = (person: { id: number; name: string }) => ShownPerson;

const SHOW_ALL: PersonMask = (p) => ({ id: p.id, name: p.name });

/**
 * The mask for `viewer` over these people (their ids, whose roles decide),
 * in an edition with or without blind review.
 */
export async function personMask(
  db: DatabaseHandle,
  viewer: SessionUser,
  blindReview: boolean,
  people: Iterable<number>,
): Promise<PersonMask> {
  const hidden = blindReview ? HIDDEN_FROM[viewer.role] : undefined;
  if (!hidden) return SHOW_ALL;
  const roles = await rolesOf(db, people);
  return (p) =>
    p.id !== viewer.id && roles.get(p.id) === hidden ? { id: null, name: ANONYMOUS[hidden] } : SHOW_ALL(p);
}
