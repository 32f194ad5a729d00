/**
 * Who may call the backend over IPC: only frames showing the app's own pages. Anything else
 * (a frame that navigated away, about:blank, a data: or http(s) page) is refused.
 */
import { isAppOriginUrl } from './app-origin';

export type SenderCheck = (url: string) => boolean;

export function isTrustedSenderUrl(url: string): boolean {
  return isAppOriginUrl(url);
}
