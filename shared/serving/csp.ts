/**
 * The Content-Security-Policy of every page the app serves: Electron's app:// protocol and the
 * loopback web bridge send the same header. Scripts only from the app itself, no inline script,
 * no plugins, no framing, no form posts, no <base> tricks, and no inline style either: the built
 * page links its one stylesheet, and React's `style={…}` props are applied through the CSSOM
 * (element.style), which style-src does not govern; only `<style>` blocks and `style="…"` markup
 * would need 'unsafe-inline', and the renderer has none (a unit test reads index.html, and every
 * end-to-end test fails on a CSP violation report).
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
] as const;

export const CONTENT_SECURITY_POLICY: string = CSP_DIRECTIVES.join('; ');
