// Staff and security (managers): who can sign in at this desk and how, adding
// staff with a PIN, setting someone's PIN, and when the desk locks itself.
import { useEffect, useState } from 'preact/hooks';
import type { StaffListItem } from '../../../shared/contract/domains/auth.ts';
import { useServices } from '../services.ts';
import { authStatus } from './auth-state.ts';

export function StaffScreen() {
  const { operations } = useServices();
  const [staff, setStaff] = useState<StaffListItem[]>([]);
  const [tick, setTick] = useState(0);
  const [name, setName] = useState('');
  const [role, setRole] = useState<'reception' | 'manager'>('reception');
  const [secret, setSecret] = useState('');
  const [pinFor, setPinFor] = useState('');
  const [newPin, setNewPin] = useState('');
  const [minutes, setMinutes] = useState(String(authStatus.value?.idleLockMinutes ?? 10));
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    void operations.listStaff({}).then((result) => {
      if (result.ok) setStaff(result.value);
    });
  }, [tick]);

  const report = (result: { ok: boolean; error?: { message: string } }, done: string) => {
    setMessage(
      result.ok ? { text: done, error: false } : { text: result.error!.message, error: true },
    );
    if (result.ok) setTick((n) => n + 1);
    return result.ok;
  };

  const add = async (event: Event) => {
    event.preventDefault();
    const result = await operations.addStaff({ name, role, secret });
    if (report(result, `${name} can now sign in at this desk.`)) {
      setName('');
      setSecret('');
    }
  };

  const setPin = async (event: Event) => {
    event.preventDefault();
    const person = staff.find((s) => s.id === pinFor);
    const result = await operations.setStaffSecret({ staffId: pinFor, secret: newPin });
    if (report(result, `${person?.name ?? 'Their'} new PIN or password is set.`)) setNewPin('');
  };

  const saveLock = async (event: Event) => {
    event.preventDefault();
    const result = await operations.setIdleLock({ minutes: Number(minutes) });
    report(result, `The desk now locks after ${minutes} minutes without use.`);
  };

  return (
    <div class="screen">
      <header class="screen__header">
        <h1>Staff and sign-in</h1>
      </header>
      {message ? (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'form__error' : ''}>
          {message.text}
        </p>
      ) : null}
      <table class="table" aria-label="Staff">
        <thead>
          <tr>
            <th>Name</th>
            <th>Role</th>
            <th>Signs in with</th>
            <th>Active</th>
          </tr>
        </thead>
        <tbody>
          {staff.map((person) => (
            <tr key={person.id}>
              <td>{person.name}</td>
              <td>{person.role === 'manager' ? 'Manager' : 'Reception'}</td>
              <td>
                {person.secretKind === 'pin'
                  ? 'PIN'
                  : person.secretKind === 'password'
                    ? 'Password'
                    : 'Cannot sign in here'}
              </td>
              <td>{person.active ? 'Yes' : 'No'}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <form class="form" onSubmit={add} aria-labelledby="add-staff-title">
        <h2 id="add-staff-title">Add staff</h2>
        <div class="form__row">
          <div class="field">
            <label for="staff-name">Name</label>
            <input id="staff-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="staff-role">Role</label>
            <select
              id="staff-role"
              value={role}
              onChange={(e) => setRole(e.currentTarget.value as 'reception' | 'manager')}
            >
              <option value="reception">Reception</option>
              <option value="manager">Manager</option>
            </select>
          </div>
          <div class="field">
            <label for="staff-secret">PIN or password</label>
            <input
              id="staff-secret"
              type="password"
              autoComplete="new-password"
              value={secret}
              onInput={(e) => setSecret(e.currentTarget.value)}
            />
          </div>
        </div>
        <div class="form__actions">
          <button type="submit" class="button button--primary">
            Add staff member
          </button>
        </div>
      </form>

      <form class="form" onSubmit={setPin} aria-labelledby="set-pin-title">
        <h2 id="set-pin-title">Set a PIN or password</h2>
        <div class="form__row">
          <div class="field">
            <label for="pin-person">Staff member</label>
            <select
              id="pin-person"
              value={pinFor}
              onChange={(e) => setPinFor(e.currentTarget.value)}
            >
              <option value="">Choose…</option>
              {staff.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="pin-new">New PIN or password</label>
            <input
              id="pin-new"
              type="password"
              autoComplete="new-password"
              value={newPin}
              onInput={(e) => setNewPin(e.currentTarget.value)}
            />
          </div>
        </div>
        <div class="form__actions">
          <button type="submit" class="button" disabled={!pinFor}>
            Set
          </button>
        </div>
      </form>

      <form class="form" onSubmit={saveLock} aria-labelledby="idle-title">
        <h2 id="idle-title">Automatic lock</h2>
        <div class="field">
          <label for="idle-minutes">Lock this desk after this many minutes without use</label>
          <input
            id="idle-minutes"
            type="number"
            min={1}
            max={240}
            value={minutes}
            onInput={(e) => setMinutes(e.currentTarget.value)}
          />
        </div>
        <div class="form__actions">
          <button type="submit" class="button">
            Save
          </button>
        </div>
      </form>
    </div>
  );
}
