// The app shell: navigation, the current screen, the status bar, and the
// keyboard shortcuts that work from anywhere.
import { useEffect } from 'preact/hooks';
import { CalendarDays, Users, HandCoins, ChartColumn, Settings } from 'lucide-preact';
import { currentScreen, focusSearchRequest, screens, type ScreenId } from './navigation.ts';
import { PatientsScreen } from './patients/PatientsScreen.tsx';
import { StatusBar } from './StatusBar.tsx';
import { AuthGate } from './auth/AuthGate.tsx';
import { AdminScreen } from './auth/AdminScreen.tsx';
import { adminView } from './auth/auth-state.ts';
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

/** The app behind the sign-in gate: nothing of it is on the page while the desk is locked. */
export function App() {
  return (
    <AuthGate>
      <Shell />
    </AuthGate>
  );
}

function Shell() {
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
      </nav>
      <main class="main" id="main">
        {adminView.value ? <AdminScreen /> : <CurrentScreen />}
      </main>
      <StatusBar />
    </div>
  );
}
