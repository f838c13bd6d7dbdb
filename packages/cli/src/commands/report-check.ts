import { checkReport, type Finding } from '@freedom-ratings/core';
import { EXIT_FINDINGS, EXIT_OK } from '../errors.js';
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
