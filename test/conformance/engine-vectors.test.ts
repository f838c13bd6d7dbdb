import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { assess, type AssessmentInput, type IndicatorScores, type Status } from '@freedom-ratings/core';
import { describeShared, fixtureFile, sharedPath } from '../../test-support/shared.js';

interface Vector {
  entity: string;
  edition: number;
  type: 'c' | 't';
  indicators: IndicatorScores;
  addQ: number;
  addA: number | null;
  expected: Record<string, number | string>;
}

describeShared("the engine reproduces Freedom House's published figures", () => {
  it('every test vector in Appendix A of the methodology notes', () => {
    const notes = readFileSync(sharedPath('docs', 'methodology-notes.md'), 'utf8');
    const appendix = notes.slice(notes.indexOf('## Appendix A'));
    const json = /```json\n([\s\S]*?)```/.exec(appendix)![1]!;
    const vectors = JSON.parse(json) as Vector[];
    expect(vectors.length).toBeGreaterThanOrEqual(15);
    for (const v of vectors) {
      const input: AssessmentInput = {
        entity: v.entity,
        edition: v.edition,
        kind: v.type === 't' ? 'territory' : 'country',
        indicators: v.indicators,
        addQ: v.addQ,
        addA: v.addA,
      };
      const { figures, problems } = assess(input);
      expect(problems, `${v.entity} ${v.edition}`).toEqual([]);
      const f = figures!;
      expect(
        {
          ...f.subcategories,
          PR: f.pr,
          CL: f.cl,
          total: f.total,
          prRating: f.prRating,
          clRating: f.clRating,
          freedomRating: f.freedomRating,
          status: f.status,
        },
        `${v.entity} ${v.edition}`,
      ).toEqual(v.expected);
    }
  });

  it('the figures of the 2014 Kazakhstan report (the seed)', () => {
    const text = readFileSync(fixtureFile('reports', 'full', '2014_kazakhstan.txt'), 'utf8');
    const number = (re: RegExp) => Number(re.exec(text)![1]);
    const sub = (letter: string) => number(new RegExp(`^${letter}\\. [^:]+: (\\d+) / \\d+$`, 'm'));
    const subcategories = { A: sub('A'), B: sub('B'), C: sub('C'), D: sub('D'), E: sub('E'), F: sub('F'), G: sub('G') };
    const { figures } = assess({ entity: 'Kazakhstan', edition: 2014, subcategories, addQ: 0, addA: 0 });
    const statusWord = /^Status: (.+)$/m.exec(text)![1]!.trim();
    const status: Record<string, Status> = { Free: 'F', 'Partly Free': 'PF', 'Not Free': 'NF' };
    expect(figures).toMatchObject({
      pr: number(/^Political Rights: (\d+) \/ 40$/m),
      cl: number(/^Civil Liberties: (\d+) \/ 60$/m),
      prRating: number(/^Political Rights \(1 = best, 7 = worst\): (\d)$/m),
      clRating: number(/^Civil Liberties \(1 = best, 7 = worst\): (\d)$/m),
      freedomRating: number(/^Freedom Rating \(1 = best, 7 = worst\): ([\d.]+)$/m),
      status: status[statusWord],
    });
    expect(figures!.pr).toBe(6);
    expect(figures!.cl).toBe(19);
  });
});
