import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { ConflictView } from './ConflictView.js';
import { SaveIndicator } from './SaveIndicator.js';
import { ScoreControl } from './ScoreControl.js';

describe('the scoring form’s pieces', () => {
  it('names each score control by its code first, with one labelled radio button per point', () => {
    const html = renderToString(
      <ScoreControl
        code="B2"
        title="Opposition can realistically gain power"
        value={3}
        disabled={false}
        onScore={() => {}}
      />,
    );
    expect(html).toMatch(/<legend><span class="code">B2<\/span> Opposition can realistically gain power<\/legend>/);
    expect(html.match(/type="radio"/g)).toHaveLength(5);
    expect(html).toMatch(/<input type="radio" name="score-B2" value="3" checked/);
  });

  it('says how many changes are kept while not saved', () => {
    expect(renderToString(<SaveIndicator state={{ kind: 'offline', count: 3 }} />)).toContain(
      'Offline — 3 changes kept, saving when back online',
    );
    expect(renderToString(<SaveIndicator state={{ kind: 'saved' }} />)).toContain('role="status"');
  });

  it('shows their version and mine of every conflicting field, and leaves fields both changed undecided', () => {
    const html = renderToString(
      <ConflictView
        by="Edda Editor"
        rows={[
          { field: 'score:B3', label: 'B3', base: 2, mine: 1, theirs: 3, changedByThem: true },
          {
            field: 'text:overview:',
            label: 'Overview text',
            base: 'a',
            mine: 'mine',
            theirs: 'a',
            changedByThem: false,
          },
        ]}
        onResolve={() => {}}
      />,
    );
    expect(html).toContain('Someone else saved this assessment (Edda Editor)');
    expect(html).toMatch(/<td class="conflict-theirs">3<\/td><td class="conflict-mine">1<\/td>/);
    expect(html).toContain('Choose a version of B3.');
    expect(html).not.toContain('Choose a version of B3, Overview text');
  });
});
