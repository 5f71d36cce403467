// The status bar's part: who is signed in, "Switch user" and "Lock", and for
// managers the Staff and Audit screens.
import { useServices } from '../services.ts';
import { adminView, authStatus, session, switching } from './auth-state.ts';

export function StaffMenu() {
  const { operations } = useServices();
  const person = session.value;
  if (!person) return null;
  const lock = async (switchUser: boolean) => {
    switching.value = switchUser;
    adminView.value = null;
    await operations.lock({});
    const status = await operations.authStatus({});
    if (status.ok) authStatus.value = status.value;
  };
  return (
    <span class="staff-menu">
      <span>
        Signed in: <strong>{person.name}</strong> (
        {person.role === 'manager' ? 'manager' : 'reception'})
      </span>
      <button type="button" class="status-bar__item" onClick={() => void lock(true)}>
        Switch user
      </button>
      <button type="button" class="status-bar__item" onClick={() => void lock(false)}>
        Lock
      </button>
      {person.role === 'manager' ? (
        <>
          <button
            type="button"
            class="status-bar__item"
            onClick={() => (adminView.value = 'staff')}
          >
            Staff
          </button>
          <button
            type="button"
            class="status-bar__item"
            onClick={() => (adminView.value = 'audit')}
          >
            Audit
          </button>
        </>
      ) : null}
    </span>
  );
}
