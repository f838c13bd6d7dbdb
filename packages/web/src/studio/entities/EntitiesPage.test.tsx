import type { Role } from '@freedom-ratings/core';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { StudioApi } from '../../api/studio-client.js';
import { StudioContext } from '../studio-context.js';
import { EntitiesPage } from './EntitiesPage.js';
import { FormField } from './FormField.js';

/** The page as a user of `role` first sees it (the registry still loading: the server answers later). */
function pageFor(role: Role): string {
  const api = new StudioApi(() => new Promise<Response>(() => undefined));
  const user = { id: 1, email: 'u@example.org', name: 'U', role, mustChangePassword: false };
  return renderToString(
    <StudioContext.Provider value={{ api, user, navigate: () => undefined, signInAgain: async () => true }}>
      <EntitiesPage q="arc" />
    </StudioContext.Provider>,
  );
}

describe('the entity registry screen', () => {
  it('shows admins the forms the API lets them use', () => {
    const html = pageFor('admin');
    expect(html).toContain('Add an entity');
    expect(html).toContain('Record a split, merger or new country');
    expect(html).toMatch(/<input id="registry-q" type="search" value="arc"/);
  });

  it('shows editors the list without the forms, and other roles that the registry is not theirs', () => {
    const editor = pageFor('editor');
    expect(editor).not.toContain('Add an entity');
    expect(editor).not.toContain('Record a split');
    expect(editor).toContain('Search entities');
    expect(editor).toContain('Only admins change the registry.');
    for (const role of ['reviewer', 'analyst'] as const) {
      const html = pageFor(role);
      expect(html).toContain('The entity registry is for editors and admins.');
      expect(html).not.toContain('Search entities');
    }
  });

  it('names a field by its visible label and ties its hint and error to it', () => {
    const html = renderToString(
      <FormField label="Code" hint="Three letters." error='code "KAZ" is already used by Kazakhstan'>
        {(c) => <input {...c} />}
      </FormField>,
    );
    const id = /<label for="([^"]+)">Code<\/label>/.exec(html)![1]!;
    expect(html).toContain(`<input id="${id}" aria-invalid="true" aria-describedby="${id}-hint ${id}-error"/>`);
    expect(html).toContain(
      `<p id="${id}-error" class="field-error">code &quot;KAZ&quot; is already used by Kazakhstan</p>`,
    );
    expect(renderToString(<FormField label="Name">{(c) => <input {...c} />}</FormField>)).not.toContain('aria-');
  });
});
