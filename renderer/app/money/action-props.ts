import type { PatientAccount } from '../../../shared/contract/domains/ledger.ts';

/** What every money action on a patient's record is given. */
export interface MoneyActionProps {
  patientId: string;
  patientName: string;
  account: PatientAccount;
  onClose: () => void;
  /** Saved: close, and say so on the record. */
  onDone: (message: string) => void;
}
