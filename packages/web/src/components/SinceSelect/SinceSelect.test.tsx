import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { SinceSelect } from './SinceSelect.js';

describe('SinceSelect', () => {
  it('is a labelled form field with the chosen edition selected and a way to choose none', () => {
    const html = renderToString(
      <SinceSelect
        id="s"
        editions={[
          { edition: 1983, label: '1983-84' },
          { edition: 2015, label: '2015' },
        ]}
        value={2015}
        noneLabel="none"
        onChange={() => undefined}
      />,
    );
    expect(html).toContain('<label for="s">Change since</label>');
    expect(html).toContain('name="since"');
    expect(html).toContain('<option selected value="2015">FIW 2015</option>');
    expect(html).toContain('FIW 1983-84');
    expect(html).toContain('<option value>none</option>');
  });
});
