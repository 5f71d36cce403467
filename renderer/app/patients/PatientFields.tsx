// The fields of a patient's details, shared by "Add a patient" and "Edit
// details": one definition of each field's label, input type and order, laid
// out in the rows the form asks for.
import { TextField } from '../ui/TextField.tsx';

export type PatientFieldName =
  'firstName' | 'lastName' | 'preferredName' | 'phone' | 'email' | 'dateOfBirth' | 'notes';

const definitions: Record<
  PatientFieldName,
  { label: string; type?: 'tel' | 'email' | 'date'; required?: boolean }
> = {
  firstName: { label: 'First name', required: true },
  lastName: { label: 'Last name', required: true },
  preferredName: { label: 'Preferred name' },
  phone: { label: 'Phone', type: 'tel' },
  email: { label: 'Email', type: 'email' },
  dateOfBirth: { label: 'Date of birth', type: 'date' },
  notes: { label: 'Notes' },
};

export interface PatientFieldsProps {
  rows: PatientFieldName[][];
  values: Partial<Record<PatientFieldName, string>>;
  onInput: (name: PatientFieldName, value: string) => void;
  errorFor: (name: PatientFieldName) => string | undefined;
}

export function PatientFields(props: PatientFieldsProps) {
  return (
    <>
      {props.rows.map((row, rowIndex) => (
        <div class="form__row" key={row.join('-')}>
          {row.map((name, index) => {
            const definition = definitions[name];
            return (
              <TextField
                key={name}
                name={name}
                label={definition.label}
                {...(definition.type ? { type: definition.type } : {})}
                required={definition.required ?? false}
                autoFocus={rowIndex === 0 && index === 0}
                value={props.values[name] ?? ''}
                onInput={(value) => props.onInput(name, value)}
                error={props.errorFor(name)}
              />
            );
          })}
        </div>
      ))}
    </>
  );
}
