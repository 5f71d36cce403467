// Who is at the desk: choose your name, type your PIN or password. Also the
// screen a locked desk shows, with the last person chosen for them.
import { useState } from 'preact/hooks';
import { useServices } from '../services.ts';
import { authStatus, switching } from './auth-state.ts';

export function SignInScreen(props: { onDone: () => void }) {
  const { operations } = useServices();
  const status = authStatus.value;
  const staff = status?.staff ?? [];
  const preselected = switching.value ? '' : (status?.lastStaffId ?? '');
  const [staffId, setStaffId] = useState(
    staff.some((s) => s.id === preselected) ? preselected : '',
  );
  const [secret, setSecret] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!staffId) return setError('Choose who you are.');
    setBusy(true);
    const result = await operations.signIn({ staffId, secret });
    setBusy(false);
    setSecret('');
    if (!result.ok) return setError(result.error.message);
    switching.value = false;
    setError('');
    props.onDone();
  };

  return (
    <main class="auth-screen">
      <form class="auth-card" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Sign in</h1>
        {staff.length === 0 ? (
          <p>Nobody can sign in at this desk yet. Ask a manager to add you.</p>
        ) : (
          <fieldset class="auth-card__people">
            <legend>Who are you?</legend>
            {staff.map((person) => (
              <label key={person.id} class="auth-card__person">
                <input
                  type="radio"
                  name="staff"
                  value={person.id}
                  checked={staffId === person.id}
                  onChange={() => {
                    setStaffId(person.id);
                    setError('');
                  }}
                />
                <span>{person.name}</span>
                <small>{person.role === 'manager' ? 'Manager' : 'Reception'}</small>
              </label>
            ))}
          </fieldset>
        )}
        <div class={error ? 'field field--invalid' : 'field'}>
          <label for="sign-in-secret">PIN or password</label>
          <input
            id="sign-in-secret"
            name="secret"
            type="password"
            autoComplete="off"
            autoFocus={Boolean(staffId)}
            value={secret}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'sign-in-error' : undefined}
            onInput={(event) => setSecret(event.currentTarget.value)}
          />
          {error ? (
            <small id="sign-in-error" class="field__error" role="alert">
              {error}
            </small>
          ) : null}
        </div>
        <div class="form__actions">
          <button type="submit" class="button button--primary" disabled={busy || !secret}>
            Sign in
          </button>
        </div>
        <p class="auth-card__help">
          Forgotten your PIN? A manager can set a new one. If no manager can sign in, see “Forgotten
          manager PIN” in the README.
        </p>
      </form>
    </main>
  );
}
