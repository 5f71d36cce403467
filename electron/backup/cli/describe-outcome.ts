// Human-readable lines for what a backup holds and for failures.
import { BackupFileError } from '../errors.ts';
import type { BackupManifest } from '../format.ts';
import { BackupVerificationError } from '../write-backup.ts';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export function describeCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  return `${total} rows in ${entries.length} tables (${entries.map(([table, n]) => `${table}: ${n}`).join(', ')})`;
}

export function describeManifest(manifest: BackupManifest): string[] {
  return [
    `  created:     ${manifest.createdAt}`,
    `  desk:        ${manifest.deskId}`,
    `  app version: ${manifest.appVersion}`,
    `  contents:    ${describeCounts(manifest.counts)}`,
    ...(manifest.summary === undefined
      ? []
      : [`  summary:     ${JSON.stringify(manifest.summary)}`]),
  ];
}

export function describeFailure(error: unknown): string {
  if (error instanceof BackupFileError) return `${error.message} [${error.problem}] ${error.file}`;
  if (error instanceof BackupVerificationError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
