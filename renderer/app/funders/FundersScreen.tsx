import { NotYetScreen } from '../NotYetScreen.tsx';

export function FundersScreen() {
  return <NotYetScreen title="Funders" what="Funders and their statements" />;
}
