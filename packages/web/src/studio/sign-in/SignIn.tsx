import { useState } from 'preact/hooks';
import type { Session, StudioApi } from '../../api/studio-client.js';

/**
 * Sign-in: fields labelled "Email" and "Password" (their accessible names),
 * the API's message at the form when it refuses.
 */
export function SignIn({
  api,
  onSignedIn,
  heading = 'Sign in to the studio',
}: {
  api: StudioApi;
  onSignedIn(session: Session): void;
  heading?: string;
}) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const answer = await api.login(email.trim(), password);
    setBusy(false);
    if (answer.ok) onSignedIn(answer.body);
    else setError(answer.message);
  };
  return (
    <form class="studio-form sign-in" onSubmit={submit} aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">{heading}</h1>
      <label>
        Email
        <input
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
      </label>
      <label>
        Password
        <input
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
      </label>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
