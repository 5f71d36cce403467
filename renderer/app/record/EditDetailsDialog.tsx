// Edit a patient's details: the same checks as adding one, as you type, and
// the main process's answer next to its field.
import { useState } from 'preact/hooks';
import { newPatientInput } from '../../../shared/patients/patient.ts';
import type { Patient } from '../../../shared/patients/patient.ts';
import { useServices } from '../services.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { FormActions, FormAlert } from '../ui/FormActions.tsx';
import { PatientFields } from '../patients/PatientFields.tsx';

type Editable = Pick<
  Patient,
  'firstName' | 'lastName' | 'preferredName' | 'phone' | 'email' | 'dateOfBirth' | 'notes'
>;

export function EditDetailsDialog(props: {
  patient: Patient;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { operations } = useServices();
  const { firstName, lastName, preferredName, phone, email, dateOfBirth, notes } = props.patient;
  const [values, setValues] = useState<Editable>({
    firstName,
    lastName,
    preferredName,
    phone,
    email,
    dateOfBirth,
    notes,
  });
  const [serverError, setServerError] = useState<{ field?: string; message: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const parsed = newPatientInput.safeParse(values);
  const errorFor = (key: keyof Editable) =>
    (serverError?.field === key ? serverError.message : undefined) ??
    (parsed.success
      ? undefined
      : parsed.error.issues.find((issue) => issue.path[0] === key)?.message);
  const set = (key: keyof Editable) => (value: string) => {
    setValues({ ...values, [key]: value });
    setServerError(null);
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (!parsed.success || saving) return;
    setSaving(true);
    const result = await operations.updatePatient({ id: props.patient.id, ...values });
    setSaving(false);
    if (result.ok) props.onSaved();
    else
      setServerError(
        result.error.field
          ? { field: result.error.field, message: result.error.message }
          : { message: result.error.message },
      );
  };

  return (
    <Dialog title={`Edit details of ${firstName} ${lastName}`} onClose={props.onClose}>
      <form class="form" onSubmit={save} noValidate>
        <PatientFields
          rows={[
            ['firstName', 'lastName'],
            ['preferredName', 'dateOfBirth'],
            ['phone', 'email'],
            ['notes'],
          ]}
          values={values}
          onInput={(name, value) => set(name)(value)}
          errorFor={errorFor}
        />
        <FormAlert message={serverError && !serverError.field ? serverError.message : undefined} />
        <FormActions
          submitLabel="Save details"
          busy={saving}
          disabled={!parsed.success}
          onCancel={props.onClose}
        />
      </form>
    </Dialog>
  );
}
