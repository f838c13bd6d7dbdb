import { INDICATOR_CODES, INDICATORS, SUBCATEGORIES, SUBCATEGORY_CODES } from '@freedom-ratings/core';
import { useMemo } from 'preact/hooks';
import type { Calibration } from '../../api/studio-client.js';
import { LoadedView } from '../loaded-view.js';
import { STATE_LABELS } from '../state-label.js';
import { useStudio } from '../studio-context.js';
import { studioHref, type StudioView } from '../studio-url.js';
import { useAnswer } from '../use-answer.js';
import { orderCalibration } from './calibration-order.js';

type CalibrateView = Extract<StudioView, { screen: 'calibrate' }>;

const signed = (n: number | null) => (n === null ? '—' : n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

function Picker({ view, editions }: { view: CalibrateView; editions: number[] }) {
  const { navigate } = useStudio();
  const go = (change: Partial<CalibrateView>) => navigate(studioHref({ ...view, ...change }));
  return (
    <form class="inline-form calibrate-picker" onSubmit={(e) => e.preventDefault()}>
      <label>
        Edition
        <select value={view.edition ?? ''} onChange={(e) => go({ edition: Number(e.currentTarget.value) || null })}>
          <option value="">Choose…</option>
          {editions.map((e) => (
            <option key={e} value={e}>
              {e}
            </option>
          ))}
        </select>
      </label>
      <label>
        Indicator or subcategory
        <select value={view.indicator ?? ''} onChange={(e) => go({ indicator: e.currentTarget.value || null })}>
          <option value="">Choose…</option>
          {INDICATOR_CODES.map((c) => (
            <option key={c} value={c}>
              {c} {INDICATORS[c].title}
            </option>
          ))}
          {SUBCATEGORY_CODES.map((c) => (
            <option key={c} value={c}>
              {c}. {SUBCATEGORIES[c].name} (subcategory)
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}

/**
 * One indicator (or subcategory) across every entity of a region — or all —
 * for an edition, drafts included: scores, last edition's, the change and the
 * texts side by side, sortable by score or change.
 */
export function CalibratePage({ view }: { view: CalibrateView }) {
  const { api, navigate } = useStudio();
  const [editions] = useAnswer(() => api.editions(), [api]);
  const ready = view.edition !== null && view.indicator !== null;
  const [calibration] = useAnswer(
    () =>
      ready
        ? api.calibration(view.edition!, view.indicator!, { region: view.region })
        : Promise.resolve({
            ok: false as const,
            status: 0,
            code: 'choose',
            message: 'Choose an edition and an indicator.',
            details: null,
          }),
    [api, view.edition, view.indicator, view.region],
  );
  const editionList = editions.kind === 'ok' ? editions.value.editions.map((e) => e.edition) : [];
  return (
    <>
      <h1>Calibration</h1>
      <Picker view={view} editions={editionList} />
      {!ready ? (
        <p>Choose an edition and an indicator to compare it across countries and territories.</p>
      ) : (
        <LoadedView state={calibration}>
          {(c) => <CalibrationTable view={view} calibration={c} navigate={navigate} />}
        </LoadedView>
      )}
    </>
  );
}

function CalibrationTable({
  view,
  calibration,
  navigate,
}: {
  view: CalibrateView;
  calibration: Calibration;
  navigate(href: string): void;
}) {
  const rows = useMemo(() => orderCalibration(calibration.rows, view.sort), [calibration, view.sort]);
  const sortLink = (sort: CalibrateView['sort'], label: string) => (
    <a href={studioHref({ ...view, sort })} aria-current={view.sort === sort ? 'true' : undefined}>
      {label}
    </a>
  );
  return (
    <>
      <label class="inline-label">
        Region
        <select
          value={view.region ?? ''}
          onChange={(e) => navigate(studioHref({ ...view, region: e.currentTarget.value || null }))}
        >
          <option value="">Every region</option>
          {calibration.regions.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <p>
        Sort by {sortLink('name', 'name')} · {sortLink('score', 'score')} · {sortLink('change', 'change')}
      </p>
      <div class="table-scroll" role="region" aria-label={`${calibration.code} across the edition`} tabIndex={0}>
        <table class="studio-table calibration-table">
          <caption>
            {calibration.code} in {calibration.edition}: {rows.length} assessments
          </caption>
          <thead>
            <tr>
              <th scope="col">Country or territory</th>
              <th scope="col">Score (of {calibration.max})</th>
              <th scope="col">Last edition</th>
              <th scope="col">Change</th>
              <th scope="col">State</th>
              <th scope="col">Text</th>
              <th scope="col">Last edition’s text</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <a href={studioHref({ screen: 'assessment', id: r.id })}>{r.entity.name}</a>
                  <span class="subtle"> {r.region}</span>
                </th>
                <td>{r.score ?? '—'}</td>
                <td>{r.previousScore ?? '—'}</td>
                <td>{signed(r.change)}</td>
                <td>{STATE_LABELS[r.state]}</td>
                <td class="calibration-text">{r.text ?? ''}</td>
                <td class="calibration-text">{r.previousText ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
