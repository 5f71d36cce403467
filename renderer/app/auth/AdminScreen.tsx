// A manager's screen opened from the status bar, shown instead of the current one.
import { AuditScreen } from '../audit/AuditScreen.tsx';
import { adminView } from './auth-state.ts';
import { StaffScreen } from './StaffScreen.tsx';

export function AdminScreen() {
  return adminView.value === 'audit' ? <AuditScreen /> : <StaffScreen />;
}
