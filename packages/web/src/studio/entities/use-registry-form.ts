import { useState } from 'preact/hooks';
import type { Answer } from '../../api/studio-client.js';
import { showProblems, type ApiProblem, type ShownProblems } from './answer-problems.js';
import type { FormRequest } from './entity-requests.js';

const NO_PROBLEMS: ShownProblems = { fields: {}, top: [] };

/**
 * One registry form's state and its submit: the values as typed, the
 * problems at their fields (the form's own checks first, then the API's
 * refusal), the message of the last change made, and whether one is under way.
 */
export function useRegistryForm<V extends object>(initial: V) {
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<ShownProblems>(NO_PROBLEMS);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof V>(key: K, value: V[K]) => setValues((v) => ({ ...v, [key]: value }));

  /**
   * Builds the request, sends it and shows the outcome. On a refusal the
   * values stay as typed and focus goes to the first field at fault, so the
   * message there is read; on success `onDone` says what changed and the
   * form is emptied.
   */
  async function submit<R, T>(
    event: Event,
    step: {
      request: () => FormRequest<R>;
      send: (request: R) => Promise<Answer<T>>;
      fieldOf: (problem: ApiProblem) => string | null;
      onDone: (body: T, request: R) => string;
    },
  ): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    setDone(null);
    const built = step.request();
    if (!built.ok) {
      setProblems({ fields: built.errors, top: [] });
      focusFirstProblem(form);
      return;
    }
    setBusy(true);
    const answer = await step.send(built.request);
    setBusy(false);
    if (!answer.ok) {
      setProblems(showProblems(answer, step.fieldOf));
      focusFirstProblem(form);
      return;
    }
    setProblems(NO_PROBLEMS);
    setValues(initial);
    setDone(step.onDone(answer.body, built.request));
  }

  return { values, set, problems, done, busy, submit };
}

/** After the render that shows the messages: the first field marked invalid takes focus. */
function focusFirstProblem(form: HTMLFormElement): void {
  setTimeout(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
}
