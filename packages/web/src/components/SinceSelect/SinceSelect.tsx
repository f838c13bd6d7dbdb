import { editionName } from '../../app/editions.js';

export interface SinceSelectProps {
  id: string;
  editions: readonly { edition: number; label: string }[];
  value: number | null;
  /** What “no comparison” means on this page. */
  noneLabel: string;
  onChange: (edition: number | null) => void;
}

/** Picks the edition to measure change since (`since=`), or none; a plain form field without JavaScript. */
export function SinceSelect({ id, editions, value, noneLabel, onChange }: SinceSelectProps) {
  return (
    <div class="field">
      <label for={id}>Change since</label>
      <select
        id={id}
        name="since"
        value={value === null ? '' : String(value)}
        onChange={(e) => {
          const v = (e.target as HTMLSelectElement).value;
          onChange(v ? Number(v) : null);
        }}
      >
        <option value="">{noneLabel}</option>
        {editions.map((e) => (
          <option key={e.edition} value={e.edition}>
            {editionName(e)}
          </option>
        ))}
      </select>
    </div>
  );
}
