// Defence in depth: the page never navigates away from the app. Electron's
// main process refuses such navigation too; in a browser this guard is what
// stops a link that slipped into the page (e.g. in a note) from leaving.
export function guardNavigation(target: Window): void {
  target.document.addEventListener(
    'click',
    (event) => {
      const anchor = (event.target as Element | null)?.closest?.('a[href]');
      if (!anchor) return;
      const url = new URL((anchor as HTMLAnchorElement).href, target.location.href);
      if (url.origin !== target.location.origin) event.preventDefault();
    },
    { capture: true },
  );
  target.document.addEventListener('submit', (event) => event.preventDefault(), { capture: true });
}
