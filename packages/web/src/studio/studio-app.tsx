import { roleAllows } from '@freedom-ratings/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { StudioApi, StudioUser } from '../api/studio-client.js';
import { Shell } from '../app/shell.js';
import { AssessmentPage } from './assessment/AssessmentPage.js';
import { CalibratePage } from './calibrate/CalibratePage.js';
import { CorrectionsPage } from './corrections/CorrectionsPage.js';
import { Dashboard } from './dashboard/Dashboard.js';
import { EntitiesPage } from './entities/EntitiesPage.js';
import { EditionBoard } from './edition/EditionBoard.js';
import { ChangePassword } from './sign-in/ChangePassword.js';
import { SignIn } from './sign-in/SignIn.js';
import { StudioContext, type StudioContextValue } from './studio-context.js';
import { readStudioUrl, studioHref, type StudioView } from './studio-url.js';
import { UsersPage } from './users/UsersPage.js';

type SessionState = { kind: 'checking' } | { kind: 'signed-out' } | { kind: 'signed-in'; user: StudioUser };

const TITLES: Record<StudioView['screen'], string> = {
  home: 'Dashboard',
  assessment: 'Assessment',
  edition: 'Edition',
  calibrate: 'Calibration',
  users: 'Users',
  entities: 'Entities',
  corrections: 'Corrections',
};

function StudioNav({ user, view, onSignOut }: { user: StudioUser; view: StudioView | null; onSignOut(): void }) {
  const links: { href: string; label: string; screen: StudioView['screen'] }[] = [
    { href: studioHref({ screen: 'home' }), label: 'Dashboard', screen: 'home' },
    {
      href: studioHref({ screen: 'calibrate', edition: null, indicator: null, region: null, sort: 'name' }),
      label: 'Calibrate',
      screen: 'calibrate',
    },
    {
      href: studioHref({ screen: 'corrections', edition: null, state: null }),
      label: 'Corrections',
      screen: 'corrections',
    },
  ];
  // Editors read the registry; admins change it (the API's rules: listRegistry for editors, changes for admins).
  if (roleAllows(user.role, ['editor']))
    links.push({ href: studioHref({ screen: 'entities', q: '' }), label: 'Entities', screen: 'entities' });
  if (user.role === 'admin') links.push({ href: studioHref({ screen: 'users' }), label: 'Users', screen: 'users' });
  return (
    <nav class="studio-nav" aria-label="Studio">
      <ul>
        {links.map((l) => (
          <li key={l.href}>
            <a href={l.href} aria-current={view?.screen === l.screen ? 'page' : undefined}>
              {l.label}
            </a>
          </li>
        ))}
      </ul>
      <p class="studio-user">
        {user.name} <span class="subtle">({user.role})</span>{' '}
        <button type="button" class="link-button" onClick={onSignOut}>
          Sign out
        </button>
      </p>
    </nav>
  );
}

function Screen({ view }: { view: StudioView | null }) {
  if (!view) {
    return (
      <div role="alert">
        <h1>No such studio page</h1>
        <p>
          <a href="/studio">Back to the dashboard</a>
        </p>
      </div>
    );
  }
  switch (view.screen) {
    case 'home':
      return <Dashboard />;
    case 'assessment':
      return <AssessmentPage key={view.id} id={view.id} />;
    case 'edition':
      return <EditionBoard key={view.edition} edition={view.edition} />;
    case 'calibrate':
      return <CalibratePage view={view} />;
    case 'users':
      return <UsersPage />;
    case 'entities':
      return <EntitiesPage q={view.q} />;
    case 'corrections':
      return <CorrectionsPage key={`${view.edition}-${view.state}`} edition={view.edition} state={view.state} />;
  }
}

/**
 * The studio: checks the session, asks for sign-in (and a new password after
 * a one-time one), then shows the screen the address names. Links inside the
 * studio change screens in place; the address always says where one is.
 */
export function StudioApp({ api }: { api: StudioApi }) {
  const [session, setSession] = useState<SessionState>({ kind: 'checking' });
  const [mustChange, setMustChange] = useState(false);
  const [location_, setLocation] = useState(() => ({ path: location.pathname, search: location.search }));
  const [reauth, setReauth] = useState<((ok: boolean) => void) | null>(null);
  const reauthRef = useRef(reauth);
  reauthRef.current = reauth;

  const checkSession = useCallback(async () => {
    const me = await api.me();
    if (me.ok) {
      setSession({ kind: 'signed-in', user: me.body.user });
      setMustChange(me.body.user.mustChangePassword);
    } else {
      setSession({ kind: 'signed-out' });
    }
  }, [api]);

  useEffect(() => {
    void checkSession();
  }, [checkSession]);

  const navigate = useCallback((href: string) => {
    const url = new URL(href, location.href);
    history.pushState(null, '', url);
    setLocation({ path: url.pathname, search: url.search });
    window.scrollTo(0, 0);
    document.getElementById('main')?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      const anchor = (event.target as Element | null)?.closest?.('a');
      if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
      const url = new URL(anchor.href, location.href);
      if (url.origin !== location.origin || !url.pathname.startsWith('/studio')) return;
      if (!readStudioUrl(url.pathname, url.search)) return;
      event.preventDefault();
      navigate(url.pathname + url.search);
    };
    const onPop = () => setLocation({ path: location.pathname, search: location.search });
    document.addEventListener('click', onClick);
    window.addEventListener('popstate', onPop);
    return () => {
      document.removeEventListener('click', onClick);
      window.removeEventListener('popstate', onPop);
    };
  }, [navigate]);

  const view = readStudioUrl(location_.path, location_.search);
  useEffect(() => {
    document.title = `${view ? TITLES[view.screen] : 'Not found'} — Studio — Freedom Ratings`;
  }, [view?.screen]);

  const signInAgain = useCallback(
    () =>
      new Promise<boolean>((resolve) => {
        setReauth(() => resolve);
      }),
    [],
  );

  const context = useMemo<StudioContextValue | null>(
    () => (session.kind === 'signed-in' ? { api, user: session.user, navigate, signInAgain } : null),
    [api, session, navigate, signInAgain],
  );

  const signOut = async () => {
    await api.logout();
    setSession({ kind: 'signed-out' });
    navigate('/studio');
  };

  let body;
  if (session.kind === 'checking') body = <p role="status">Loading the studio…</p>;
  else if (session.kind === 'signed-out')
    body = (
      <SignIn
        api={api}
        onSignedIn={(s) => {
          setSession({ kind: 'signed-in', user: s.user });
          setMustChange(s.user.mustChangePassword);
        }}
      />
    );
  else if (mustChange)
    body = (
      <ChangePassword
        api={api}
        onChanged={() => {
          setMustChange(false);
          void checkSession();
        }}
      />
    );
  else
    body = (
      <StudioContext.Provider value={context}>
        <StudioNav user={session.user} view={view} onSignOut={() => void signOut()} />
        <Screen view={view} />
      </StudioContext.Provider>
    );

  return (
    <Shell current={null}>
      <div class="studio">{body}</div>
      {reauth && (
        <div class="studio-dialog" role="dialog" aria-modal="true" aria-labelledby="sign-in-heading">
          <SignIn
            api={api}
            heading="Your session ended — sign in again (your edits are kept)"
            onSignedIn={(s) => {
              setSession({ kind: 'signed-in', user: s.user });
              reauthRef.current?.(true);
              setReauth(null);
            }}
          />
        </div>
      )}
    </Shell>
  );
}
