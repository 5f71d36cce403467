// The sign-in gate around the app's shell. Nothing of the shell (and so no
// patient data) is on the page unless someone is signed in. The main process
// decides: this gate asks it (on start, every 15 s, and whenever an operation
// is refused as "not signed in") and reports the person's activity to it.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import { ServicesContext, useServices } from '../services.ts';
import { authStatus, session } from './auth-state.ts';
import { guardOperations } from './guard-operations.ts';
import { SignInScreen } from './SignInScreen.tsx';
import { FirstManagerScreen } from './FirstManagerScreen.tsx';
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
  const guarded = useMemo(
    () => ({ ...services, operations: guardOperations(operations, refresh) }),
    [services, refresh],
  );

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
  return <ServicesContext.Provider value={guarded}>{props.children}</ServicesContext.Provider>;
}
