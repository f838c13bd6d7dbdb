import { INDICATOR_MAX } from '@freedom-ratings/core';

const POINTS = Array.from({ length: INDICATOR_MAX + 1 }, (_, i) => i);

/**
 * One indicator's 0–4 score: a group of radio buttons named by the code and
 * title ("B2 Opposition can realistically gain power"). While focus is in it,
 * typing a digit sets the score and `k` keeps last edition's.
 */
export function ScoreControl(props: {
  code: string;
  title: string;
  value: number | null;
  max?: number;
  disabled: boolean;
  onScore(value: number): void;
  onKeep?(): void;
  describedBy?: string;
}) {
  const max = props.max ?? INDICATOR_MAX;
  const onKeyDown = (event: KeyboardEvent) => {
    if (props.disabled || event.ctrlKey || event.metaKey || event.altKey) return;
    if (/^[0-9]$/.test(event.key)) {
      event.preventDefault();
      const n = Number(event.key);
      if (n <= max) props.onScore(n);
    } else if ((event.key === 'k' || event.key === 'K') && props.onKeep) {
      event.preventDefault();
      props.onKeep();
    }
  };
  return <ScoreFieldset {...props} points={POINTS.filter((p) => p <= max)} onKeyDown={onKeyDown} />;
}

/** The radio buttons of one score, 0 to its maximum, in a group named by the code and title: both score controls draw this. */
export function ScoreFieldset(props: {
  code: string;
  title: string;
  value: number | null;
  points: readonly number[];
  disabled: boolean;
  onScore(value: number): void;
  onKeyDown(event: KeyboardEvent): void;
  describedBy?: string;
}) {
  return (
    <fieldset
      class="score-control"
      onKeyDown={props.onKeyDown}
      aria-describedby={props.describedBy}
      disabled={props.disabled}
    >
      <legend>
        <span class="code">{props.code}</span> {props.title}
      </legend>
      <div class="score-points">
        {props.points.map((p) => (
          <label key={p} class={props.value === p ? 'checked' : undefined}>
            <input
              type="radio"
              name={`score-${props.code}`}
              value={p}
              checked={props.value === p}
              onChange={() => props.onScore(p)}
            />
            {p}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
