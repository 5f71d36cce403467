import { NotYetScreen } from '../NotYetScreen.tsx';

export function TodayScreen() {
  return <NotYetScreen title="Today" what="The day's appointments" />;
}
