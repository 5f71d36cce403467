// Book an appointment: patient (type-ahead), service, day and time,
// practitioner, and optionally one of the patient's packages to cover it.
import { useId, useState } from 'preact/hooks';
import { Dialog } from '../ui/Dialog.tsx';
import { FormActions, FormAlert } from '../ui/FormActions.tsx';
import { TextField } from '../ui/TextField.tsx';
import { useServices } from '../services.ts';
import { PatientPicker, type PickedPatient } from '../patients/PatientPicker.tsx';
import { useCatalog } from '../data/use-catalog.ts';
import { usePatientAccount } from './use-accounts.ts';
import { localMoment, nextQuarterHour, localDateText } from './day.ts';
import { practitionerIdFrom } from './practitioner.ts';
import { formErrorOf, type FormError } from './field-error.ts';

export interface BookAppointmentDialogProps {
  /** the day on screen, 'YYYY-MM-DD' */
  day: string;
  onClose: () => void;
  onBooked: (message: string) => void;
}

const SERVER_FIELDS = {
  patientId: 'patient',
  serviceId: 'service',
  practitionerId: 'practitioner',
  start: 'time',
  durationMinutes: 'time',
  packageId: 'package',
};

export function BookAppointmentDialog(props: BookAppointmentDialogProps) {
  const { operations } = useServices();
  const services = useCatalog('service').filter((s) => s.active);
  const staff = useCatalog('staff');
  const [patient, setPatient] = useState<PickedPatient | null>(null);
  const [serviceId, setServiceId] = useState('');
  const [date, setDate] = useState(props.day);
  const [time, setTime] = useState(
    props.day === localDateText(new Date()) ? nextQuarterHour(new Date()) : '09:00',
  );
  const [practitioner, setPractitioner] = useState('');
  const [packageChoice, setPackageChoice] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<FormError | null>(null);
  const account = usePatientAccount(patient?.id ?? '');
  const ids = { service: useId(), package: useId(), staff: useId() };

  const service = services.find((s) => s.id === serviceId) ?? services[0];
  const chosenServiceId = service?.id ?? '';
  const packages = (account?.packages ?? []).filter(
    (p) =>
      p.status === 'active' &&
      p.remaining > 0 &&
      (p.sale.eligibleServiceIds.length === 0 ||
        p.sale.eligibleServiceIds.includes(chosenServiceId)),
  );
  // One package that fits is chosen for the desk; they can choose none.
  const packageId = packageChoice ?? (packages.length === 1 ? (packages[0]?.packageId ?? '') : '');
  const practitionerId = practitionerIdFrom(practitioner, staff);
  const start = localMoment(date, time);

  const problems: Record<string, string> = {};
  if (!patient) problems['patient'] = 'Choose a patient.';
  if (!service) problems['service'] = 'Add a service in Settings first.';
  if (!start) problems['time'] = 'Enter a real date and time.';
  if (!practitionerId) problems['practitioner'] = 'Enter the practitioner.';
  const shown = (field: string) =>
    (tried ? problems[field] : undefined) ??
    (serverError?.field === field ? serverError.message : undefined);

  const submit = async (event: Event) => {
    event.preventDefault();
    setTried(true);
    setServerError(null);
    if (Object.keys(problems).length > 0 || !patient || !service || !start) return;
    setSaving(true);
    const result = await operations.bookAppointment({
      patientId: patient.id,
      serviceId: service.id,
      practitionerId,
      start: start.toISOString(),
      ...(packageId ? { packageId } : {}),
    });
    setSaving(false);
    if (!result.ok) {
      setServerError(formErrorOf(result.error, SERVER_FIELDS));
      return;
    }
    props.onBooked(`${patient.name} is booked at ${time} on ${date}.`);
    props.onClose();
  };

  return (
    <Dialog title="Book appointment" onClose={props.onClose}>
      <form class="form" onSubmit={(event) => void submit(event)} noValidate>
        <PatientPicker
          label="Patient"
          value={patient}
          onChange={(p) => {
            setPatient(p);
            setPackageChoice(null);
          }}
          error={shown('patient')}
          required
          autoFocus
        />
        <div class={shown('service') ? 'field field--invalid' : 'field'}>
          <label for={ids.service}>
            Service<span aria-hidden="true"> *</span>
          </label>
          <select
            id={ids.service}
            class="select"
            value={chosenServiceId}
            aria-invalid={shown('service') ? true : undefined}
            onChange={(event) => {
              setServiceId(event.currentTarget.value);
              setPackageChoice(null);
            }}
          >
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.durationMinutes} min)
              </option>
            ))}
          </select>
          {shown('service') ? (
            <small class="field__error" role="alert">
              {shown('service')}
            </small>
          ) : null}
        </div>
        <div class="form__row">
          <TextField label="Date" name="date" type="date" value={date} onInput={setDate} required />
          <div class={shown('time') ? 'field field--invalid' : 'field'}>
            <label for={`${ids.service}-time`}>
              Time<span aria-hidden="true"> *</span>
            </label>
            <input
              id={`${ids.service}-time`}
              type="time"
              step={300}
              value={time}
              aria-invalid={shown('time') ? true : undefined}
              onInput={(event) => setTime(event.currentTarget.value)}
            />
            {shown('time') ? (
              <small class="field__error" role="alert">
                {shown('time')}
              </small>
            ) : null}
          </div>
        </div>
        <div class={shown('practitioner') ? 'field field--invalid' : 'field'}>
          <label for={ids.staff}>
            Practitioner<span aria-hidden="true"> *</span>
          </label>
          <input
            id={ids.staff}
            list={`${ids.staff}-list`}
            value={practitioner}
            autoComplete="off"
            aria-invalid={shown('practitioner') ? true : undefined}
            aria-describedby={`${ids.staff}-hint`}
            onInput={(event) => setPractitioner(event.currentTarget.value)}
          />
          <datalist id={`${ids.staff}-list`}>
            {staff.map((s) => (
              <option key={s.id} value={s.name} />
            ))}
          </datalist>
          <small id={`${ids.staff}-hint`} class="field__hint">
            {practitionerId ? `Recorded as ${practitionerId}` : 'A staff name or an id'}
          </small>
          {shown('practitioner') ? (
            <small class="field__error" role="alert">
              {shown('practitioner')}
            </small>
          ) : null}
        </div>
        <div class={shown('package') ? 'field field--invalid' : 'field'}>
          <label for={ids.package}>Package</label>
          <select
            id={ids.package}
            class="select"
            value={packageId}
            disabled={!patient}
            aria-invalid={shown('package') ? true : undefined}
            onChange={(event) => setPackageChoice(event.currentTarget.value)}
          >
            <option value="">No package</option>
            {packages.map((p) => (
              <option key={p.packageId} value={p.packageId}>
                {p.sale.name} — {p.remaining} of {p.size} left
                {p.expiresAt ? `, expires ${p.expiresAt.slice(0, 10)}` : ''}
              </option>
            ))}
          </select>
          {shown('package') ? (
            <small class="field__error" role="alert">
              {shown('package')}
            </small>
          ) : null}
        </div>
        <FormAlert message={serverError?.field === '' ? serverError.message : undefined} />
        <FormActions
          submitLabel="Book"
          busy={saving}
          busyLabel="Booking…"
          onCancel={props.onClose}
        />
      </form>
    </Dialog>
  );
}
