// Country reports at scale: build every country-edition of the narrative file
// from FH's indicator file, render each in every format, parse every rendering
// back and compare the figures; then the parser's throughput on report text.
// Run: npm run build && node bench/reports.mjs   (needs ../shared/data)
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import {
  buildReport,
  carriedBy,
  INDICATOR_CODES,
  layoutForEdition,
  parseReport,
  readFhTables,
  renderHtml,
  renderMarkdown,
  renderText,
  REPORT_LAYOUTS,
  reportSources,
  SCORE_KEYS,
} from '../packages/core/dist/index.js';
import { parseCsv } from '../packages/sheets/dist/index.js';

const shared = new URL('../../shared/data/', import.meta.url);
const RENDER = { text: renderText, md: renderMarkdown, html: renderHtml };
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

// Inputs (read once; reading files is not what is measured).
const t0 = process.hrtime.bigint();
const { sheets } = readFhTables([
  parseCsv(readFileSync(new URL('All_data_FIW_2013-2024.csv', shared), 'utf8'), 'All_data.csv'),
]);
const rows = readFileSync(new URL('fh_country_rating_text.jsonl', shared), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
const loadMs = ms(t0);

// 1. Build and render everything, each format in the edition's own layout.
const t1 = process.hrtime.bigint();
const { sources, unmatched } = reportSources(
  sheets.flatMap((s) => s.records),
  rows,
);
const reports = sources.map(buildReport);
const buildMs = ms(t1);
const rendered = {};
const renderMs = {};
for (const [format, render] of Object.entries(RENDER)) {
  const t = process.hrtime.bigint();
  rendered[format] = reports.map((r) => render(r, layoutForEdition(r.edition)));
  renderMs[format] = ms(t);
}
const buildAndRenderMs = buildMs + Object.values(renderMs).reduce((a, b) => a + b, 0);

/** Every figure a report states, as "path=value" strings. */
function figures(r) {
  const out = [];
  const put = (k, v) => {
    if (v !== null && v !== undefined) out.push(`${k}=${v}`);
  };
  put('edition', r.edition);
  put('status', r.status);
  for (const k of ['pr', 'cl', 'freedom']) put(`ratings.${k}`, r.ratings[k]);
  for (const k of SCORE_KEYS) {
    put(`scores.${k}`, r.scores[k]);
    put(`changes.${k}`, r.changes[k]);
  }
  put('addQ', r.scores.addQ);
  put('addA', r.scores.addA);
  for (const c of INDICATOR_CODES) {
    put(`scores.${c}`, r.scores.indicators[c]);
    put(`changes.${c}`, r.changes.indicators[c]);
  }
  put('lastYear.total', r.lastYear.total);
  put('lastYear.status', r.lastYear.status);
  put('trendArrow', r.trendArrow);
  return out.join(' ');
}

// 2. Parse every rendering back and compare: figures, and the whole report.
const compare = {};
let parseMs = 0;
for (const format of Object.keys(RENDER)) {
  let figuresDiffer = 0;
  let reportsDiffer = 0;
  let figureCount = 0;
  const t = process.hrtime.bigint();
  const parsed = rendered[format].map(parseReport);
  parseMs += ms(t);
  parsed.forEach((p, i) => {
    const expected = carriedBy(reports[i], layoutForEdition(reports[i].edition));
    const f = figures(expected);
    figureCount += f.split(' ').length;
    if (figures(p) !== f) figuresDiffer++;
    p.diagnostics = [];
    if (JSON.stringify(p) !== JSON.stringify(expected)) reportsDiffer++;
  });
  compare[format] = { reports: parsed.length, figures: figureCount, figuresDiffer, reportsDiffer };
}

// 3. Every layout in every format, for the record.
let allLayoutsDiffer = 0;
const t3 = process.hrtime.bigint();
for (const layout of REPORT_LAYOUTS)
  for (const render of Object.values(RENDER))
    for (const r of reports) {
      const p = parseReport(render(r, layout));
      p.diagnostics = [];
      if (JSON.stringify(p) !== JSON.stringify(carriedBy(r, layout))) allLayoutsDiffer++;
    }
const allLayoutsMs = ms(t3);

// 4. Parser throughput on the plain-text renderings (UTF-8 bytes), median of 5 rounds after a warm-up.
const texts = rendered.text;
const bytes = texts.reduce((a, s) => a + Buffer.byteLength(s), 0);
for (const s of texts.slice(0, 200)) parseReport(s);
// Wall time, and CPU time of this process: on a machine shared with other work the wall clock also
// counts the time the scheduler gave to others, which CPU time does not.
const rates = [];
const cpuRates = [];
for (let round = 0; round < 5; round++) {
  const t = process.hrtime.bigint();
  const c = process.cpuUsage();
  for (const s of texts) parseReport(s);
  const cpu = process.cpuUsage(c);
  rates.push(bytes / 1e6 / (ms(t) / 1000));
  cpuRates.push(bytes / 1e6 / ((cpu.user + cpu.system) / 1e6));
}
rates.sort((a, b) => a - b);
cpuRates.sort((a, b) => a - b);
const mbPerSecond = rates[2];

const figuresIdentical = Object.values(compare).every((c) => c.figuresDiffer === 0);
console.log(
  JSON.stringify(
    {
      benchmark: 'reports: build, render, parse back; parser throughput',
      machine: `${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
      countryEditions: reports.length,
      unmatched: unmatched.length,
      loadMs: Math.round(loadMs),
      buildMs: Math.round(buildMs),
      renderMs: Object.fromEntries(Object.entries(renderMs).map(([k, v]) => [k, Math.round(v)])),
      buildAndRenderMs: Math.round(buildAndRenderMs),
      buildAndRenderTargetMs: 10_000,
      parseBackMs: Math.round(parseMs),
      compare,
      figuresIdentical,
      allLayoutsAllFormats: {
        renderings: REPORT_LAYOUTS.length * 3 * reports.length,
        differ: allLayoutsDiffer,
        ms: Math.round(allLayoutsMs),
      },
      parser: {
        megabytes: +(bytes / 1e6).toFixed(1),
        medianMBps: +mbPerSecond.toFixed(1),
        minMBps: +rates[0].toFixed(1),
        maxMBps: +rates[4].toFixed(1),
        medianMBperCpuSecond: +cpuRates[2].toFixed(1),
        target: 20,
      },
      loadAverage: loadavg().map((l) => +l.toFixed(2)),
      pass: buildAndRenderMs < 10_000 && figuresIdentical && mbPerSecond >= 20,
    },
    null,
    2,
  ),
);
