/** Backups, restores and automatic backups of one data folder run one after another, never side
 *  by side (a restore must not swap the database while a backup copies it). */
const queues = new Map<string, Promise<unknown>>();

export function oneAtATime<T>(dataDir: string, run: () => Promise<T>): Promise<T> {
  const previous = queues.get(dataDir) ?? Promise.resolve();
  const next = previous.catch(() => {}).then(run);
  queues.set(dataDir, next);
  void next.finally(() => {
    if (queues.get(dataDir) === next) queues.delete(dataDir);
  }).catch(() => {});
  return next;
}
