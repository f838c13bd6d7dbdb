import { METRICS, type MetricKey } from '@freedom-ratings/core';

const GROUPS: { label: string; test: (key: string) => boolean }[] = [
  { label: 'Status and totals', test: (k) => ['status', 'total', 'pr', 'cl'].includes(k) },
  { label: 'Ratings (1 = most free)', test: (k) => ['prRating', 'clRating', 'freedomRating'].includes(k) },
  { label: 'Subcategories (FIW 2006 on)', test: (k) => k.length === 1 },
  { label: 'Indicators (FIW 2013 on)', test: (k) => k.length === 2 },
];

/** Chooses what the map (or a chart) shows: any metric core defines, grouped as the checklist is. */
export function MetricSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: MetricKey;
  onChange: (key: MetricKey) => void;
}) {
  return (
    <select
      id={id}
      name="metric"
      value={value}
      onChange={(e) => onChange((e.target as HTMLSelectElement).value as MetricKey)}
    >
      {GROUPS.map((g) => (
        <optgroup key={g.label} label={g.label}>
          {METRICS.filter((m) => g.test(m.key)).map((m) => (
            <option key={m.key} value={m.key}>
              {m.label}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
