import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../app/contrast.js';
import { StatusBadge } from './StatusBadge.js';
import { NO_DATA_COLOUR, STATUS_STYLE } from './status-style.js';

describe('StatusBadge', () => {
  it('says the status in words, with the colour as a decoration', () => {
    const html = renderToString(<StatusBadge status="PF" />);
    expect(html).toContain('Partly Free');
    expect(html).toContain('aria-hidden="true"');
    expect(renderToString(<StatusBadge status={null} />)).toContain('Not determined');
  });

  it('draws each status at 3:1 or more against the white page, and no two alike', () => {
    for (const { colour } of Object.values(STATUS_STYLE))
      expect(contrastRatio(colour, '#ffffff')).toBeGreaterThanOrEqual(3);
    const colours = Object.values(STATUS_STYLE).map((s) => s.colour);
    expect(new Set(colours).size).toBe(3);
    expect(colours).not.toContain(NO_DATA_COLOUR);
  });
});
