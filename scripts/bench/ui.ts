// The user interface in Chromium against the harness on the clinic's data:
//   - cold start: spawn the harness process (bundled like the app's main
//     process, see scripts/build-harness.ts), open the page, until the first
//     patient rows are shown; baseline: a blank page's load in the same
//     browser (a fresh context each time for both; both ends noted by the
//     page's clock, see shown-at.ts);
//   - patient search: one keystroke in the search box until the list shows
//     the new results (timed in the page: keydown → list mutated → next frame);
//   - a patient record with a long history: the click on the search result
//     until the money history's rows are rendered (a different patient each
//     time, so each open folds that patient's entries afresh);
//   - memory: the harness process's peak RSS, the page's JS heap (CDP
//     Performance.getMetrics), sampled after every step. The usual start loads
//     the clinic-wide projection's snapshot (electron/ledger/clinic-snapshot.ts)
//     and folds only what was written since; the first start of a desk (or after
//     a restore or an update that changes the fold) has none and folds the whole
//     journal: measured apart, first, with the snapshot removed before each run
//     (the last one leaves the snapshot the other starts load).
import { rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from '../../e2e/support/chromium.ts';
import { metric, repeat, type Metric } from './figures.ts';
import { startHarnessProcess, type HarnessProcess } from './harness-process.ts';
import { firstShownAt, watchFirstShown } from './shown-at.ts';
import { buildHarness } from '../build-harness.ts';
import type { LongHistoryPatient } from '../demo/generate.ts';
import { clinicSnapshotPath } from '../../electron/ledger/clinic-snapshot.ts';
import type { ClinicStart } from '../../electron/ledger/clinic-projection.ts';

export interface UiOptions {
  dataDirectory: string;
  runs: number;
  warmup: number;
  longestHistories: LongHistoryPatient[];
  log(line: string): void;
}

const FIRST_ROW = '#patient-results li';
/** Starts without a snapshot: each folds the whole journal (≈ 10 s at clinic size). */
const FIRST_STARTS = 3;
/**
 * Keystroke pairs: the first letter (never one of the first default rows' letters, so
 * the list must change) then a second that narrows to other surnames.
 */
const SEARCHES = ['zh', 'ng', 'wr', 'ph', 'ko', 'fi', 'mu', 'ry', 'ki', 'pa', 'jo', 'th', 'go'];

async function blankServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_request, response) => {
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      .end(
        '<!doctype html><html><head><title>blank</title></head><body><p>blank</p></body></html>',
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The page's JS heap in MB (used, total), from the DevTools protocol. */
async function jsHeap(page: Page): Promise<{ usedMb: number; totalMb: number }> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  const { metrics } = await session.send('Performance.getMetrics');
  await session.detach();
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return {
    usedMb: value('JSHeapUsedSize') / 1024 / 1024,
    totalMb: value('JSHeapTotalSize') / 1024 / 1024,
  };
}

/** Time (in the page) from the next keydown until the results list changes and paints. */
function armKeystrokeTimer(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const list = document.getElementById('patient-results');
        if (!list) return reject(new Error('no results list'));
        let started = 0;
        const observer = new MutationObserver(() => {
          if (!started) return;
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
        });
        observer.observe(list, { childList: true, subtree: true, characterData: true });
        document.addEventListener('keydown', (event) => (started = event.timeStamp), {
          capture: true,
          once: true,
        });
        setTimeout(() => reject(new Error('the results list did not change')), 10_000);
        (window as unknown as { __armed: boolean }).__armed = true;
      }),
  );
}

async function timedKeystroke(page: Page, key: string): Promise<number> {
  await page.evaluate(() => ((window as unknown as { __armed: boolean }).__armed = false));
  const timing = armKeystrokeTimer(page);
  await page.waitForFunction(() => (window as unknown as { __armed: boolean }).__armed);
  await page.keyboard.press(key);
  return timing;
}

/** The promise's value, or an error after `ms`. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Until the patient list shows its first rows and the whole index has loaded. */
async function patientListLoaded(page: Page): Promise<void> {
  await page.locator(FIRST_ROW).first().waitFor({ state: 'visible', timeout: 120_000 });
  // Searches look through the whole index of patients, loaded after the first rows.
  await page.locator('#patient-results[aria-busy="false"]').waitFor({ timeout: 120_000 });
}

async function openPatientsScreen(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Patients', exact: true }).click();
  await page.locator('input.search').waitFor();
}

