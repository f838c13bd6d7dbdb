/**
 * A refused registry change, as a form shows it: each problem at the field it
 * is about, the rest (and a refusal with no problems listed) at the top. The
 * API names the field of a registry conflict (409 `registry-conflict`,
 * `details.problems[].field`) and the body path of a malformed request (400
 * `invalid-request`, `details.problems[].path`); a form says which of its
 * fields each of those means.
 */

/** One problem the API reported: the field (conflict) or body path (malformed request) it names, and the message. */
export interface ApiProblem {
  /** `code`, `name`, `id`, … for a conflict; the body path (`iso3`, `variants.0`) for a malformed request. */
  field: string;
  /** The entity or name the problem is about, when the API says (`arcadia`, `a → b`). */
  subject: string | null;
  message: string;
}

export interface ShownProblems {
  /** Message per form field. */
  fields: Record<string, string>;
  /** What belongs to no one field: shown at the top of the form. */
  top: string[];
}

/** The problems listed in an error answer's details (empty when it lists none). */
export function apiProblems(details: unknown): ApiProblem[] {
  const listed = (details as { problems?: unknown } | null)?.problems;
  if (!Array.isArray(listed)) return [];
  return listed.flatMap((p: unknown) => {
    if (typeof p !== 'object' || p === null) return [];
    const { field, path, subject, message } = p as Record<string, unknown>;
    if (typeof message !== 'string') return [];
    const where = typeof field === 'string' ? field : typeof path === 'string' ? path : '';
    return [{ field: where, subject: typeof subject === 'string' ? subject : null, message }];
  });
}

/**
 * Places each problem at the field `fieldOf` names for it (null: the top).
 * Several problems at one field are joined; a refusal whose details list
 * nothing shows its message at the top, so no refusal goes unsaid.
 */
export function showProblems(
  answer: { message: string; details: unknown },
  fieldOf: (problem: ApiProblem) => string | null,
): ShownProblems {
  const fields: Record<string, string> = {};
  const top: string[] = [];
  const problems = apiProblems(answer.details);
  for (const p of problems) {
    const field = fieldOf(p);
    if (field === null) top.push(p.message);
    else fields[field] = fields[field] ? `${fields[field]} ${p.message}` : p.message;
  }
  if (problems.length === 0) top.push(answer.message);
  return { fields, top };
}
