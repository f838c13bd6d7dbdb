/**
 * One thing wrong with an assessment, located by a human-readable path such as
 * "Kazakhstan 2014 › B3". `error` means the figure is not a valid score or the
 * assessment cannot be scored; `warning` means it was scored but breaks a rule
 * of the methodology (e.g. a published aggregate above its maximum).
 */
export interface Problem {
  path: string;
  field: string;
  code: ProblemCode;
  message: string;
  severity: 'error' | 'warning';
}

export type ProblemCode =
  | 'unknown-edition'
  | 'unsupported-methodology'
  | 'no-scores'
  | 'not-scored-edition'
  | 'missing'
  | 'not-integer'
  | 'out-of-range'
  | 'unknown-field'
  | 'add-a-eliminated'
  | 'exceeds-maximum'
  | 'status-inconsistent'
  | 'trend-arrow';

export const PATH_SEPARATOR = ' › ';

export function problemPath(entity: string, edition: string | number, field?: string): string {
  const head = `${entity} ${edition}`.trim();
  return field ? `${head}${PATH_SEPARATOR}${field}` : head;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
