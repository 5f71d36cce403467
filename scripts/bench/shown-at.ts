// When something first shows on a page, by the page's own clock: a script that
// runs before the page's own watches the document and notes the wall-clock time
// of the frame after the selector first matches (MutationObserver → next frame,
// as the keystroke timer does). Waiting with Playwright alone would add its
// polling: once a wait has run for a while it looks only every 500 ms, so a
// cold start measured that way is rounded up by up to half a second.
import type { BrowserContext, Page } from '@playwright/test';

const KEY = '__benchShownAt';

/** Before any page of the context loads: note when `selector` first shows. */
export async function watchFirstShown(context: BrowserContext, selector: string): Promise<void> {
  await context.addInitScript(
    ({ selector, key }) => {
      const record = window as unknown as Record<string, number>;
      const observer = new MutationObserver(() => {
        if (!document.querySelector(selector)) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => (record[key] = Date.now()), 0));
      });
      observer.observe(document, { childList: true, subtree: true });
    },
    { selector, key: KEY },
  );
}

/** The wall-clock time (Date.now(), comparable across processes) when it showed. */
export async function firstShownAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    (key) => (window as unknown as Record<string, number>)[key],
    KEY,
    {
      polling: 'raf',
      timeout: 120_000,
    },
  );
  return (await handle.jsonValue()) as number;
}
