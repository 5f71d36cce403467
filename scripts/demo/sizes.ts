// The three sizes of synthetic clinic. "clinic" is the benchmark's data set
// (DESIGN §7: tens of thousands of patients, hundreds of thousands of entries).

export type DemoSize = 'small' | 'clinic' | 'large';
export const DEMO_SIZES: readonly DemoSize[] = ['small', 'clinic', 'large'];

export interface SizeProfile {
  patients: number;
  practitioners: number;
  funders: number;
  years: number;
  /** patients seen weekly for the whole period (long histories for the record screen) */
  longHistoryPatients: number;
}

export const SIZE_PROFILES: Readonly<Record<DemoSize, SizeProfile>> = {
  small: { patients: 200, practitioners: 4, funders: 4, years: 5, longHistoryPatients: 2 },
  clinic: { patients: 20_000, practitioners: 12, funders: 8, years: 5, longHistoryPatients: 6 },
  large: { patients: 60_000, practitioners: 16, funders: 16, years: 5, longHistoryPatients: 18 },
};

export function isDemoSize(text: string): text is DemoSize {
  return (DEMO_SIZES as readonly string[]).includes(text);
}
