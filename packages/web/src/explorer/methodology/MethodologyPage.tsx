import {
  EDITIONS,
  editionInfo,
  formatBand,
  methodologyBreaks,
  methodologyChanges,
  type EditionInfo,
  type Methodology,
} from '@freedom-ratings/core';
import { ViewForm } from '../../components/ViewForm/ViewForm.js';

export interface MethodologyPageData {
  info: EditionInfo;
  methodology: Methodology;
  /** The edition before, with its rules, to say what changed; null for the first edition. */
  previous: { info: EditionInfo; methodology: Methodology } | null;
}

function Checklist({ m }: { m: Methodology }) {
  const indicators = m.categories.flatMap((c) => c.subcategories.flatMap((s) => s.indicators));
  const scales = [...new Set(indicators.map((i) => `0–${i.max}`))].join(', ');
  const wording =
    m.checklist === 'fiw-2018'
      ? 'questions as reworded in FIW 2018'
      : m.checklist === 'fiw-2003'
        ? 'questions as worded FIW 2003–2017'
        : `questions: ${m.checklist ?? 'as in the file'}`;
  return (
    <section aria-labelledby="checklist-heading">
      <h2 id="checklist-heading">Checklist</h2>
      <p>
        {`${indicators.length} indicators, each scored ${scales} (${wording}). The titles below are short summaries; each edition’s official question wording is loaded with its data and shown on the country pages.`}
      </p>
      {m.categories.map((cat) => (
        <div key={cat.code} class="checklist__category">
          <h3>{`${cat.name} (${cat.code}), 0–${cat.max}`}</h3>
          {cat.subcategories.map((s) => (
            <div key={s.code}>
              <h4>{`${s.code}. ${s.name} (0–${s.max})`}</h4>
              <ul class="checklist__indicators">
                {s.indicators.map((i) => (
                  <li key={i.code}>
                    <span class="code">{i.code}</span> {i.title}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}

function Discretionary({ m }: { m: Methodology }) {
  const name = (code: string) => m.categories.find((c) => c.code === code)?.name ?? code;
  const fiw = m.categories.some((c) => c.code === 'PR');
  const addA = m.discretionary.find((q) => q.code === 'addA');
  const addQ = m.discretionary.find((q) => q.code === 'addQ');
  return (
    <section aria-labelledby="discretionary-heading">
      <h2 id="discretionary-heading">Discretionary questions</h2>
      <ul>
        {m.discretionary.map((q) => (
          <li key={q.code}>
            {`${q.label} ${q.effect} ${q.min}–${q.max} points ${q.effect === 'adds' ? 'to' : 'from'} ${name(q.category)}: ${q.summary}`}
          </li>
        ))}
        {fiw && !addA && <li>Add A (the monarchy question) does not apply: it was eliminated in FIW 2018.</li>}
        {m.discretionary.length === 0 && !fiw && <li>None.</li>}
      </ul>
      {fiw ? (
        <p>
          {`PR = A + B + C − ${addQ?.label ?? 'Add Q'}${addA ? ' + Add A' : ''} (it can fall below 0, and any PR of 5 or less is rating 7); CL = D + E + F + G; total = PR + CL.`}
        </p>
      ) : (
        <p>
          {m.categories.map((c) => `${c.code} = ${c.subcategories.map((s) => s.code).join(' + ')}`).join('; ')}
          {'; total = the sum of the categories.'}
        </p>
      )}
    </section>
  );
}

function Bands({ m }: { m: Methodology }) {
  const rows = Math.max(...m.categories.map((c) => c.bands.length));
  return (
    <section aria-labelledby="bands-heading">
      <h2 id="bands-heading">Rating bands</h2>
      <table class="bands">
        <caption>{`Aggregate score → 1–${rows} rating (1 = most free)`}</caption>
        <thead>
          <tr>
            <th scope="col">Rating</th>
            {m.categories.map((c) => (
              <th key={c.code} scope="col">{`${c.name} aggregate`}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, i) => (
            <tr key={i}>
              <th scope="row">{i + 1}</th>
              {m.categories.map((c) => (
                <td key={c.code}>{c.bands[i] ? formatBand(c.bands[i]!) : ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function StatusRule({ m }: { m: Methodology }) {
  const s = m.status;
  const ratings = m.categories.map((c) => `${c.name} rating`).join(' + ');
  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading">Freedom Rating and status</h2>
      <p>{`Freedom Rating = (${ratings}) / ${m.categories.length}.`}</p>
      {s.kind === 'stated' ? (
        <p>{s.note}</p>
      ) : s.kind === 'total-score' ? (
        <ul>
          <li>{`Free: total score ${s.freeMin} or more`}</li>
          <li>{`Partly Free: ${s.partlyFreeMin} to ${s.freeMin - 1}`}</li>
          <li>{`Not Free: below ${s.partlyFreeMin}`}</li>
        </ul>
      ) : (
        <>
          <ul>
            <li>{`Free: Freedom Rating ${s.freeMax.toFixed(1)} or better`}</li>
            <li>{`Partly Free: above ${s.freeMax.toFixed(1)}, up to ${s.partlyFreeMax.toFixed(1)}`}</li>
            <li>{`Not Free: worse than ${s.partlyFreeMax.toFixed(1)}`}</li>
          </ul>
          {s.kind === 'freedom-rating-with-raw-points' && <p>{s.note}</p>}
        </>
      )}
    </section>
  );
}

function OtherRules({ m }: { m: Methodology }) {
  const e = m.electoralDemocracy;
  const name = (code: string) => {
    const c = m.categories.find((x) => x.code === code);
    if (c) return c.name;
    const s = m.categories.flatMap((x) => x.subcategories).find((x) => x.code === code);
    return s ? `${s.name} (${s.code})` : code;
  };
  return (
    <>
      <section aria-labelledby="ed-heading">
        <h2 id="ed-heading">Electoral democracy</h2>
        {e.kind === 'undetermined' ? (
          <p>{`Undetermined for this edition. ${e.note}`}</p>
        ) : (
          <>
            <p>
              {`${Object.entries(e.minimums)
                .map(([code, min]) => `${name(code)} at least ${min}`)
                .join(', ')}.`.replace(/^./, (c) => c.toUpperCase())}
            </p>
            <p>{e.note}</p>
          </>
        )}
      </section>
      <section aria-labelledby="arrow-heading">
        <h2 id="arrow-heading">Trend arrows</h2>
        <p>{m.trendArrow.note}</p>
      </section>
    </>
  );
}

/** `/methodology?edition=`: the rules in force for one edition, from core's methodology data. */
export function MethodologyPage({ info, methodology: m, previous }: MethodologyPageData) {
  const changes = previous ? methodologyChanges(previous.methodology, m) : [];
  const breaks = methodologyBreaks();
  return (
    <div class="methodology-page">
      <h1>{`Methodology: ${m.id.startsWith('fiw-') ? `Freedom in the World ${info.label}` : `${m.name}, ${info.label}`}`}</h1>
      <p>{`Rules: ${m.name} (methodology ${m.id}, version ${m.version}).`}</p>
      <p>{`Period under review: ${info.periodStart} to ${info.periodEnd} (year under review ${info.yearUnderReview}).`}</p>
      <ViewForm class="methodology-page__form" action="/methodology">
        <label for="methodology-edition">Edition</label>
        <select id="methodology-edition" name="edition" value={String(info.edition)}>
          {/* An edition a loaded methodology covers is not among the built-in ones: it is listed too. */}
          {[...EDITIONS, ...(EDITIONS.some((e) => e.edition === info.edition) ? [] : [info])]
            .sort((a, b) => b.edition - a.edition)
            .map((e) => (
              <option key={e.edition} value={String(e.edition)}>
                {e === info && !m.id.startsWith('fiw-') ? `${e.label} (${m.id})` : `FIW ${e.label}`}
              </option>
            ))}
        </select>
        <button type="submit">Show</button>
      </ViewForm>
      <section aria-labelledby="changes-heading" class="methodology-page__changes">
        <h2 id="changes-heading">{previous ? `What changed from FIW ${previous.info.label}` : 'The first edition'}</h2>
        {previous && changes.length === 0 && <p>Nothing: the same rules as the edition before.</p>}
        {changes.length > 0 && (
          <ul>
            {changes.map((c) => (
              <li key={c.text}>{c.text}</li>
            ))}
          </ul>
        )}
      </section>
      {m.scored ? (
        <>
          <Checklist m={m} />
          <Discretionary m={m} />
          <Bands m={m} />
        </>
      ) : (
        <section aria-labelledby="scores-heading">
          <h2 id="scores-heading">Scores</h2>
          <p>
            None published. Editions before FIW 2003 used a different checklist whose raw points are not published; only
            the 1–7 ratings and the status are recorded.
          </p>
        </section>
      )}
      <StatusRule m={m} />
      <OtherRules m={m} />
      <section aria-labelledby="breaks-heading">
        <h2 id="breaks-heading">Breaks in the series, every edition</h2>
        <ul class="methodology-page__breaks">
          {breaks.map((b) => (
            <li key={`${b.edition}-${b.kind}`}>
              <a href={`/methodology?edition=${b.edition}`}>{`FIW ${editionInfo(b.edition)?.label ?? b.edition}`}</a>
              {` — ${b.title}. ${b.description}`}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
