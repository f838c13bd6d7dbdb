import { useState } from 'preact/hooks';
import type { Choice, ConflictRow } from './conflict.js';
import { defaultChoices } from './conflict.js';
import type { FieldValue } from './fields.js';
import { WordDiff } from '../review/WordDiff.js';

const shown = (v: FieldValue) => (v === null || v === '' ? '(empty)' : String(v));

/**
 * Someone else saved while I was editing: their version and mine side by
 * side, field by field, and a choice for each. Fields we both changed have no
 * default, so nothing is decided silently.
 */
export function ConflictView(props: {
  rows: ConflictRow[];
  by: string | null;
  onResolve(choices: Record<string, Choice | undefined>): void;
}) {
  const [choices, setChoices] = useState(() => defaultChoices(props.rows));
  const undecided = props.rows.filter((r) => !choices[r.field]);
  return (
    <section class="conflict" role="alert" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">Someone else saved this assessment{props.by ? ` (${props.by})` : ''}</h2>
      <p>
        Your save was refused so that neither version is lost. Choose, field by field, which version to keep; your edits
        stay in this browser until you do.
      </p>
      <div class="table-scroll" role="region" aria-label="Their version and mine" tabIndex={0}>
        <table class="studio-table conflict-table">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Their version (saved)</th>
              <th scope="col">My version</th>
              <th scope="col">Keep</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr key={r.field} data-field={r.field}>
                <th scope="row">
                  {r.label}
                  {r.changedByThem && <span class="subtle"> — changed by both</span>}
                </th>
                <td class="conflict-theirs">
                  {typeof r.theirs === 'string' && typeof r.mine === 'string' ? (
                    <WordDiff before={r.mine} after={r.theirs} />
                  ) : (
                    shown(r.theirs)
                  )}
                </td>
                <td class="conflict-mine">{shown(r.mine)}</td>
                <td>
                  <fieldset class="choice">
                    <legend class="visually-hidden">Keep which version of {r.label}</legend>
                    {(['theirs', 'mine'] as const).map((c) => (
                      <label key={c}>
                        <input
                          type="radio"
                          name={`choice-${r.field}`}
                          checked={choices[r.field] === c}
                          onChange={() => setChoices({ ...choices, [r.field]: c })}
                        />
                        {c === 'mine' ? `Mine (${r.label})` : `Theirs (${r.label})`}
                      </label>
                    ))}
                  </fieldset>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {undecided.length > 0 && (
        <p class="field-error">Choose a version of {undecided.map((r) => r.label).join(', ')}.</p>
      )}
      <button type="button" disabled={undecided.length > 0} onClick={() => props.onResolve(choices)}>
        Keep these versions
      </button>
    </section>
  );
}
