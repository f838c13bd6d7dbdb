import { useState } from 'preact/hooks';
import type { StudioApi } from '../../api/studio-client.js';

const MIN_LENGTH = 12;

/** The one-time password must be replaced before anything else (the API refuses everything else meanwhile). */
export function ChangePassword({ api, onChanged }: { api: StudioApi; onChanged(): void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (next.length < MIN_LENGTH) return setError(`The new password needs at least ${MIN_LENGTH} characters.`);
    if (next !== repeat) return setError('The two new passwords differ.');
    const answer = await api.changePassword(current, next);
    if (answer.ok) onChanged();
    else setError(answer.message);
  };
  return (
    <form class="studio-form" onSubmit={submit} aria-labelledby="change-password-heading">
      <h1 id="change-password-heading">Choose your password</h1>
      <p>You signed in with a one-time password. Choose your own before you continue.</p>
      <label>
        One-time password
        <input
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onInput={(e) => setCurrent(e.currentTarget.value)}
        />
      </label>
      <label>
        New password
        <input
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_LENGTH}
          value={next}
          onInput={(e) => setNext(e.currentTarget.value)}
        />
      </label>
      <label>
        New password again
        <input
          type="password"
          autoComplete="new-password"
          required
          value={repeat}
          onInput={(e) => setRepeat(e.currentTarget.value)}
        />
      </label>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit">Change password</button>
    </form>
  );
}
