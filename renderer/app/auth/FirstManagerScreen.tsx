// The first start of a desk where nobody can sign in: the person setting it up
// becomes its first manager, and adds everyone else afterwards.
import { useState } from 'preact/hooks';
import { useServices } from '../services.ts';

export function FirstManagerScreen(props: { onDone: () => void }) {
  const { operations } = useServices();
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<{ name?: string; secret?: string; again?: string }>({});

  const submit = async (event: Event) => {
    event.preventDefault();
    if (secret !== again) return setErrors({ again: 'The two entries are not the same.' });
    const result = await operations.createFirstManager({ name, secret });
    if (!result.ok) {
      const field = result.error.field === 'name' ? 'name' : 'secret';
      return setErrors({ [field]: result.error.message });
    }
    setErrors({});
    props.onDone();
  };

  const field = (
    id: 'name' | 'secret' | 'again',
    label: string,
    value: string,
    set: (v: string) => void,
    type = 'password',
  ) => (
    <div class={errors[id] ? 'field field--invalid' : 'field'}>
      <label for={`first-${id}`}>{label}</label>
      <input
        id={`first-${id}`}
        name={id}
        type={type}
        autoComplete="off"
        value={value}
        aria-invalid={errors[id] ? true : undefined}
        aria-describedby={errors[id] ? `first-${id}-error` : undefined}
        onInput={(event) => set(event.currentTarget.value)}
      />
      {errors[id] ? (
        <small id={`first-${id}-error`} class="field__error" role="alert">
          {errors[id]}
        </small>
      ) : null}
    </div>
  );

  return (
    <main class="auth-screen">
      <form class="auth-card" onSubmit={submit} aria-labelledby="first-title">
        <h1 id="first-title">Set up this desk</h1>
        <p>
          Nobody can sign in here yet. You will be this desk’s first manager: you can then add
          reception staff and other managers.
        </p>
        {field('name', 'Your name', name, setName, 'text')}
        {field(
          'secret',
          'PIN (4 to 8 digits) or password (10 characters or more)',
          secret,
          setSecret,
        )}
        {field('again', 'The same again', again, setAgain)}
        <div class="form__actions">
          <button type="submit" class="button button--primary">
            Create manager and sign in
          </button>
        </div>
      </form>
    </main>
  );
}
