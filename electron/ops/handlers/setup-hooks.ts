// What the first-run operations need from the desk's core beyond the usual
// context: closing the store before its data file is replaced (restore, demo
// clinic), asking for a restart afterwards, and the demo generator.

export interface SetupHooks {
  /** '' until a restore or the demo clinic replaced the data; then what to tell the person. */
  restartNeeded: string;
  /** Close the database and stop the desk's services, before the data file is replaced. */
  closeStore(): Promise<void>;
  /** The data was replaced: the app restarts itself where it can, else tells the person. */
  requestRestart(message: string): void;
  /** Writes the demo clinic into a new, empty directory; null where it is not available. */
  generateDemo: ((dataDirectory: string) => Promise<{ patients: number }>) | null;
  /** The PC's own time zone and locale: the wizard's defaults. */
  systemTimeZone: string;
  systemLocale: string;
}
