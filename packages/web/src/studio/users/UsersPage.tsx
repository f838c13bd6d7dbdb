import { ROLES, type Role } from '@freedom-ratings/core';
import { useState } from 'preact/hooks';
import type { ManagedUser } from '../../api/studio-client.js';
import { LoadedView } from '../loaded-view.js';
import { useStudio } from '../studio-context.js';
import { useAnswer } from '../use-answer.js';

function AddUser({ onAdded }: { onAdded(): void }) {
  const { api } = useStudio();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const answer = await api.createUser({ email, name, role });
    if (answer.ok) {
      setResult({ ok: true, text: `${answer.body.user.email}: one-time password ${answer.body.password}` });
      setEmail('');
      setName('');
      onAdded();
    } else setResult({ ok: false, text: answer.message });
  };
  return (
    <form class="studio-form add-user" onSubmit={submit} aria-labelledby="add-user-heading">
      <h2 id="add-user-heading">Add a user</h2>
      <label>
        Email
        <input type="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
      </label>
      <label>
        Name
        <input required value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label>
        Role
        <select value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">Add user</button>
      {result && (
        <p
          role={result.ok ? 'status' : 'alert'}
          class={result.ok ? 'one-time-password' : 'field-error'}
          data-testid="add-user-result"
        >
          {result.text}
        </p>
      )}
    </form>
  );
}

function UserRow({ u, onChange }: { u: ManagedUser; onChange(): void }) {
  const { api, user } = useStudio();
  const [message, setMessage] = useState<string | null>(null);
  const self = u.id === user.id;
  const change = async (body: { role?: Role; active?: boolean }) => {
    const answer = await api.updateUser(u.id, body);
    setMessage(answer.ok ? 'Changed.' : answer.message);
    if (answer.ok) onChange();
  };
  const reset = async () => {
    const answer = await api.resetPassword(u.id);
    setMessage(answer.ok ? `New one-time password: ${answer.body.password}` : answer.message);
  };
  return (
    <tr>
      <th scope="row">
        {u.name}
        <br />
        <span class="subtle">{u.email}</span>
      </th>
      <td>
        <select
          aria-label={`Role of ${u.name}`}
          value={u.role}
          disabled={self}
          onChange={(e) => void change({ role: e.currentTarget.value as Role })}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </td>
      <td>{u.active ? 'Active' : 'Deactivated'}</td>
      <td>{u.lastSignInAt ? u.lastSignInAt.slice(0, 16).replace('T', ' ') : 'never'}</td>
      <td>
        <div class="button-row">
          {!self && (
            <button type="button" onClick={() => void change({ active: !u.active })}>
              {u.active ? `Deactivate ${u.name}` : `Reactivate ${u.name}`}
            </button>
          )}
          <button type="button" onClick={() => void reset()}>
            Reset password of {u.name}
          </button>
        </div>
        {message && <p role="status">{message}</p>}
      </td>
    </tr>
  );
}

/** Users and roles: add, change role, deactivate, reset a password (one-time), last sign-in. */
export function UsersPage() {
  const { api } = useStudio();
  const [users, reload] = useAnswer(() => api.users(), [api]);
  return (
    <>
      <h1>Users</h1>
      <AddUser onAdded={() => void reload()} />
      <LoadedView state={users}>
        {(list) => (
          <div class="table-scroll" role="region" aria-label="Users" tabIndex={0}>
            <table class="studio-table users-table">
              <caption>{list.users.length} users</caption>
              <thead>
                <tr>
                  <th scope="col">User</th>
                  <th scope="col">Role</th>
                  <th scope="col">State</th>
                  <th scope="col">Last sign-in</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {list.users.map((u) => (
                  <UserRow key={u.id} u={u} onChange={() => void reload()} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </LoadedView>
    </>
  );
}
