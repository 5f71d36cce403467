// `npm run demo -- --size small|clinic|large [--seed N] [--data <dir>] [--end YYYY-MM-DD]
//                 [--force] [--check] [--validate]`
// Writes a synthetic clinic (see scripts/demo/README.md) into a new data
// directory (default .data/demo-<size>), then prints what it made. The same
// seed and end date give the same clinic. --force replaces an existing
// directory; --check runs the ledger's self-check on the result through the
// desk's own service; --validate checks every document against the schemas.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDemo } from './demo/generate.ts';
import { selfCheckDemo } from './demo/self-check.ts';
import { isDemoSize } from './demo/sizes.ts';
import { todayInClinic } from './demo/today.ts';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'small' },
    seed: { type: 'string', default: '1' },
    data: { type: 'string' },
    end: { type: 'string' },
    force: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    validate: { type: 'boolean', default: false },
  },
});

if (!isDemoSize(values.size)) {
  console.error(`--size is small, clinic or large (not "${values.size}")`);
  process.exit(2);
}
const seed = Number.parseInt(values.seed, 10);
if (!Number.isSafeInteger(seed)) {
  console.error('--seed is a whole number');
  process.exit(2);
}
const dataDirectory = resolve(values.data ?? `.data/demo-${values.size}`);
if (values.force) rmSync(dataDirectory, { recursive: true, force: true });
const endDate = values.end ?? todayInClinic();

console.log(
  `Generating the "${values.size}" clinic (seed ${seed}, ending ${endDate}) in ${dataDirectory}`,
);
const result = await generateDemo({
  size: values.size,
  seed,
  dataDirectory,
  endDate,
  validate: values.validate,
  log: (line) => console.log(line),
});
console.log(
  `${result.patients.toLocaleString('en')} patients, ${result.appointments.toLocaleString('en')} appointments, ${result.entries.toLocaleString('en')} ledger entries, ${result.catalog} catalog documents in ${result.seconds.toFixed(1)} s`,
);
console.log('commands:', result.commands);
const refused = Object.entries(result.refusals);
if (refused.length > 0) console.log('refused by the ledger (nothing written):', result.refusals);
if (values.check) {
  const report = await selfCheckDemo(dataDirectory, { devMode: values.validate });
  console.log(
    `self-check: ${report.entries.toLocaleString('en')} entries, ${report.violations.length} violations, trial balance ${report.trialBalanceTotal}`,
  );
  for (const violation of report.violations.slice(0, 10)) console.log(' ', violation);
  if (report.violations.length > 0) process.exitCode = 1;
}
