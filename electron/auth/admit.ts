// The dispatcher's door: may the person signed in at this desk (or nobody)
// call this operation? Decided from the one access table, before the
// arguments are even parsed, so a refused call reads and writes nothing.
import { accessRuleOf, managerOnlyMessage, mayCall } from '../../shared/auth/operation-access.ts';
import { fail, type OpResult } from '../../shared/contract/result.ts';
import type { StaffRole } from '../../shared/catalog/catalog.ts';

export type Admission = { ok: true; staffId: string } | { ok: false; refusal: OpResult<never> };

export function admit(name: string, session: { id: string; role: StaffRole } | null): Admission {
  const rule = accessRuleOf(name);
  if (!rule) {
    // Fail closed: an operation nobody declared access for runs for nobody.
    return { ok: false, refusal: fail('forbidden', 'That action is not available.') };
  }
  const role = session?.role ?? null;
  if (mayCall(rule, role)) return { ok: true, staffId: session?.id ?? '' };
  if (role === null) {
    return {
      ok: false,
      refusal: fail('not-signed-in', 'Nobody is signed in at this desk. Sign in to continue.'),
    };
  }
  const action = rule.access === 'manager' ? rule.action : 'do that';
  return { ok: false, refusal: fail('manager-only', managerOnlyMessage(action)) };
}
