import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { MethodologyPage } from './MethodologyPage.js';
import { methodologyPageData } from './methodology-page-data.js';

const page = (edition: string) =>
  renderToString(<MethodologyPage {...methodologyPageData(edition)!} />).replace(/<[^>]+>/g, ' ');

describe('methodology page', () => {
  it('says what changed in FIW 2018 and shows its rules', () => {
    const html = page('2018');
    expect(html).toContain('What changed from FIW 2017');
    expect(html).toMatch(/Add A \(the monarchy question, added to PR\) was eliminated/);
    expect(html).toContain('Add B was renamed Add Q');
    expect(html).toContain('36–40');
    expect(html).toContain('≤ 7');
    expect(html).toContain('Free: Freedom Rating 2.5 or better');
  });

  it('says a ratings-only edition has no scores, and names editions by their labels', () => {
    const html = page('1983-84');
    expect(html).toContain('Methodology: Freedom in the World 1983-84');
    expect(html).toContain('None published');
    expect(html).not.toContain('Rating bands');
    expect(methodologyPageData('1983')!.info.label).toBe('1983-84');
  });

  it('has nothing for an edition it does not know', () => {
    expect(methodologyPageData('2002')).toBeNull();
    expect(methodologyPageData('banana')).toBeNull();
    expect(methodologyPageData(undefined)!.info.edition).toBe(2026);
  });
});