/** Until the default (empty search) list shows its first row again. */
async function clearSearch(page: Page, firstRowText: string): Promise<void> {
  await page.fill('input.search', '');
  await page.waitForFunction(
    (text) => document.querySelector('#patient-results li')?.textContent === text,
    firstRowText,
  );
}

async function timedRecordOpen(page: Page, patient: LongHistoryPatient): Promise<number> {
  await page.fill('input.search', patient.name.toLowerCase());
  const row = page.locator(`#patient-${patient.id}`);
  await row.waitFor();
  const timing = page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        let started = 0;
        document.addEventListener('click', (event) => (started = event.timeStamp), {
          capture: true,
          once: true,
        });
        const done = () =>
          started > 0 &&
          document.querySelector('.record') !== null &&
          document.querySelector('.history__row:not(.history__row--head)') !== null;
        const observer = new MutationObserver(() => {
          if (!done()) return;
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
        });
        observer.observe(document.body, { childList: true, subtree: true });
        setTimeout(() => reject(new Error('the record did not render its history')), 30_000);
      }),
  );
  await row.click();
  const ms = await timing;
  await openPatientsScreen(page);
  return ms;
}

export async function benchUi(options: UiOptions): Promise<Metric[]> {
  const { runs, warmup, log } = options;
  log('  bundling the harness …');
  const harnessEntry = await buildHarness();
  const browser: Browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: chromiumArgs,
  });
  const blank = await blankServer();
  const mainPeaks: number[] = [];
  /** of the cold starts alone (short-lived: killed once the first rows show) */
  const coldPeaks: number[] = [];
  const heaps: number[] = [];
  try {
    log('  blank page (baseline) …');
    const blankLoads = await repeat(warmup, runs, async () => {
      const started = Date.now();
      const context = await browser.newContext();
      await watchFirstShown(context, 'p');
      const page = await context.newPage();
      await page.goto(blank.url, { waitUntil: 'load' });
      const ms = (await firstShownAt(page)) - started;
      await context.close();
      return ms;
    });

    log(`  first start without a clinic-wide snapshot (${FIRST_STARTS} runs) …`);
    const firstPeaks: number[] = [];
    const fullFolds: number[] = [];
    for (let run = 0; run < FIRST_STARTS; run += 1) {
      rmSync(clinicSnapshotPath(options.dataDirectory), { force: true });
      const harness = await startHarnessProcess(options.dataDirectory, harnessEntry);
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(harness.url);
        await patientListLoaded(page);
        const start = await within(harness.clinicFolded, 180_000, 'the clinic-wide fold');
        // Folded in the fold worker ('worker'), or in-process when that failed ('journal').
        if (start?.from !== 'worker' && start?.from !== 'journal')
          throw new Error(`a start without a snapshot: ${start?.from}`);
        if (start.from === 'journal') log(`    folded in-process: ${start.reason}`);
        fullFolds.push(start.ms);
        // Its peak includes writing the snapshot the later starts load.
        await within(harness.clinicSaved, 60_000, 'the clinic-wide snapshot');
        const memory = harness.memory();
        if (memory) firstPeaks.push(memory.peakMb);
      } finally {
        await context.close();
        await harness.stop();
      }
    }

    log('  cold start to an interactive patient list …');
    // As Playwright's wait saw them (rounded up by its polling), for comparison.
    const polledColdStarts: number[] = [];
    const coldStarts = await repeat(warmup, runs, async () => {
      const started = Date.now();
      const harness = await startHarnessProcess(options.dataDirectory, harnessEntry);
      const context = await browser.newContext();
      try {
        await watchFirstShown(context, FIRST_ROW);
        const page = await context.newPage();
        await page.goto(harness.url);
        await page.locator(FIRST_ROW).first().waitFor({ state: 'visible', timeout: 120_000 });
        polledColdStarts.push(Date.now() - started);
        return (await firstShownAt(page)) - started;
      } finally {
        await context.close();
        const memory = harness.memory();
        if (memory) {
          mainPeaks.push(memory.peakMb);
          coldPeaks.push(memory.peakMb);
        }
        await harness.stop();
      }
    });

    log('  search, record open, memory (one desk session) …');
    const harness: HarnessProcess = await startHarnessProcess(options.dataDirectory, harnessEntry);
    const context = await browser.newContext();
    const searches: number[] = [];
    const opens: number[] = [];
    let sessionStart: ClinicStart | null = null;
    try {
      const page = await context.newPage();
      await page.goto(harness.url);
      await patientListLoaded(page);
      const firstRowText = (await page.locator(FIRST_ROW).first().textContent()) ?? '';
      const sample = async () => {
        heaps.push((await jsHeap(page)).totalMb);
        const memory = harness.memory();
        if (memory) mainPeaks.push(memory.peakMb);
      };
      await sample();
      await page.locator('input.search').focus();
      const keystrokes = await repeat(warmup, Math.ceil(runs / 2), async (index) => {
        const pair = SEARCHES[Math.abs(index) % SEARCHES.length]!;
        const first = await timedKeystroke(page, pair[0]!);
        const second = await timedKeystroke(page, pair[1]!);
        await clearSearch(page, firstRowText);
        await sample();
        searches.push(first, second);
        return first;
      });
      if (keystrokes.length === 0) throw new Error('no search runs');
      // searches holds the warm-up keystrokes too: keep the measured ones only.
      searches.splice(0, warmup * 2);

      const patients = options.longestHistories;
      if (patients.length === 0) throw new Error('the data set names no long histories');
      let next = 0;
      const measuredOpens = await repeat(warmup, runs, async () => {
        const patient = patients[next++ % patients.length]!;
        const ms = await timedRecordOpen(page, patient);
        await sample();
        return ms;
      });
      opens.push(...measuredOpens);

      log('  waiting for the clinic-wide fold, then sampling memory …');
      sessionStart = await within(harness.clinicFolded, 180_000, 'the clinic-wide fold');
      await within(harness.clinicSaved, 60_000, 'the clinic-wide snapshot');
      for (let i = 0; i < 3; i++) {
        await timedRecordOpen(page, patients[i % patients.length]!);
        await sample();
      }
    } finally {
      await context.close();
      await harness.stop();
    }

    const blankMedian = metric('blank page load', 'ms', blankLoads);
    const distinctOpens = Math.min(options.longestHistories.length, warmup + runs);
    return [
      { ...blankMedian, note: 'baseline of the cold start (new context + page + load)' },
      metric('cold start to interactive patient list', 'ms', coldStarts, {
        target: 1500,
        targetBeyondBaseline: true,
        baseline: { name: 'blank page load', median: blankMedian.median },
        note: `harness process spawn (bundled) + page load + first patient rows shown, by the page's clock; target is the excess over the blank page; Playwright's polling wait saw a median of ${Math.round(metric('polled', 'ms', polledColdStarts.slice(warmup)).median)} ms`,
      }),
      metric('patient search keystroke → rendered results', 'ms', searches, {
        target: 50,
        note: 'in-page: keydown → results list mutated → next frame; single and second letters',
      }),
      metric('open a patient record with a long history', 'ms', opens, {
        target: 150,
        note: `click on the search result → money history rows rendered; ${distinctOpens} different patients (30–${options.longestHistories[0]?.entries ?? '?'} entries), each first open folds their entries`,
      }),
      metric('peak RSS of the main process (harness)', 'MB', mainPeaks, {
        target: 250,
        peak: true,
        note: `VmHWM of each harness process, each starting from the clinic-wide snapshot (the usual start): cold starts up to ${Math.round(Math.max(...coldPeaks))} MB, the long session up to ${Math.round(Math.max(...mainPeaks.slice(coldPeaks.length)))} MB; the long session's projection started from ${sessionStart?.from ?? '?'}: ${sessionStart?.from === 'snapshot' ? `loaded and ${sessionStart.documents} documents since folded in ${sessionStart.ms} ms` : sessionStart?.reason}`,
      }),
      metric('peak RSS of the main process, first start (no snapshot)', 'MB', firstPeaks, {
        target: 250,
        peak: true,
        note: `VmHWM of a harness process started with the clinic-wide snapshot removed, after the patient list has loaded, the whole journal is folded (median ${Math.round(metric('fold', 'ms', fullFolds).median)} ms) and the snapshot written; once per desk, and after a restore or an update that changes the fold`,
      }),
      metric('renderer JS heap', 'MB', heaps, {
        target: 200,
        peak: true,
        note: 'JSHeapTotalSize from CDP Performance.getMetrics, sampled after every step',
      }),
    ];
  } finally {
    await blank.close();
    await browser.close();
  }
}
