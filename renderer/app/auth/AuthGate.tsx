// The sign-in gate around the app's shell. Nothing of the shell (and so no
// patient data) is on the page unless someone is signed in. The main process
// decides: this gate asks it (on start, every 15 s, and whenever an operation
// or a read is refused as "not signed in") and reports the person's activity
// to it. Each sign-in reads through a database of its own (reader-databases.ts):
// a locked desk sends the page no data, so what was open before is stale after.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PunchcardDatabase } from '../../../shared/db/collections.ts';
import { ServicesContext, useServices } from '../services.ts';
import { authStatus, session } from './auth-state.ts';
import { guardOperations } from './guard-operations.ts';
import { SignInScreen } from './SignInScreen.tsx';
import { FirstManagerScreen } from './FirstManagerScreen.tsx';
import { deskLockedSeen } from './desk-locked-watch.ts';
import { readerDatabases } from './reader-databases.ts';
import './auth.css';

const POLL_MS = 15_000;
/** Activity is reported at most this often (the idle time is in minutes). */
const ACTIVITY_EVERY_MS = 20_000;

export function AuthGate(props: { children: ComponentChildren }) {
  const services = useServices();
  const { operations } = services;
  const refresh = useMemo(
    () => () =>
      void operations.authStatus({}).then((result) => {
        if (result.ok) authStatus.value = result.value;
      }),
    [operations],
  );
  const databases = useMemo(
    () => readerDatabases(services.db, services.openDatabase),
    [services.db, services.openDatabase],
  );
  const [reader, setReader] = useState<{ key: string; db: PunchcardDatabase | null } | null>(null);
  const guarded = useMemo(
    () => ({ ...services, operations: guardOperations(operations, refresh) }),
    [services, refresh],
  );
  const known = authStatus.value !== null;
  const current = authStatus.value?.session;
  const sessionKey = current ? `${current.id}@${current.signedInAt}` : null;

  useEffect(() => {
    if (!known) return;
    let stale = false;
    void databases.forSession(sessionKey).then((db) => {
      if (!stale && sessionKey !== null) setReader({ key: sessionKey, db });
    });
    return () => {
      stale = true;
    };
  }, [databases, known, sessionKey]);

  // A read refused because the desk is locked: ask the main process now.
  const lockedSeen = deskLockedSeen.value;
  useEffect(() => {
    if (lockedSeen > 0) refresh();
  }, [lockedSeen, refresh]);

  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, POLL_MS);
    let lastReport = 0;
    const onActivity = () => {
      const now = Date.now();
      if (!session.value || now - lastReport < ACTIVITY_EVERY_MS) return;
      lastReport = now;
      void operations.reportActivity({}).then((result) => {
        if (result.ok && !result.value.signedIn) refresh();
      });
    };
    window.addEventListener('keydown', onActivity, { capture: true });
    window.addEventListener('pointerdown', onActivity, { capture: true });
    return () => {
      clearInterval(timer);
      window.removeEventListener('keydown', onActivity, { capture: true });
      window.removeEventListener('pointerdown', onActivity, { capture: true });
    };
  }, [refresh]);

  const status = authStatus.value;
  if (!status) return <div class="auth-screen" aria-busy="true" />;
  if (!status.session) {
    return status.firstRun ? (
      <FirstManagerScreen onDone={refresh} />
    ) : (
      <SignInScreen onDone={refresh} />
    );
  }
  if (!reader || reader.key !== sessionKey) return <div class="auth-screen" aria-busy="true" />;
  if (!reader.db) {
    return (
      <main class="auth-screen" role="alert">
        The desk's data could not be opened. Close this window and open Punchcard again.
      </main>
    );
  }
  return (
    <ServicesContext.Provider value={{ ...guarded, db: reader.db }}>
      {props.children}
    </ServicesContext.Provider>
  );
}
