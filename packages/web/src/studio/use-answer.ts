import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Answer } from '../api/studio-client.js';

export type Loaded<T> =
  { kind: 'loading' } | { kind: 'error'; status: number; code: string; message: string } | { kind: 'ok'; value: T };

/** Loads one API answer for a screen and reloads it on demand; a refusal becomes a message, never a blank screen. */
export function useAnswer<T>(load: () => Promise<Answer<T>>, deps: readonly unknown[]) {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  const reload = useCallback(async () => {
    const answer = await load();
    setState(
      answer.ok
        ? { kind: 'ok', value: answer.body }
        : { kind: 'error', status: answer.status, code: answer.code, message: answer.message },
    );
  }, deps);
  useEffect(() => {
    setState({ kind: 'loading' });
    void reload();
  }, [reload]);
  return [state, reload, setState] as const;
}
