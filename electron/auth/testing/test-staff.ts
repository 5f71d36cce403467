// Who tests and benchmarks are signed in as, and hashing cheap enough for
// tests that set many PINs (the app itself always uses OWASP's parameters).
import type { DevStaff } from '../auth-service.ts';
import type { ScryptParameters } from '../secret-hash.ts';

/**
 * A manager, so every operation is open to the tests that are not about roles.
 * The id 'reception' is the one tests stamped before sign-in existed.
 */
export const TEST_MANAGER: DevStaff = { id: 'reception', name: 'Test Manager', role: 'manager' };

/** N=2^10: fast, still the real scrypt code path. */
export const FAST_SCRYPT: ScryptParameters = { log2N: 10, r: 8, p: 1 };
