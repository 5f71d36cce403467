// The page's Content-Security-Policy: only the app's own scripts and styles,
// nothing inline, no remote origins, no plugins, no framing, no form posts.
// `connectTo` adds the harness's WebSocket (the Electron app needs none).
export function contentSecurityPolicy(connectTo: string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", ...connectTo].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
  ].join('; ');
}
