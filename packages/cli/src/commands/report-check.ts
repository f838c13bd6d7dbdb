import { checkReport, SCORE_KEYS, type Finding, type Report } from '@freedom-ratings/core';
import { EXIT_FINDINGS, EXIT_OK, UserError } from '../errors.js';
import { loadReport } from './report-input.js';

export interface ReportCheckOptions {
  format: 'text' | 'json';
}

/**
 * `fiw report check`: the report's arithmetic, ratings against the bands,
 * status against the ratings and the trend-arrow rule, plus whatever the
 * parser found inconsistent (a figure stated twice differently, a value out
 * of range). Exit 1 when there is any finding.
 */
export async function reportCheckCommand(path: string, options: ReportCheckOptions): Promise<number> {
  const { name, report, lines } = await loadReport(path);
  if (!statesAnyFigure(report))
    throw new UserError(`${name}: no status, rating or score found: nothing to check (is this a country report?)`);
  const findings: Finding[] = [
    ...report.diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => ({ line: d.line, code: 'unreadable' as const, message: d.message })),
    ...checkReport(report, lines),
  ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const notes = report.diagnostics.filter((d) => d.severity === 'warning');
  if (options.format === 'json') {
    process.stdout.write(JSON.stringify({ file: name, findings, notes }, null, 2) + '\n');
  } else {
    const out = findings.map((f) => `${name}${f.line === null ? '' : `:${f.line}`}: ${f.message}`);
    for (const n of notes) process.stderr.write(`${name}:${n.line}: note: ${n.message}\n`);
    const what = report.edition === null ? '' : ` (FIW ${report.edition} rules)`;
    out.push(
      findings.length === 0
        ? `${name}: no findings: the figures agree with each other and with the methodology${what}`
        : `${name}: ${findings.length} ${findings.length === 1 ? 'finding' : 'findings'}`,
    );
    process.stdout.write(out.join('\n') + '\n');
  }
  return findings.length ? EXIT_FINDINGS : EXIT_OK;
}

function statesAnyFigure(r: Report): boolean {
  return (
    r.status !== null ||
    Object.values(r.ratings).some((v) => v !== null) ||
    SCORE_KEYS.some((k) => r.scores[k] !== null) ||
    Object.keys(r.scores.indicators).length > 0 ||
    r.lastYear.total !== null
  );
}
