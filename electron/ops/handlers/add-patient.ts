import { ok, type OpResult } from '../../../shared/contract/result.ts';
import type { OperationResults, ValidOperationArgs } from '../../../shared/contract/operations.ts';
import type { Patient } from '../../../shared/patients/patient.ts';
import { patientSearchText } from '../../../shared/patients/search-text.ts';
import { fail } from '../../../shared/contract/result.ts';
import type { OperationContext } from '../context.ts';

export async function addPatient(
  ctx: OperationContext,
  input: ValidOperationArgs<'addPatient'>,
): Promise<OpResult<OperationResults['addPatient']>> {
  const now = ctx.now();
  if (input.dateOfBirth !== '' && input.dateOfBirth > now.toISOString().slice(0, 10)) {
    return fail('invalid-input', 'Date of birth cannot be in the future.', 'dateOfBirth');
  }
  const stamp = now.toISOString();
  const patient: Patient = {
    id: ctx.newId(),
    ...input,
    searchText: patientSearchText(input),
    createdAt: stamp,
    updatedAt: stamp,
    updatedBy: ctx.staffId,
    deskId: ctx.deskId,
  };
  await ctx.db.patients.insert(patient);
  return ok({ id: patient.id });
}
