// The first run of a desk: set up a new clinic in a few steps (every field has
// a default and is checked as you type; Enter moves on), restore a backup, or
// open the demo clinic. Nothing is written until "Finish setup", which sends
// everything in one operation that writes it all or nothing.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useServices } from '../services.ts';
import type { SetupStatus } from '../../../shared/contract/domains/setup.ts';
import {
  checkField,
  checkStep,
  FIELDS_OF_STEP,
  fieldOfServerError,
  initialValues,
  setupArguments,
  stepOfField,
  STEPS,
  type WizardField,
  type WizardStep,
  type WizardValues,
} from './wizard-fields.ts';
import { RestoreForm } from './RestoreForm.tsx';
import './first-run.css';

type Path = 'choose' | 'new' | 'restore' | 'demo';

const STEP_TITLES: Record<WizardStep, string> = {
  clinic: 'Your clinic',
  desk: 'This desk',
  manager: 'The first manager',
  backups: 'Backups',
  review: 'Ready to start',
};

interface FieldSpec {
  label: string;
  hint?: string;
  type?: 'text' | 'password';
  list?: string;
}

const FIELD_SPECS: Record<WizardField, FieldSpec> = {
  clinicName: { label: 'Clinic name', hint: 'As it appears on receipts and statements.' },
  currency: {
    label: 'Currency',
    hint: 'ISO code, e.g. AUD, NZD, GBP.',
    list: 'first-run-currencies',
  },
  timeZone: { label: 'Time zone', hint: 'Days and reports follow it.', list: 'first-run-zones' },
  locale: { label: 'Locale', hint: 'How dates and money are written, e.g. en-AU.' },
  deskName: { label: 'Desk name', hint: 'e.g. Front desk, Upstairs.' },
  numberPrefix: {
    label: 'Number prefix',
    hint: 'Starts this desk’s invoice and receipt numbers. Each desk needs its own.',
  },
  managerName: { label: 'Your name' },
  secret: {
    label: 'PIN or password',
    hint: 'A PIN of 4 to 8 digits, or a password of 10 characters or more.',
    type: 'password',
  },
  secretAgain: { label: 'The same again', type: 'password' },
  backupFolder: {
    label: 'Backup folder (optional)',
    hint: 'A second disk, USB drive or network share, e.g. D:\\Backups. Leave empty to choose later in Settings.',
  },
};

const CURRENCIES = ['AUD', 'NZD', 'GBP', 'EUR', 'USD', 'CAD', 'SGD', 'ZAR'];

function zones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

