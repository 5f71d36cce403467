// Denies everything a clinic's reception app never needs from the web
// platform: permission prompts, navigation away, new windows, webviews.
// Electron's shell.openExternal is passed in (only types are imported), so a
// test can drive these handlers with fakes.
import type { Session, WebContents } from 'electron';
import { isTrustedSenderUrl, isVettedExternalLink } from './window-options.ts';

export function hardenSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function hardenContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  openExternal: (url: string) => Promise<void>,
): void {
  // By scheme and host: Node's URL gives non-special schemes such as app: the
  // origin "null", so comparing origins would refuse the app's own pages too.
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedSenderUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedSenderUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isVettedExternalLink(url)) void openExternal(url);
    return { action: 'deny' };
  });
}
