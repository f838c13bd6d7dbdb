import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useStudio } from '../studio-context.js';
import { Autosave } from './autosave.js';
import type { StudioAssessment } from './fields.js';
import { webStorageEditStore } from './kept-edits.js';

/**
 * The autosave of one scoring form, FIW's or another index's: edits kept in
 * the browser and sent by PATCH with If-Match under the reason the user gives,
 * sent again when the connection or the session comes back. The form
 * re-renders on every change of its state.
 */
export function useAssessmentAutosave(initial: StudioAssessment) {
  const { api, signInAgain } = useStudio();
  const [, setTick] = useState(0);
  const [reason, setReason] = useState('Draft edits');
  const reasonRef = useRef(reason);
  reasonRef.current = reason;
  const autosave = useMemo(
    () =>
      new Autosave({
        assessment: initial,
        store: webStorageEditStore(localStorage),
        send: async (patch, version) => {
          const answer = await api.saveAssessment(initial.id, version, patch);
          return answer.ok ? { ok: true, assessment: answer.body } : answer;
        },
        fetchLatest: async () => {
          const answer = await api.assessment(initial.id);
          if (!answer.ok) throw new Error(answer.message);
          return answer.body;
        },
        reason: () => reasonRef.current.trim() || 'Draft edits',
        onChange: () => setTick((t) => t + 1),
      }),
    [api, initial],
  );
  useEffect(() => {
    const online = () => void autosave.flush();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      autosave.dispose();
    };
  }, [autosave]);
  const kind = autosave.state.kind;
  useEffect(() => {
    if (kind !== 'signed-out') return;
    void signInAgain().then((ok) => {
      if (ok) void autosave.flush();
    });
  }, [kind, autosave, signInAgain]);
  return { autosave, reason, setReason };
}
