// Edits a patient's details. The document keeps its id, creation and desk of
// origin; who changed it and when are stamped (the conflict rule between desks
// compares updatedAt). Money never lives on this document, so nothing here can
// change a balance.
import { fail, ok, type OpResult } from '../../../shared/contract/result.ts';
import type { OperationResults, ValidOperationArgs } from '../../../shared/contract/operations.ts';
import { patientSearchText } from '../../../shared/patients/search-text.ts';
import type { OperationContext } from '../context.ts';

export async function updatePatient(
  ctx: OperationContext,
  input: ValidOperationArgs<'updatePatient'>,
): Promise<OpResult<OperationResults['updatePatient']>> {
  const existing = await ctx.db.patients.findOne(input.id).exec();
  if (!existing) return fail('not-found', 'That patient could not be found.', 'id');
  const now = ctx.now();
  if (input.dateOfBirth !== '' && input.dateOfBirth > now.toISOString().slice(0, 10)) {
    return fail('invalid-input', 'Date of birth cannot be in the future.', 'dateOfBirth');
  }
  const { id: _id, ...details } = input;
  await existing.incrementalPatch({
    ...details,
    searchText: patientSearchText(details),
    updatedAt: now.toISOString(),
    updatedBy: ctx.staffId,
  });
  return ok({ id: input.id });
}
