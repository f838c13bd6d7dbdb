import type { ColourScale } from '../../map/colour-scale.js';
import { Swatch } from './Swatch.js';

/** The key to a map's colours: every class with its swatch and words, plus how missing data looks. */
export function Legend({ scale, counts }: { scale: ColourScale; counts?: Map<string, number> }) {
  return (
    <figure class="legend" aria-labelledby="legend-title">
      <figcaption id="legend-title">{scale.title}</figcaption>
      <ul>
        {scale.classes.map((c) => (
          <li key={c.label}>
            <Swatch colour={c.colour} pattern={c.pattern} />
            <span>{c.label}</span>
            {counts && <span class="legend-count">{counts.get(c.label) ?? 0}</span>}
          </li>
        ))}
        <li>
          <Swatch colour={scale.noData.colour} pattern="solid" />
          <span>{scale.noData.label}</span>
          {counts && <span class="legend-count">{counts.get(scale.noData.label) ?? 0}</span>}
        </li>
      </ul>
    </figure>
  );
}
