/** A child process for the lock tests: says "ready", waits for "go" on stdin, tries to take the
 *  data folder's lock, says "won" or "refused: <message>", and holds a won lock until stdin closes. */
import { acquireDataLock } from '../../main/startup/data-lock';
import { waitForGo } from './wait-for-go';

const [dataDir, mode] = process.argv.slice(2);
process.stdout.write('ready\n');
waitForGo();
try {
  acquireDataLock(dataDir!, mode ?? 'web');
  process.stdout.write('won\n');
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
} catch (err) {
  process.stdout.write(`refused: ${(err as Error).message}\n`);
  process.exit(0);
}
