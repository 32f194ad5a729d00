/**
 * The Content-Security-Policy of every page the app serves: Electron's app:// protocol and the
 * loopback web bridge send the same header. Scripts only from the app itself, no inline script,
 * no plugins, no framing, no form posts, no <base> tricks. Inline styles stay allowed because
 * React sets `style` attributes.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
] as const;

export const CONTENT_SECURITY_POLICY: string = CSP_DIRECTIVES.join('; ');
