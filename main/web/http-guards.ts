/**
 * The checks that keep the loopback bridge private to the page it served: the Host header
 * must name our loopback address and port (defeats DNS rebinding), the Origin of API calls
 * must be ours (defeats other sites in the same browser), and every API call must carry the
 * per-run random token (defeats other local users and processes).
 */
import { timingSafeEqual } from 'node:crypto';

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return typeof host === 'string' && allowedHosts(port).has(host.toLowerCase());
}

/** API calls must come from our own page: browsers always send Origin on a POST fetch. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return typeof origin === 'string' && allowedOrigins(port).has(origin.toLowerCase());
}

export function tokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
