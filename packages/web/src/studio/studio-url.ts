import { CORRECTION_STATES, INDICATOR_CODES, SUBCATEGORY_CODES, type CorrectionState } from '@freedom-ratings/core';

/**
 * The studio's addresses (a contract: tests and links rely on them). Like the
 * explorer's URL state, this is the one reader and writer of the studio's
 * paths and query parameters.
 */
export type StudioView =
  | { screen: 'home' }
  | { screen: 'assessment'; id: number }
  | { screen: 'edition'; edition: number }
  | {
      screen: 'calibrate';
      edition: number | null;
      indicator: string | null;
      region: string | null;
      sort: CalibrationSort;
    }
  | { screen: 'users' }
  | { screen: 'entities'; q: string }
  | { screen: 'corrections'; edition: number | null; state: CorrectionState | null };

export const CALIBRATION_SORTS = ['name', 'score', 'change'] as const;
export type CalibrationSort = (typeof CALIBRATION_SORTS)[number];

const CODES: readonly string[] = [...INDICATOR_CODES, ...SUBCATEGORY_CODES];

/** The studio view at an address, or null when the address is not a studio screen. */
export function readStudioUrl(pathname: string, search: string): StudioView | null {
  const path = pathname.replace(/\/+$/, '');
  const q = new URLSearchParams(search);
  if (path === '/studio') return { screen: 'home' };
  if (path === '/studio/users') return { screen: 'users' };
  if (path === '/studio/entities') return { screen: 'entities', q: q.get('q') ?? '' };
  if (path === '/studio/corrections') {
    const e = q.get('edition');
    const state = q.get('state');
    return {
      screen: 'corrections',
      edition: e && /^\d{4}$/.test(e) ? Number(e) : null,
      state: (CORRECTION_STATES as readonly string[]).includes(state ?? '') ? (state as CorrectionState) : null,
    };
  }
  const assessment = /^\/studio\/assessments\/(\d{1,12})$/.exec(path);
  if (assessment) return { screen: 'assessment', id: Number(assessment[1]) };
  const edition = /^\/studio\/editions\/(\d{4})$/.exec(path);
  if (edition) return { screen: 'edition', edition: Number(edition[1]) };
  if (path === '/studio/calibrate') {
    const e = q.get('edition');
    const indicator = q.get('indicator')?.toUpperCase() ?? null;
    const sort = q.get('sort');
    return {
      screen: 'calibrate',
      edition: e && /^\d{4}$/.test(e) ? Number(e) : null,
      indicator: indicator && CODES.includes(indicator) ? indicator : null,
      region: q.get('region') || null,
      sort: (CALIBRATION_SORTS as readonly string[]).includes(sort ?? '') ? (sort as CalibrationSort) : 'name',
    };
  }
  return null;
}

export function studioHref(view: StudioView): string {
  switch (view.screen) {
    case 'home':
      return '/studio';
    case 'users':
      return '/studio/users';
    case 'entities':
      return view.q ? `/studio/entities?${new URLSearchParams({ q: view.q }).toString()}` : '/studio/entities';
    case 'corrections': {
      const q = new URLSearchParams();
      if (view.edition !== null) q.set('edition', String(view.edition));
      if (view.state) q.set('state', view.state);
      const s = q.toString();
      return s ? `/studio/corrections?${s}` : '/studio/corrections';
    }
    case 'assessment':
      return `/studio/assessments/${view.id}`;
    case 'edition':
      return `/studio/editions/${view.edition}`;
    case 'calibrate': {
      const q = new URLSearchParams();
      if (view.edition !== null) q.set('edition', String(view.edition));
      if (view.indicator) q.set('indicator', view.indicator);
      if (view.region) q.set('region', view.region);
      if (view.sort !== 'name') q.set('sort', view.sort);
      const s = q.toString();
      return s ? `/studio/calibrate?${s}` : '/studio/calibrate';
    }
  }
}
