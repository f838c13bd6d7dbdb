import { useState } from 'preact/hooks';
import type { Comment } from '../../api/studio-client.js';
import { useStudio } from '../studio-context.js';

/**
 * Comments on one indicator (or on the whole assessment when `code` is
 * null): reviewers' remarks, the analyst's answers, resolved ones marked.
 */
export function Comments(props: {
  id: number;
  code: string | null;
  comments: Comment[];
  onChange(): void;
  label: string;
}) {
  const { api } = useStudio();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mine = props.comments.filter((c) => c.code === props.code);
  const add = async (event: Event) => {
    event.preventDefault();
    const answer = await api.addComment(props.id, props.code, body);
    if (answer.ok) {
      setBody('');
      setError(null);
      props.onChange();
    } else setError(answer.message);
  };
  const resolve = async (c: Comment) => {
    const answer = await api.resolveComment(c.id);
    if (answer.ok) props.onChange();
    else setError(answer.message);
  };
  const inputId = `comment-${props.id}-${props.code ?? 'all'}`;
  return (
    <div class="comments">
      {mine.length > 0 && (
        <ul class="comment-list">
          {mine.map((c) => (
            <li key={c.id} class={c.resolvedAt ? 'resolved' : undefined}>
              <strong>{c.user.name}</strong> <span class="subtle">{c.createdAt.slice(0, 16).replace('T', ' ')}</span>
              {c.resolvedAt && <span class="subtle"> · resolved</span>}
              <p>{c.body}</p>
              {!c.resolvedAt && (
                <button type="button" class="link-button" onClick={() => void resolve(c)}>
                  Mark resolved
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form class="comment-form" onSubmit={add}>
        <label for={inputId}>{props.label}</label>
        <textarea id={inputId} rows={2} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
        {error && (
          <p class="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={body.trim() === ''}>
          Add comment
        </button>
      </form>
    </div>
  );
}
