import { useState } from 'preact/hooks';
import type { VersionDiff } from '../../api/studio-client.js';
import { fieldLabel } from '../assessment/fields.js';
import { LoadedView } from '../loaded-view.js';
import { useStudio } from '../studio-context.js';
import { useAnswer } from '../use-answer.js';
import { WordDiff } from './WordDiff.js';

const LOGGED: Record<string, string> = { add_q: 'addQ', add_a: 'addA', trend_arrow: 'trendArrow' };

/** The revision log names fields as stored ("narrative:indicator:B2", "add_q", "state"); say them as the form does. */
const labelOfLogged = (field: string) =>
  field === 'state' ? 'Workflow state' : fieldLabel(LOGGED[field] ?? field.replace(/^narrative:/, 'text:'));

/** The revision log (who, when, what, why) and the diff of any two versions, word by word for texts. */
export function History({ id, version }: { id: number; version: number }) {
  const { api } = useStudio();
  const [log] = useAnswer(() => api.revisions(id), [api, id, version]);
  const [from, setFrom] = useState(String(Math.max(1, version - 1)));
  const [to, setTo] = useState(String(version));
  const [diff, setDiff] = useState<VersionDiff | string | null>(null);
  const compare = async (event: Event) => {
    event.preventDefault();
    const answer = await api.diff(id, Number(from), Number(to));
    setDiff(answer.ok ? answer.body : answer.message);
  };
  return (
    <section class="history" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <form class="inline-form" onSubmit={compare}>
        <label>
          From version
          <input inputMode="numeric" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
        </label>
        <label>
          To version
          <input inputMode="numeric" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
        </label>
        <button type="submit">Compare versions</button>
      </form>
      {typeof diff === 'string' && (
        <p class="field-error" role="alert">
          {diff}
        </p>
      )}
      {diff && typeof diff !== 'string' && (
        <div class="table-scroll" role="region" aria-label="Differences between the versions" tabIndex={0}>
          <table class="studio-table">
            <caption>
              Version {diff.from} → {diff.to}: {diff.changes.length} field{diff.changes.length === 1 ? '' : 's'} changed
            </caption>
            <tbody>
              {diff.changes.map((c) => (
                <tr key={c.field}>
                  <th scope="row">{labelOfLogged(c.field)}</th>
                  <td>
                    <WordDiff before={c.from ?? ''} after={c.to ?? ''} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <details>
        <summary>Revision log</summary>
        <LoadedView state={log}>
          {(l) => (
            <ol class="revision-log">
              {l.revisions
                .slice()
                .reverse()
                .map((r) => (
                  <li key={r.id}>
                    v{r.version} · {r.at.slice(0, 16).replace('T', ' ')} · {r.user?.name ?? 'import'} ·{' '}
                    {labelOfLogged(r.field)}: {(r.oldValue ?? '—').slice(0, 60)} → {(r.newValue ?? '—').slice(0, 60)} ·{' '}
                    <em>{r.reason}</em>
                  </li>
                ))}
            </ol>
          )}
        </LoadedView>
      </details>
    </section>
  );
}
