import { describe, expect, it } from 'vitest';
import { readStudioUrl, studioHref, type StudioView } from './studio-url.js';

describe('studio addresses', () => {
  it('read every screen and write it back the same', () => {
    const views: StudioView[] = [
      { screen: 'home' },
      { screen: 'users' },
      { screen: 'entities', q: '' },
      { screen: 'entities', q: 'côte d’ivoire & co' },
      { screen: 'assessment', id: 42 },
      { screen: 'edition', edition: 2026 },
      { screen: 'calibrate', edition: 2026, indicator: 'B2', region: 'Eurasia', sort: 'change' },
      { screen: 'calibrate', edition: null, indicator: null, region: null, sort: 'name' },
      { screen: 'corrections', edition: null, state: null },
      { screen: 'corrections', edition: 2024, state: 'returned' },
    ];
    for (const view of views) {
      const href = studioHref(view);
      const url = new URL(href, 'http://x');
      expect(readStudioUrl(url.pathname, url.search)).toEqual(view);
    }
    expect(studioHref({ screen: 'calibrate', edition: 2026, indicator: 'B2', region: null, sort: 'name' })).toBe(
      '/studio/calibrate?edition=2026&indicator=B2',
    );
  });

  it('ignore what is not a studio screen, and bad parameters', () => {
    expect(readStudioUrl('/studio/nothing', '')).toBeNull();
    expect(readStudioUrl('/studio/assessments/abc', '')).toBeNull();
    expect(readStudioUrl('/studio/calibrate', '?indicator=Z9&edition=20x&sort=odd')).toEqual({
      screen: 'calibrate',
      edition: null,
      indicator: null,
      region: null,
      sort: 'name',
    });
    expect(readStudioUrl('/studio/corrections', '?state=lost&edition=x')).toEqual({
      screen: 'corrections',
      edition: null,
      state: null,
    });
  });
});
