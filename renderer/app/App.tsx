// The app shell: navigation, the current screen, the status bar, and the
// keyboard shortcuts that work from anywhere.
import { useEffect, useState } from 'preact/hooks';
import { CalendarDays, Users, HandCoins, ChartColumn, Settings, FileUp, Info } from 'lucide-preact';
import { currentScreen, focusSearchRequest, screens, type ScreenId } from './navigation.ts';
import { PatientsScreen } from './patients/PatientsScreen.tsx';
import { StatusBar } from './StatusBar.tsx';
import { AuthGate } from './auth/AuthGate.tsx';
import { AdminScreen } from './auth/AdminScreen.tsx';
import { adminView, session } from './auth/auth-state.ts';
import { SetupGate } from './first-run/SetupGate.tsx';
import { ImportScreen } from './import/ImportScreen.tsx';
import { importOpen } from './import/import-state.ts';
import { AboutDialog } from './about/AboutDialog.tsx';
import { ReportsScreen } from './reports/ReportsScreen.tsx';
import { SettingsScreen } from './settings/SettingsScreen.tsx';
import { TodayScreen } from './today/TodayScreen.tsx';
import { PatientRecordScreen } from './record/PatientRecordScreen.tsx';
import { FundersScreen } from './funders/FundersScreen.tsx';

const icons: Record<Exclude<ScreenId, 'patient'>, typeof Users> = {
  today: CalendarDays,
  patients: Users,
  funders: HandCoins,
  reports: ChartColumn,
  settings: Settings,
};

function CurrentScreen() {
  switch (currentScreen.value) {
    case 'patients':
      return <PatientsScreen />;
    case 'patient':
      return <PatientRecordScreen />;
    case 'today':
      return <TodayScreen />;
    case 'funders':
      return <FundersScreen />;
    case 'reports':
      return <ReportsScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}

/**
 * The app behind the first-run wizard (a desk that is not set up shows only the wizard)
 * and the sign-in gate (nothing of it is on the page while the desk is locked).
 */
export function App() {
  return (
    <SetupGate>
      <AuthGate>
        <Shell />
      </AuthGate>
    </SetupGate>
  );
}

function Shell() {
  const [aboutOpen, setAboutOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        currentScreen.value = 'patients';
        focusSearchRequest.value += 1;
      } else if (event.altKey && /^[1-5]$/.test(event.key)) {
        const screen = screens[Number(event.key) - 1];
        if (screen) currentScreen.value = screen.id;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div class="shell">
      <nav class="nav" aria-label="Main">
        <div class="nav__brand">Punchcard</div>
        <ul>
          {screens.map((screen) => {
            const Icon = icons[screen.id];
            const current =
              currentScreen.value === screen.id ||
              (screen.id === 'patients' && currentScreen.value === 'patient');
            return (
              <li key={screen.id}>
                <button
                  type="button"
                  class={current ? 'nav__item nav__item--current' : 'nav__item'}
                  aria-current={current ? 'page' : undefined}
                  aria-keyshortcuts={screen.shortcut}
                  onClick={() => {
                    adminView.value = null;
                    importOpen.value = false;
                    currentScreen.value = screen.id;
                  }}
                >
                  <Icon size={18} aria-hidden="true" />
                  <span>{screen.label}</span>
                </button>
              </li>
            );
          })}
        </ul>
        <div class="nav__extra">
          {session.value?.role === 'manager' ? (
            <button
              type="button"
              class={importOpen.value ? 'nav__item nav__item--current' : 'nav__item'}
              aria-current={importOpen.value ? 'page' : undefined}
              onClick={() => {
                adminView.value = null;
                importOpen.value = true;
              }}
            >
              <FileUp size={18} aria-hidden="true" />
              <span>Import</span>
            </button>
          ) : null}
          <button type="button" class="nav__item" onClick={() => setAboutOpen(true)}>
            <Info size={18} aria-hidden="true" />
            <span>About</span>
          </button>
        </div>
      </nav>
      <main class="main" id="main">
        {importOpen.value ? (
          <ImportScreen onClose={() => (importOpen.value = false)} />
        ) : adminView.value ? (
          <AdminScreen />
        ) : (
          <CurrentScreen />
        )}
      </main>
      {aboutOpen ? <AboutDialog onClose={() => setAboutOpen(false)} /> : null}
      <StatusBar />
    </div>
  );
}