export function FirstRunWizard(props: {
  status: SetupStatus;
  onDone: () => void;
  onRestart: () => void;
}) {
  const { operations } = useServices();
  const [path, setPath] = useState<Path>('choose');
  const [stepIndex, setStepIndex] = useState(0);
  const [values, setValues] = useState<WizardValues>(() => initialValues(props.status.defaults));
  const [touched, setTouched] = useState<Partial<Record<WizardField, boolean>>>({});
  const [serverErrors, setServerErrors] = useState<Partial<Record<WizardField, string>>>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const step = STEPS[stepIndex] ?? 'clinic';

  // Focus follows the step: its first field, or the heading of the review.
  useEffect(() => {
    const first =
      path === 'choose'
        ? document.querySelector<HTMLElement>('.first-run__choices button')
        : document.querySelector<HTMLElement>('.first-run form input');
    (first ?? headingRef.current)?.focus();
  }, [path, stepIndex]);

  const errorOf = (field: WizardField): string => {
    if (serverErrors[field]) return serverErrors[field];
    return touched[field] ? checkField(field, values) : '';
  };

  const set = (field: WizardField, value: string) => {
    setValues({ ...values, [field]: value });
    setTouched({ ...touched, [field]: true });
    setServerErrors({ ...serverErrors, [field]: undefined });
  };

  const next = async (event: Event) => {
    event.preventDefault();
    const errors = checkStep(step, values);
    const fields = Object.keys(errors) as WizardField[];
    if (fields.length > 0) {
      setTouched({ ...touched, ...Object.fromEntries(fields.map((f) => [f, true])) });
      document.querySelector<HTMLInputElement>(`.first-run [name="${fields[0]}"]`)?.focus();
      return;
    }
    if (step !== 'review') return setStepIndex(stepIndex + 1);
    setBusy(true);
    setFormError('');
    const result = await operations.completeSetup(setupArguments(values));
    setBusy(false);
    if (result.ok) return props.onDone();
    const field = fieldOfServerError(result.error.field);
    if (field) {
      setServerErrors({ [field]: result.error.message });
      setStepIndex(STEPS.indexOf(stepOfField(field)));
    } else setFormError(result.error.message);
  };

  const openDemo = async () => {
    setPath('demo');
    setBusy(true);
    setFormError('');
    const result = await operations.openDemoClinic({});
    setBusy(false);
    if (result.ok) props.onRestart();
    else setFormError(result.error.message);
  };

  if (path === 'choose') {
    return (
      <main class="first-run">
        <section class="first-run__card" aria-labelledby="first-run-title">
          <h1 id="first-run-title" ref={headingRef} tabIndex={-1}>
            Welcome to Punchcard
          </h1>
          <p>Let’s get this desk ready. It takes a couple of minutes.</p>
          <div class="first-run__choices">
            <button
              type="button"
              class="button button--primary"
              autoFocus
              onClick={() => setPath('new')}
            >
              Set up a new clinic
            </button>
            <button type="button" class="button" onClick={() => setPath('restore')}>
              Restore from a backup
            </button>
            {props.status.demoAvailable ? (
              <button type="button" class="button" onClick={() => void openDemo()}>
                Open the demo clinic
              </button>
            ) : null}
          </div>
          <p class="first-run__help">
            Moving from another system? Set up the clinic first, then import your patients and their
            balances (Import, in the menu).
          </p>
        </section>
      </main>
    );
  }

  if (path === 'demo') {
    return (
      <main class="first-run">
        <section class="first-run__card" aria-labelledby="first-run-title" aria-busy={busy}>
          <h1 id="first-run-title" ref={headingRef} tabIndex={-1}>
            The demo clinic
          </h1>
          {busy ? (
            <p role="status">Making the demo clinic: 200 patients and five years of visits…</p>
          ) : null}
          {formError ? (
            <p class="first-run__error" role="alert">
              {formError}
            </p>
          ) : null}
          <button type="button" class="button" disabled={busy} onClick={() => setPath('choose')}>
            Back
          </button>
        </section>
      </main>
    );
  }

  if (path === 'restore') {
    return <RestoreForm onBack={() => setPath('choose')} onRestored={props.onRestart} />;
  }

  return (
    <main class="first-run">
      <form class="first-run__card" onSubmit={next} aria-labelledby="first-run-title" noValidate>
        <p class="first-run__progress">
          Step {stepIndex + 1} of {STEPS.length}
        </p>
        <h1 id="first-run-title" ref={headingRef} tabIndex={-1}>
          {STEP_TITLES[step]}
        </h1>
        {step === 'manager' ? (
          <p>
            You will be this desk’s first manager: you can add reception staff and other managers
            afterwards.
          </p>
        ) : null}
        {step === 'backups' ? (
          <p>
            Every night Punchcard writes a verified backup there. You can skip this and choose a
            folder later.
          </p>
        ) : null}
        {step === 'review' ? <Review values={values} /> : null}
        {step !== 'review'
          ? FIELDS_OF_STEP[step].map((field) => (
              <WizardInput
                key={field}
                field={field}
                value={values[field]}
                error={errorOf(field)}
                onInput={(value) => set(field, value)}
                onBlur={() => setTouched({ ...touched, [field]: true })}
              />
            ))
          : null}
        <datalist id="first-run-currencies">
          {CURRENCIES.map((code) => (
            <option key={code} value={code} />
          ))}
        </datalist>
        <datalist id="first-run-zones">
          {zones().map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        {formError ? (
          <p class="first-run__error" role="alert">
            {formError}
          </p>
        ) : null}
        <div class="form__actions">
          <button
            type="button"
            class="button"
            disabled={busy}
            onClick={() => (stepIndex === 0 ? setPath('choose') : setStepIndex(stepIndex - 1))}
          >
            Back
          </button>
          {step === 'backups' ? (
            <button
              type="button"
              class="button"
              disabled={busy}
              onClick={() => {
                setValues({ ...values, backupFolder: '' });
                setStepIndex(stepIndex + 1);
              }}
            >
              Skip for now
            </button>
          ) : null}
          <button type="submit" class="button button--primary" disabled={busy}>
            {step === 'review' ? (busy ? 'Setting up…' : 'Finish setup') : 'Next'}
          </button>
        </div>
      </form>
    </main>
  );
}

function WizardInput(props: {
  field: WizardField;
  value: string;
  error: string;
  onInput: (value: string) => void;
  onBlur: () => void;
}) {
  const spec = FIELD_SPECS[props.field];
  const id = `first-run-${props.field}`;
  const described = [spec.hint ? `${id}-hint` : '', props.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div class={props.error ? 'field field--invalid' : 'field'}>
      <label for={id}>{spec.label}</label>
      <input
        id={id}
        name={props.field}
        type={spec.type ?? 'text'}
        autoComplete="off"
        list={spec.list}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described || undefined}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        onBlur={props.onBlur}
      />
      {spec.hint ? (
        <small id={`${id}-hint`} class="field__hint">
          {spec.hint}
        </small>
      ) : null}
      {props.error ? (
        <small id={`${id}-error`} class="field__error" role="alert">
          {props.error}
        </small>
      ) : null}
    </div>
  );
}

function Review(props: { values: WizardValues }) {
  const v = props.values;
  const rows: [string, string][] = [
    ['Clinic', v.clinicName],
    ['Currency, time zone, locale', `${v.currency.toUpperCase()}, ${v.timeZone}, ${v.locale}`],
    ['This desk', `${v.deskName} (numbers start ${v.numberPrefix.toUpperCase()}-)`],
    ['First manager', v.managerName],
    ['Backups', v.backupFolder || 'Not yet (choose a folder in Settings → Backups)'],
  ];
  return (
    <dl class="first-run__review">
      {rows.map(([term, detail]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{detail}</dd>
        </div>
      ))}
    </dl>
  );
}
