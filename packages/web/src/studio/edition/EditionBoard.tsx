import { ASSESSMENT_STATES, roleAllows, type Role } from '@freedom-ratings/core';
import { useState } from 'preact/hooks';
import type { BoardRow, EditionBoard as Board, Person } from '../../api/studio-client.js';
import { Deadline } from '../deadline.js';
import { LoadedView } from '../loaded-view.js';
import { STATE_LABELS } from '../state-label.js';
import { useStudio } from '../studio-context.js';
import { studioHref } from '../studio-url.js';
import { useAnswer } from '../use-answer.js';
import { boardSummary, publishChecklist, type BoardGroup } from './board-summary.js';

function GroupTable({ caption, groups }: { caption: string; groups: BoardGroup[] }) {
  return (
    <div class="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table class="studio-table board-counts">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{caption.replace(/^By /, '')}</th>
            {ASSESSMENT_STATES.map((s) => (
              <th scope="col" key={s}>
                {STATE_LABELS[s]}
              </th>
            ))}
            <th scope="col">All</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.key}>
              <th scope="row">{g.key}</th>
              {ASSESSMENT_STATES.map((s) => (
                <td key={s}>{g.byState[s] ?? ''}</td>
              ))}
              <td>{g.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A choice of one person who may act in `role` (editors and admins may act in every role, as core's roleAllows says). */
function PersonSelect(props: {
  label: string;
  role: Role;
  users: Person[];
  value: string;
  onChange(value: string): void;
}) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">Nobody</option>
        {props.users
          .filter((u) => roleAllows(u.role, [props.role, 'editor']))
          .map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} ({u.role})
            </option>
          ))}
      </select>
    </label>
  );
}

/** Whom to assign, by when: each deadline goes with its person (an empty date: none). */
function orders(people: { id: string; deadline: string }[]) {
  const seen = new Set<string>();
  return people
    .filter((p) => p.id !== '' && !seen.has(p.id) && seen.add(p.id))
    .map((p) => ({ userId: Number(p.id), deadline: p.deadline || null }));
}

/**
 * Assigning: a region (or every region) through the bulk route, or one
 * assessment through its own; an analyst and a reviewer, each with a deadline.
 */
