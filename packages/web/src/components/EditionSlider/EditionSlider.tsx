import { useEffect, useState } from 'preact/hooks';

export interface EditionOption {
  edition: number;
  label: string;
}

export interface EditionSliderProps {
  editions: readonly EditionOption[];
  value: number;
  onChange: (edition: number) => void;
  /** Milliseconds per step while playing. */
  interval?: number;
  label?: string;
}

/**
 * Picks an edition on a slider, with previous/next buttons and play/pause
 * to step through the years. Arrow keys move the slider as on any range input.
 */
export function EditionSlider({ editions, value, onChange, interval = 800, label = 'Edition' }: EditionSliderProps) {
  const [playing, setPlaying] = useState(false);
  const index = Math.max(
    0,
    editions.findIndex((e) => e.edition === value),
  );
  const last = editions.length - 1;

  useEffect(() => {
    if (!playing) return;
    if (index >= last) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => onChange(editions[index + 1]!.edition), interval);
    return () => clearTimeout(timer);
  }, [playing, index, last, editions, interval, onChange]);

  const go = (i: number) => onChange(editions[Math.min(last, Math.max(0, i))]!.edition);
  const current = editions[index];
  return (
    <div class="edition-slider">
      <label for="edition-slider-input">
        {label}: <strong>{current ? `FIW ${current.label}` : ''}</strong>
      </label>
      <div class="edition-slider-row">
        <button
          type="button"
          class="icon-button"
          aria-label={playing ? 'Pause' : 'Play through the editions'}
          aria-pressed={playing}
          onClick={() => {
            if (!playing && index >= last) go(0);
            setPlaying(!playing);
          }}
        >
          {playing ? '❚❚' : '▶'}
        </button>
        <button
          type="button"
          class="icon-button"
          aria-label="Previous edition"
          disabled={index <= 0}
          onClick={() => go(index - 1)}
        >
          ‹
        </button>
        <input
          id="edition-slider-input"
          type="range"
          min={0}
          max={last}
          step={1}
          value={index}
          aria-valuetext={current ? `FIW ${current.label}` : undefined}
          onInput={(e) => go(Number((e.target as HTMLInputElement).value))}
        />
        <button
          type="button"
          class="icon-button"
          aria-label="Next edition"
          disabled={index >= last}
          onClick={() => go(index + 1)}
        >
          ›
        </button>
        {/* In the range's own grid column, so the first and last editions sit under its two ends. */}
        <div class="edition-slider-ends" aria-hidden="true">
          <span>{editions[0]?.label}</span>
          <span>{editions[last]?.label}</span>
        </div>
      </div>
    </div>
  );
}
