// Moving in from another practice system: reading import rows, the dry run, and
// the opening-balance entries a confirmed import writes. Pure (see README.md).
export { parseImportAmount } from './amounts.ts';
export type { AmountResult } from './amounts.ts';
export { dateReadingFor, parseImportDate } from './dates.ts';
export type { DateReading, DateResult } from './dates.ts';
export { cell, detectLayout, IMPORT_KINDS, normaliseHeader } from './layouts.ts';
export type {
  ImportField,
  ImportKind,
  ImportLayout,
  ImportSource,
  LayoutResult,
} from './layouts.ts';
export { createPlanner, patientKey } from './plan.ts';
export type {
  ImportPlan,
  ImportRow,
  PlanContext,
  PlannedCredit,
  PlannedItem,
  PlannedPackage,
  PlannedPatient,
  Planner,
  ProblemReason,
  RowProblem,
} from './plan.ts';
export {
  OPENING_BALANCE_REASON,
  openingCreditEntry,
  openingPackageEntry,
} from './opening-entries.ts';
export type { OpeningContext } from './opening-entries.ts';
