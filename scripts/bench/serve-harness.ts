// The browser harness as the benchmark runs it: the desk core on the durable
// storage in production mode (no RxDB dev-mode or schema validation, as in the
// packaged app), serving the built renderer. Prints {"url"} when ready,
// {"clinicFoldMs", "clinicStart"} when the clinic-wide projection has folded the
// journal (clinicStart: from its snapshot or from the first entry, and how long), and
// {"clinicSavedMs"} once its snapshot is on disk (written now only when it changed).
//   node scripts/bench/serve-harness.ts <dataDirectory>
// The benchmark runs it bundled as CommonJS like the app's main process
// (scripts/build-harness.ts), hence a main function and no top-level await.
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startCore } from '../../electron/app/start-core.ts';
import { startHarness } from '../../electron/harness/web-harness.ts';
import { TEST_MANAGER } from '../../electron/auth/testing/test-staff.ts';

async function main(dataDirectory: string | undefined): Promise<void> {
  if (!dataDirectory) throw new Error('usage: serve-harness.ts <dataDirectory>');
  const core = await startCore({
    dataDirectory: resolve(dataDirectory),
    storageKind: 'sqlite',
    devMode: false,
    appVersion: 'bench',
    // The benchmark measures the screens, not signing in: start signed in.
    devStaff: TEST_MANAGER,
  });
  const harness = await startHarness({ core, bundleDirectory: resolve('dist/renderer') });
  console.log(JSON.stringify({ url: harness.url, coreReadyMs: performance.now() }));
  const clinic = core.ledger.clinic;
  void clinic.ready().then(async () => {
    console.log(JSON.stringify({ clinicFoldMs: performance.now(), clinicStart: clinic.started }));
    await clinic.save();
    console.log(JSON.stringify({ clinicSavedMs: performance.now() }));
  });

  const stop = async () => {
    await harness.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
