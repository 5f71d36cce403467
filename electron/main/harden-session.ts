// Denies everything a clinic's reception app never needs from the web
// platform: permission prompts, navigation away, new windows, webviews.
import { shell, type Session, type WebContents } from 'electron';
import { APP_ORIGIN, isVettedExternalLink } from './window-options.ts';

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== APP_ORIGIN) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (new URL(url).origin !== APP_ORIGIN) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isVettedExternalLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}
