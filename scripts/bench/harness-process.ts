// Starting and stopping the benchmark's harness process, and reading its
// memory: peak resident set (VmHWM) from /proc, as the operating system saw it.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ClinicStart } from '../../electron/ledger/clinic-projection.ts';

/** The harness's source, runnable as it is (type stripping); the benchmark runs its bundle. */
export const SERVE_SOURCE = fileURLToPath(new URL('./serve-harness.ts', import.meta.url));

export interface HarnessProcess {
  child: ChildProcess;
  url: string;
  /** resolves when the clinic-wide projection has folded the journal: how it started */
  clinicFolded: Promise<ClinicStart | null>;
  /** resolves when the projection's snapshot is on disk (after clinicFolded) */
  clinicSaved: Promise<void>;
  /** peak and current resident memory in MB (Linux), or null elsewhere */
  memory(): { peakMb: number; currentMb: number } | null;
  stop(): Promise<void>;
}

/** `entry`: serve-harness.ts or its bundle (scripts/build-harness.ts). */
export function startHarnessProcess(
  dataDirectory: string,
  entry = SERVE_SOURCE,
): Promise<HarnessProcess> {
  const child = spawn(process.execPath, [entry, dataDirectory], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  let folded: (start: ClinicStart | null) => void = () => {};
  const clinicFolded = new Promise<ClinicStart | null>((resolve) => (folded = resolve));
  let saved: () => void = () => {};
  const clinicSaved = new Promise<void>((resolve) => (saved = resolve));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`harness did not start:\n${stderr}`)), 120_000);
    child.once('exit', (code) => reject(new Error(`harness exited with ${code}:\n${stderr}`)));
    lines.on('line', (line) => {
      let parsed: {
        url?: string;
        clinicFoldMs?: number;
        clinicStart?: ClinicStart | null;
        clinicSavedMs?: number;
      };
      try {
        parsed = JSON.parse(line) as typeof parsed;
      } catch {
        return;
      }
      if (parsed.clinicFoldMs !== undefined) folded(parsed.clinicStart ?? null);
      if (parsed.clinicSavedMs !== undefined) saved();
      if (!parsed.url) return;
      clearTimeout(timer);
      const url = parsed.url;
      resolve({
        child,
        url,
        clinicFolded,
        clinicSaved,
        memory: () => processMemory(child.pid),
        async stop() {
          if (child.exitCode !== null) return;
          child.kill('SIGTERM');
          // A close that waits on a straggling socket must not stall the benchmark.
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(timer);
        },
      });
    });
  });
}

export function processMemory(
  pid: number | undefined,
): { peakMb: number; currentMb: number } | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { peakMb: kb('VmHWM') / 1024, currentMb: kb('VmRSS') / 1024 };
  } catch {
    return null;
  }
}
