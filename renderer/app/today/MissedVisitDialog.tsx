// Cancel an appointment (early or late) or mark a no-show. Before the desk
// confirms, it says what the package plan's policy will do: use a session, or
// allow a fee, or nothing. These cannot be undone from Today.
import { useId, useState } from 'preact/hooks';
import type { Appointment } from '../../../shared/ledger/index.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { MoneyField, moneyProblem } from '../ui/MoneyField.tsx';
import { useServices } from '../services.ts';
import { usePatientAccount } from './use-accounts.ts';
import { missedVisitPolicy } from './missed-visit-policy.ts';
import { formErrorOf, type FormError } from './field-error.ts';
import type { Clinic } from '../data/clinic.ts';

export interface MissedVisitDialogProps {
  kind: 'cancel' | 'noShow';
  appointment: Appointment;
  /** "Ada Lovelace at 09:30" */
  what: string;
  clinic: Clinic;
  onClose: () => void;
  onDone: (message: string) => void;
}

export function MissedVisitDialog(props: MissedVisitDialogProps) {
  const { operations } = useServices();
  const account = usePatientAccount(props.appointment.patientId);
  const [late, setLate] = useState<boolean | null>(props.kind === 'noShow' ? true : null);
  const [fee, setFee] = useState('');
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<FormError | null>(null);
  const [tried, setTried] = useState(false);
  const groupId = useId();
  const policyId = useId();

  const policy =
    late === true
      ? missedVisitPolicy(
          props.appointment,
          account,
          props.kind === 'noShow' ? 'noShow' : 'lateCancel',
          new Date().toISOString(),
        )
      : null;
  const feeAllowed = policy !== null && !policy.usesSession;
  const feeProblem = feeAllowed ? moneyProblem(fee, props.clinic.currency, true) : '';
  const title = props.kind === 'noShow' ? 'Mark no-show' : 'Cancel appointment';

  const submit = async (event: Event) => {
    event.preventDefault();
    setTried(true);
    setServerError(null);
    if (late === null || feeProblem) return;
    setSaving(true);
    const feeArgs = feeAllowed && fee.trim() ? { fee: fee.trim() } : {};
    const result =
      props.kind === 'noShow'
        ? await operations.markNoShow({ appointmentId: props.appointment.id, ...feeArgs })
        : await operations.cancelAppointment({
            appointmentId: props.appointment.id,
            late,
            ...feeArgs,
          });
    setSaving(false);
    if (!result.ok) {
      setServerError(formErrorOf(result.error, { fee: 'fee', late: 'late' }));
      return;
    }
    const charge =
      result.value.charge === 'session'
        ? 'A package session was used.'
        : result.value.charge === 'fee'
          ? `A fee of ${props.clinic.money(fee.trim())} was invoiced.`
          : 'Nothing was charged.';
    props.onDone(
      `${props.kind === 'noShow' ? 'No-show recorded' : 'Cancelled'}: ${props.what}. ${charge}`,
    );
    props.onClose();
  };

  return (
    <Dialog title={title} onClose={props.onClose}>
      <form class="form" onSubmit={(event) => void submit(event)} noValidate>
        <p class="today__dialog-what">{props.what}</p>
        {props.kind === 'cancel' ? (
          <fieldset
            class={tried && late === null ? 'choice field--invalid' : 'choice'}
            aria-describedby={groupId}
          >
            <legend>When did they cancel?</legend>
            <label class="choice__option">
              <input
                type="radio"
                name="late"
                checked={late === false}
                onChange={() => setLate(false)}
              />
              Early — with enough notice (no charge)
            </label>
            <label class="choice__option">
              <input
                type="radio"
                name="late"
                checked={late === true}
                onChange={() => setLate(true)}
              />
              Late — inside the notice period
            </label>
            {tried && late === null ? (
              <small id={groupId} class="field__error" role="alert">
                Say whether the cancellation is early or late.
              </small>
            ) : null}
          </fieldset>
        ) : null}
        {policy ? (
          <p id={policyId} class="today__policy" role="status">
            {policy.text}
          </p>
        ) : late === false ? (
          <p class="today__policy" role="status">
            An early cancellation charges nothing and uses no session.
          </p>
        ) : null}
        {feeAllowed ? (
          <MoneyField
            label="Fee (optional)"
            name="fee"
            value={fee}
            onInput={setFee}
            currency={props.clinic.currency}
            optional
            error={serverError?.field === 'fee' ? serverError.message : undefined}
          />
        ) : null}
        {serverError && serverError.field !== 'fee' ? (
          <p class="form__error" role="alert">
            {serverError.message}
          </p>
        ) : null}
        <div class="form__actions">
          <button type="submit" class="button button--danger" disabled={saving}>
            {saving ? 'Saving…' : props.kind === 'noShow' ? 'Mark no-show' : 'Cancel appointment'}
          </button>
          <button type="button" class="button" onClick={props.onClose}>
            Keep the appointment
          </button>
        </div>
      </form>
    </Dialog>
  );
}
