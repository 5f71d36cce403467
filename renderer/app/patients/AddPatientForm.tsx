// Add a patient: validated as you type with the same schema the main process
// checks again; the main process's answer (e.g. a future date of birth) is
// shown next to its field.
import { useState } from 'preact/hooks';
import { newPatientInput, type NewPatientInput } from '../../../shared/patients/patient.ts';
import { useServices } from '../services.ts';
import { FormActions, FormAlert } from '../ui/FormActions.tsx';
import { PatientFields } from './PatientFields.tsx';

type Fields = Required<
  Pick<NewPatientInput, 'firstName' | 'lastName' | 'phone' | 'email' | 'dateOfBirth'>
>;
const empty: Fields = { firstName: '', lastName: '', phone: '', email: '', dateOfBirth: '' };

function fieldErrors(values: Fields): Partial<Record<keyof Fields, string>> {
  const parsed = newPatientInput.safeParse(values);
  if (parsed.success) return {};
  const errors: Partial<Record<keyof Fields, string>> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0] as keyof Fields;
    errors[key] ??= issue.message;
  }
  return errors;
}

export function AddPatientForm(props: {
  onAdded: (id: string, name: string) => void;
  onCancel: () => void;
}) {
  const { operations } = useServices();
  const [values, setValues] = useState<Fields>(empty);
  const [touched, setTouched] = useState<Partial<Record<keyof Fields, boolean>>>({});
  const [serverError, setServerError] = useState<{ field?: string; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const errors = fieldErrors(values);

  const set = (key: keyof Fields) => (value: string) => {
    setValues({ ...values, [key]: value });
    setTouched({ ...touched, [key]: true });
    setServerError(null);
  };
  const errorFor = (key: keyof Fields) =>
    (serverError?.field === key ? serverError.message : undefined) ??
    (touched[key] ? errors[key] : undefined);

  const submit = async (event: Event) => {
    event.preventDefault();
    setTouched({ firstName: true, lastName: true, phone: true, email: true, dateOfBirth: true });
    if (Object.keys(errors).length > 0 || saving) return;
    setSaving(true);
    const result = await operations.addPatient(values);
    setSaving(false);
    if (result.ok) {
      props.onAdded(result.value.id, `${values.firstName.trim()} ${values.lastName.trim()}`);
      setValues(empty);
      setTouched({});
    } else {
      setServerError(
        result.error.field
          ? { field: result.error.field, message: result.error.message }
          : { message: result.error.message },
      );
    }
  };

  return (
    <form class="panel form" aria-labelledby="add-patient-heading" onSubmit={submit} noValidate>
      <h2 id="add-patient-heading">Add a patient</h2>
      <PatientFields
        rows={[
          ['firstName', 'lastName'],
          ['phone', 'email', 'dateOfBirth'],
        ]}
        values={values}
        onInput={(name, value) => set(name as keyof Fields)(value)}
        errorFor={(name) => errorFor(name as keyof Fields)}
      />
      <FormAlert message={serverError && !serverError.field ? serverError.message : undefined} />
      <FormActions submitLabel="Add patient" busy={saving} onCancel={props.onCancel} />
    </form>
  );
}
