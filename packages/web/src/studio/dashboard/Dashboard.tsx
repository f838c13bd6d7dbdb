import { roleAllows } from '@freedom-ratings/core';
import { useState } from 'preact/hooks';
import type { AssignmentList } from '../../api/studio-client.js';
import { Deadline } from '../deadline.js';
import { LoadedView } from '../loaded-view.js';
import { STATE_LABELS } from '../state-label.js';
import { useStudio } from '../studio-context.js';
import { studioHref } from '../studio-url.js';
import { useAnswer } from '../use-answer.js';

type Assignment = AssignmentList['assessments'][number];

function AssignmentTable({ rows, caption }: { rows: Assignment[]; caption: string }) {
  if (rows.length === 0) return <p>{caption}: none.</p>;
  return (
    <div class="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table class="studio-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Country or territory</th>
            <th scope="col">Edition</th>
            <th scope="col">State</th>
            <th scope="col">Progress</th>
            <th scope="col">Deadline</th>
            <th scope="col">Last change</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <a href={studioHref({ screen: 'assessment', id: a.id })}>{a.entity.name}</a>
              </th>
              <td>{a.edition}</td>
              <td>{STATE_LABELS[a.state]}</td>
              <td>
                {a.progress
                  ? `${a.progress.scored}/${a.progress.of} scored, ${a.progress.texts}/${a.progress.of} texts`
                  : '—'}
              </td>
              <td>
                <Deadline deadline={a.deadline} overdue={a.overdue} />
              </td>
              <td>{a.updatedAt.slice(0, 10)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Editions() {
  const { api, user, navigate } = useStudio();
  const [editions, reload] = useAnswer(() => api.editions(), [api]);
  const [year, setYear] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const canOpen = roleAllows(user.role, ['editor']);
  const open = async (event: Event) => {
    event.preventDefault();
    const answer = await api.openEdition(Number(year), 'new edition');
    if (answer.ok) {
      setMessage(
        `Opened ${answer.body.edition.label}: ${answer.body.assessments} drafts copied from ${answer.body.copiedFrom ?? 'nothing'}.`,
      );
      await reload();
      navigate(studioHref({ screen: 'edition', edition: answer.body.edition.edition }));
    } else setMessage(answer.message);
  };
  return (
    <section aria-labelledby="editions-heading">
      <h2 id="editions-heading">Editions</h2>
      <LoadedView state={editions}>
        {(list) => (
          <ul class="edition-list">
            {list.editions
              .filter((e) => e.state === 'open')
              .map((e) => (
                <li key={e.edition}>
                  <a href={studioHref({ screen: 'edition', edition: e.edition })}>{e.label}</a> (open){' '}
                  <span class="subtle">
                    {Object.entries(e.assessments)
                      .map(([state, n]) => `${n} ${state}`)
                      .join(', ')}
                  </span>
                </li>
              ))}
            {list.editions.every((e) => e.state !== 'open') && <li>No edition is open.</li>}
          </ul>
        )}
      </LoadedView>
      {canOpen && (
        <form class="inline-form" onSubmit={open}>
          <label>
            Open a new edition (year)
            <input
              inputMode="numeric"
              pattern="\d{4}"
              required
              value={year}
              onInput={(e) => setYear(e.currentTarget.value)}
            />
          </label>
          <button type="submit">Open edition</button>
          {message && <p role="status">{message}</p>}
        </form>
      )}
    </section>
  );
}

/** My assignments (what I write), my review queue (what waits for me), and for editors the open editions. */
export function Dashboard() {
  const { api, user } = useStudio();
  const [assignments] = useAnswer(() => api.assignments(), [api]);
  const reviews = user.role === 'reviewer' || user.role === 'editor' || user.role === 'admin';
  return (
    <>
      <h1>Dashboard</h1>
      <LoadedView state={assignments}>
        {(list) => {
          const mine = list.assessments;
          const toReview = reviews ? mine.filter((a) => a.state === 'submitted') : [];
          const toWrite = mine.filter((a) => a.state === 'draft' || a.state === 'returned');
          const rest = mine.filter((a) => !toWrite.includes(a) && !toReview.includes(a));
          return (
            <>
              {reviews && <AssignmentTable rows={toReview} caption="Waiting for my review" />}
              <AssignmentTable rows={toWrite} caption="My assignments to write" />
              {rest.length > 0 && <AssignmentTable rows={rest} caption="Other assignments" />}
            </>
          );
        }}
      </LoadedView>
      {(reviews || user.role === 'analyst') && <Editions />}
    </>
  );
}
