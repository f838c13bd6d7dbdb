import { useRef } from 'preact/hooks';
import { typeDigit } from './index-form.js';
import { ScoreFieldset } from './ScoreControl.js';

/** How long after a digit the next one still belongs to the same score ("1", "0" → 10). */
const TYPING_PAUSE_MS = 900;

/**
 * One score on any scale (0–10, 0–6…): radio buttons 0…max in a group named
 * by the code and title ("V1.1 Electoral integrity in law"). Typing digits
 * while focus is in it sets the score; on a scale past 9 two quick digits
 * make one score, as in `typeDigit`. Arrow keys move through the points.
 */
export function IndexScoreControl(props: {
  code: string;
  title: string;
  value: number | null;
  max: number;
  disabled: boolean;
  onScore(value: number): void;
  describedBy?: string;
}) {
  const typed = useRef({ digits: '', at: 0 });
  const onKeyDown = (event: KeyboardEvent) => {
    if (props.disabled || event.ctrlKey || event.metaKey || event.altKey || !/^[0-9]$/.test(event.key)) return;
    event.preventDefault();
    const recent = event.timeStamp - typed.current.at < TYPING_PAUSE_MS ? typed.current.digits : '';
    const next = typeDigit(recent, event.key, props.max);
    typed.current = { digits: next.typed, at: event.timeStamp };
    if (next.value !== null) props.onScore(next.value);
  };
  const points = Array.from({ length: props.max + 1 }, (_, i) => i);
  return <ScoreFieldset {...props} points={points} onKeyDown={onKeyDown} />;
}
