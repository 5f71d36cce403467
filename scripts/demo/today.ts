// Today's date in the clinic's time zone (the demo's default end: its history
// runs up to yesterday and today's appointments are still to be checked out).
export function todayInClinic(timeZone = 'Australia/Sydney', now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
}