function AssignForm({ board, users, onDone }: { board: Board; users: Person[]; onDone(): void }) {
  const { api } = useStudio();
  const [scope, setScope] = useState('');
  const [analyst, setAnalyst] = useState('');
  const [reviewer, setReviewer] = useState('');
  const [analystDeadline, setAnalystDeadline] = useState('');
  const [reviewerDeadline, setReviewerDeadline] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const one = scope.startsWith('id:') ? board.assessments.find((r) => `id:${r.id}` === scope) : undefined;
    if (one) {
      const answer = await api.setAssignees(
        one.id,
        orders([
          { id: analyst, deadline: analystDeadline },
          { id: reviewer, deadline: reviewerDeadline },
        ]),
      );
      setMessage(
        answer.ok ? { text: `Assigned ${one.entity.name}.`, error: false } : { text: answer.message, error: true },
      );
      if (answer.ok) onDone();
      return;
    }
    const answer = await api.bulkAssign(board.edition.edition, {
      region: scope.startsWith('region:') ? scope.slice('region:'.length) : null,
      analystId: analyst ? Number(analyst) : null,
      reviewerId: reviewer ? Number(reviewer) : null,
      analystDeadline: analystDeadline || null,
      reviewerDeadline: reviewerDeadline || null,
    });
    setMessage(
      answer.ok
        ? { text: `Assigned ${answer.body.assigned} assessments.`, error: false }
        : { text: answer.message, error: true },
    );
    if (answer.ok) onDone();
  };
  return (
    <form class="studio-form bulk-assign" onSubmit={submit} aria-labelledby="bulk-assign-heading">
      <h2 id="bulk-assign-heading">Assign</h2>
      <label>
        Region or assessment
        <select value={scope} onChange={(e) => setScope(e.currentTarget.value)}>
          <option value="">Every region</option>
          <optgroup label="A region">
            {board.regions.map((r) => (
              <option key={r} value={`region:${r}`}>
                {r}
              </option>
            ))}
          </optgroup>
          <optgroup label="One country or territory">
            {board.assessments.map((r) => (
              <option key={r.id} value={`id:${r.id}`}>
                {r.entity.name}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <div class="assign-pair">
        <PersonSelect label="Analyst" role="analyst" users={users} value={analyst} onChange={setAnalyst} />
        <label>
          Analyst’s deadline
          <input type="date" value={analystDeadline} onInput={(e) => setAnalystDeadline(e.currentTarget.value)} />
        </label>
      </div>
      <div class="assign-pair">
        <PersonSelect label="Reviewer" role="reviewer" users={users} value={reviewer} onChange={setReviewer} />
        <label>
          Reviewer’s deadline
          <input type="date" value={reviewerDeadline} onInput={(e) => setReviewerDeadline(e.currentTarget.value)} />
        </label>
      </div>
      <button type="submit">Assign</button>
      {message && (
        <p role="status" class={message.error ? 'field-error' : undefined}>
          {message.text}
        </p>
      )}
    </form>
  );
}

function Publish({ board, onDone }: { board: Board; onDone(): void }) {
  const { api } = useStudio();
  const waiting = publishChecklist(board.assessments);
  const [withhold, setWithhold] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const undecided = waiting.filter((r) => !withhold.has(r.entity.id));
  const publish = async (event: Event) => {
    event.preventDefault();
    const answer = await api.publish(
      board.edition.edition,
      [...withhold],
      reason.trim() || `Publish ${board.edition.label}`,
    );
    if (answer.ok) {
      setMessage(
        `Published ${answer.body.published} assessments (${answer.body.withheld} withheld). Release checksum ${answer.body.checksum}.`,
      );
      onDone();
    } else setMessage(answer.message);
  };
  if (board.edition.state === 'published') {
    return (
      <section aria-labelledby="publish-heading" class="published">
        <h2 id="publish-heading">Published</h2>
        {message && <p role="status">{message}</p>}
        <p>
          Published {board.edition.publishedAt?.slice(0, 10)}; release checksum{' '}
          <code>{board.edition.releaseChecksum}</code>.
        </p>
      </section>
    );
  }
  return (
    <form class="studio-form publish" onSubmit={publish} aria-labelledby="publish-heading">
      <h2 id="publish-heading">Publish</h2>
      {waiting.length === 0 ? (
        <p>Every assessment is approved or withheld.</p>
      ) : (
        <fieldset>
          <legend>Not approved yet — withhold each from the release, or wait for it</legend>
          <div class="button-row">
            <button type="button" onClick={() => setWithhold(new Set(waiting.map((r) => r.entity.id)))}>
              Withhold all {waiting.length} not approved
            </button>
            <button type="button" onClick={() => setWithhold(new Set())}>
              Withhold none
            </button>
          </div>
          <ul class="checklist">
            {waiting.map((r) => (
              <li key={r.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={withhold.has(r.entity.id)}
                    onChange={(e) => {
                      const next = new Set(withhold);
                      if (e.currentTarget.checked) next.add(r.entity.id);
                      else next.delete(r.entity.id);
                      setWithhold(next);
                    }}
                  />
                  Withhold {r.entity.name} ({STATE_LABELS[r.state]})
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <label>
        Reason (recorded with the release)
        <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </label>
      <button type="submit" disabled={undecided.length > 0}>
        Publish {board.edition.label}
      </button>
      {undecided.length > 0 && <p class="subtle">{undecided.length} still to approve or withhold.</p>}
      {message && <p role="status">{message}</p>}
    </form>
  );
}

function AssessmentTable({
  rows,
  selected,
  onSelect,
  canApprove,
}: {
  rows: BoardRow[];
  selected: Set<number>;
  onSelect(id: number, on: boolean): void;
  canApprove: boolean;
}) {
  return (
    <div class="table-scroll" role="region" aria-label="Assessments" tabIndex={0}>
      <table class="studio-table board-table">
        <caption>Assessments</caption>
        <thead>
          <tr>
            {canApprove && <th scope="col">Select</th>}
            <th scope="col">Country or territory</th>
            <th scope="col">Region</th>
            <th scope="col">State</th>
            <th scope="col">Scored</th>
            <th scope="col">Texts</th>
            <th scope="col">Assigned</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              {canApprove && (
                <td>
                  {r.state === 'submitted' && (
                    <input
                      type="checkbox"
                      aria-label={`Select ${r.entity.name} for approval`}
                      checked={selected.has(r.id)}
                      onChange={(e) => onSelect(r.id, e.currentTarget.checked)}
                    />
                  )}
                </td>
              )}
              <th scope="row">
                <a href={studioHref({ screen: 'assessment', id: r.id })}>{r.entity.name}</a>
              </th>
              <td>{r.region ?? '—'}</td>
              <td>{STATE_LABELS[r.state]}</td>
              <td>
                {r.progress.scored}/{r.progress.of}
              </td>
              <td>
                {r.progress.texts}/{r.progress.of}
              </td>
              <td class="assigned">
                {r.assignees.length === 0
                  ? '—'
                  : r.assignees.map((p, i) => (
                      <span key={`${p.id ?? p.name}-${i}`} class="assignee">
                        {i > 0 && '; '}
                        {p.name} ({p.role})
                        {p.deadline !== null && (
                          <>
                            , due <Deadline deadline={p.deadline} overdue={p.overdue} />
                          </>
                        )}
                      </span>
                    ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Blind review: said on the board to everyone; switched here by editors while the edition is open. */
function BlindReview({ board, canSwitch, onDone }: { board: Board; canSwitch: boolean; onDone(): void }) {
  const { api } = useStudio();
  const [message, setMessage] = useState<string | null>(null);
  const on = board.edition.blindReview;
  const explanation = 'analysts and reviewers do not see each other’s names; editors see all.';
  if (!canSwitch) return on ? <p class="blind-review">Blind review is on: {explanation}</p> : null;
  return (
    <div class="blind-review">
      <label class="checkbox-label">
        <input
          type="checkbox"
          checked={on}
          onChange={async (e) => {
            const box = e.currentTarget;
            const answer = await api.setBlindReview(board.edition.edition, box.checked);
            // Refused: the box goes back to what the edition has (the board's state did not change).
            if (!answer.ok) box.checked = on;
            setMessage(answer.ok ? null : answer.message);
            onDone();
          }}
        />
        Blind review: {explanation}
      </label>
      {message && <p class="field-error">{message}</p>}
    </div>
  );
}

/** An edition's board: progress by state, region and person; bulk assignment and approval; the publish checklist. */
export function EditionBoard({ edition }: { edition: number }) {
  const { api, user } = useStudio();
  const [board, reload] = useAnswer(() => api.board(edition), [api, edition]);
  const canEdit = roleAllows(user.role, ['editor']);
  const [users] = useAnswer(
    () =>
      canEdit ? api.people() : Promise.resolve({ ok: true as const, status: 200, body: { people: [] }, etag: null }),
    [api, canEdit],
  );
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [filter, setFilter] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const approve = async () => {
    const answer = await api.bulkApprove(edition, [...selected], 'Approved in bulk after review');
    if (answer.ok) {
      setMessage(
        `Approved ${answer.body.approved.length}; skipped ${answer.body.skipped.length}${answer.body.skipped.map((s) => ` (#${s.id}: ${s.reason})`).join('')}.`,
      );
      setSelected(new Set());
      await reload();
    } else setMessage(answer.message);
  };
  return (
    <LoadedView state={board}>
      {(b) => {
        const summary = boardSummary(b.assessments);
        const overdue = b.assessments.filter((r) => r.assignees.some((p) => p.overdue));
        const rows =
          filter === 'overdue'
            ? overdue
            : filter
              ? b.assessments.filter((r) => r.region === filter || r.state === filter)
              : b.assessments;
        return (
          <>
            <h1>
              {b.edition.label} <span class="subtle">({b.edition.state})</span>
            </h1>
            <p>
              <a href={studioHref({ screen: 'calibrate', edition, indicator: 'A1', region: null, sort: 'name' })}>
                Calibrate this edition
              </a>
            </p>
            <BlindReview board={b} canSwitch={canEdit && b.edition.state === 'open'} onDone={() => void reload()} />
            <GroupTable caption="By state" groups={summary.byState} />
            <GroupTable caption="By region" groups={summary.byRegion} />
            <GroupTable caption="By person" groups={summary.byPerson} />
            {canEdit && b.edition.state === 'open' && users.kind === 'ok' && (
              <AssignForm board={b} users={users.value.people} onDone={() => void reload()} />
            )}
            {canEdit && users.kind === 'error' && <p class="field-error">{users.message}</p>}
            <section aria-labelledby="assessments-heading">
              <h2 id="assessments-heading">Assessments</h2>
              <label class="inline-label">
                Show
                <select value={filter} onChange={(e) => setFilter(e.currentTarget.value)}>
                  <option value="">All</option>
                  <option value="overdue">Overdue ({overdue.length})</option>
                  {ASSESSMENT_STATES.map((s) => (
                    <option key={s} value={s}>
                      {STATE_LABELS[s]}
                    </option>
                  ))}
                  {b.regions.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </label>
              {canEdit && b.edition.state === 'open' && (
                <div class="button-row">
                  <button type="button" disabled={selected.size === 0} onClick={() => void approve()}>
                    Approve selected ({selected.size})
                  </button>
                  <button
                    type="button"
                    onClick={() =>
                      setSelected(new Set(b.assessments.filter((r) => r.state === 'submitted').map((r) => r.id)))
                    }
                  >
                    Select every submitted
                  </button>
                </div>
              )}
              {message && <p role="status">{message}</p>}
              <AssessmentTable
                rows={rows}
                selected={selected}
                canApprove={canEdit && b.edition.state === 'open'}
                onSelect={(id, on) => {
                  const next = new Set(selected);
                  if (on) next.add(id);
                  else next.delete(id);
                  setSelected(next);
                }}
              />
            </section>
            {canEdit && <Publish board={b} onDone={() => void reload()} />}
          </>
        );
      }}
    </LoadedView>
  );
}
