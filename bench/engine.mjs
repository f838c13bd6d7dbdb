// Engine throughput: indicator-level assessments scored per second on one
// core (validation included, as `assess` always validates).
// Run: npm run build && node bench/engine.mjs
import { assess, INDICATOR_CODES } from '../packages/core/dist/index.js';

const N = 200_000;
const ROUNDS = 10;
let seed = 7;
const rnd = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
const inputs = Array.from({ length: N }, (_, i) => {
  const indicators = {};
  for (const c of INDICATOR_CODES) indicators[c] = Math.floor(rnd() * 5);
  const edition = 2013 + (i % 13);
  return {
    entity: `Entity ${i % 210}`,
    edition,
    indicators,
    addQ: rnd() < 0.1 ? 1 + Math.floor(rnd() * 4) : 0,
    addA: edition <= 2017 ? 0 : null,
  };
});

let checksum = 0;
for (const input of inputs.slice(0, 20_000)) checksum += assess(input).figures.total; // warm-up
const rates = [];
for (let r = 0; r < ROUNDS; r++) {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) checksum += assess(inputs[i]).figures.total;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  rates.push(N / seconds);
}
rates.sort((a, b) => a - b);
const median = rates[Math.floor(rates.length / 2)];
console.log(
  JSON.stringify({
    benchmark: 'engine: assess() on indicator-level assessments, one core',
    assessments: N * ROUNDS,
    medianPerSecond: Math.round(median),
    minPerSecond: Math.round(rates[0]),
    maxPerSecond: Math.round(rates.at(-1)),
    target: 1_000_000,
    pass: median >= 1_000_000,
    checksum,
  }),
);
