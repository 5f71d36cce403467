// Move a booked appointment to a new day and time (and practitioner).
import { useState } from 'preact/hooks';
import type { Appointment } from '../../../shared/ledger/index.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { FormActions, FormAlert } from '../ui/FormActions.tsx';
import { TextField } from '../ui/TextField.tsx';
import { useServices } from '../services.ts';
import { localDateText, localMoment, localTimeText } from './day.ts';
import { practitionerIdFrom, practitionerName } from './practitioner.ts';
import { useCatalog } from '../data/use-catalog.ts';
import { formErrorOf, type FormError } from './field-error.ts';

export interface RescheduleDialogProps {
  appointment: Appointment;
  what: string;
  onClose: () => void;
  onDone: (message: string) => void;
}

export function RescheduleDialog(props: RescheduleDialogProps) {
  const { operations } = useServices();
  const staff = useCatalog('staff');
  const [date, setDate] = useState(localDateText(new Date(props.appointment.start)));
  const [time, setTime] = useState(localTimeText(props.appointment.start));
  const [practitioner, setPractitioner] = useState(
    practitionerName(props.appointment.practitionerId, staff),
  );
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<FormError | null>(null);
  const start = localMoment(date, time);
  const practitionerId = practitionerIdFrom(practitioner, staff);
  const timeProblem = start ? '' : 'Enter a real date and time.';
  const practitionerProblem = practitionerId ? '' : 'Enter the practitioner.';

  const submit = async (event: Event) => {
    event.preventDefault();
    setServerError(null);
    if (!start || !practitionerId) return;
    setSaving(true);
    const result = await operations.rescheduleAppointment({
      appointmentId: props.appointment.id,
      start: start.toISOString(),
      practitionerId,
    });
    setSaving(false);
    if (!result.ok) {
      setServerError(formErrorOf(result.error, { start: 'time', practitionerId: 'practitioner' }));
      return;
    }
    props.onDone(`${props.what} moved to ${time} on ${date}.`);
    props.onClose();
  };

  return (
    <Dialog title="Reschedule" onClose={props.onClose}>
      <form class="form" onSubmit={(event) => void submit(event)} noValidate>
        <p class="today__dialog-what">{props.what}</p>
        <div class="form__row">
          <TextField
            label="New date"
            name="date"
            type="date"
            value={date}
            onInput={setDate}
            autoFocus
            error={timeProblem || (serverError?.field === 'time' ? serverError.message : undefined)}
          />
          <TextField label="New time" name="time" value={time} onInput={setTime} hint="HH:MM" />
        </div>
        <TextField
          label="Practitioner"
          name="practitioner"
          value={practitioner}
          onInput={setPractitioner}
          error={
            practitionerProblem ||
            (serverError?.field === 'practitioner' ? serverError.message : undefined)
          }
        />
        <FormAlert message={serverError?.field === '' ? serverError.message : undefined} />
        <FormActions submitLabel="Reschedule" busy={saving} onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}
