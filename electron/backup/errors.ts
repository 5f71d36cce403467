// Every way a backup file can be refused, as one typed error. The problem code
// lets the UI and the CLI say exactly what is wrong ("wrong passphrase" is a very
// different message from "the file is damaged").

export type BackupProblem =
  | 'not-a-backup' // the file does not start with the backup magic bytes
  | 'newer-format' // written by a newer app: we cannot read it safely
  | 'truncated' // shorter than its own header says (interrupted copy)
  | 'corrupt' // checksums, structure or the snapshot itself do not match
  | 'tampered' // passphrase right, but authenticated encryption rejected the contents
  | 'passphrase-required' // encrypted file, no passphrase given
  | 'wrong-passphrase'; // encrypted file, passphrase does not open it

const explanations: Record<BackupProblem, string> = {
  'not-a-backup': 'This is not a Punchcard backup file.',
  'newer-format':
    'This backup was written by a newer version of Punchcard; update the app to read it.',
  truncated: 'This backup file is incomplete (it was cut short, perhaps by an interrupted copy).',
  corrupt: 'This backup file is damaged: its contents do not match its checksums.',
  tampered: 'This backup file has been altered since it was written: its authentication failed.',
  'passphrase-required': 'This backup is encrypted: a passphrase is needed to read it.',
  'wrong-passphrase': 'The passphrase does not open this backup.',
};

export class BackupFileError extends Error {
  readonly problem: BackupProblem;
  readonly file: string;

  constructor(problem: BackupProblem, file: string, detail?: string) {
    super(detail ? `${explanations[problem]} (${detail})` : explanations[problem]);
    this.name = 'BackupFileError';
    this.problem = problem;
    this.file = file;
  }
}

export function isBackupFileError(
  error: unknown,
  problem?: BackupProblem,
): error is BackupFileError {
  return error instanceof BackupFileError && (problem === undefined || error.problem === problem);
}
