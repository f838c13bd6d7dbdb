import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { Erratum } from '../../api/client.js';
import { Corrections } from './Corrections.js';

const erratum: Erratum = {
  edition: 2024,
  release: 2,
  entity: { id: 'kazakhstan', name: 'Kazakhstan', kind: 'country', code: 'KAZ', iso3: 'KAZ' },
  field: 'status',
  label: 'Status',
  old: 'NF',
  new: 'PF',
  reason: 'Status entered from the wrong draft',
  by: null,
  at: '2026-12-02T09:00:00.000Z',
};

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('corrections on the country page', () => {
  it('lists each correction with its edition, release, field, old and new values, reason and day', () => {
    const html = renderToString(<Corrections errata={[erratum]} name="Kazakhstan" />);
    expect(text(html)).toContain(
      'FIW 2024 Status Not Free → Partly Free Status entered from the wrong draft 2 2026-12-02',
    );
    // The edition links to the entity's report in that edition.
    expect(html).toContain('href="/country/kazakhstan?edition=2024"');
  });

  it('says in one line that nothing was corrected', () => {
    const html = renderToString(<Corrections errata={[]} name="Norway" />);
    expect(text(html)).toContain('No published figure or text of Norway has been corrected.');
    expect(html).not.toContain('<table');
  });
});
