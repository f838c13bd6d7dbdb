import { methodologyFor } from './builtin.js';
import { EDITIONS } from './editions.js';
import { discretionaryQuestion } from './shape.js';

/**
 * Whether an edition's rules have dropped the Add A (monarchy) question:
 * a scored edition whose methodology has no Add A, which the built-in data
 * says of FIW 2018 on. Read from the methodology, so the year is written
 * down once.
 */
export function addAEliminated(edition: number): boolean {
  const m = methodologyFor(edition);
  return m !== undefined && m.scored && discretionaryQuestion(m, 'addA') === null;
}

let firstWithout: number | undefined;

/** The first edition without Add A (FIW 2018), for messages that say since when. */
export function addAEliminatedIn(): number {
  firstWithout ??= EDITIONS.find((e) => addAEliminated(e.edition))!.edition;
  return firstWithout;
}
