/** English strings: the whole-folder archive. Part of en.ts. */
import type { PartMessages } from './message-types';
import type { viArchive } from './vi-archive';

export const enArchive: PartMessages<typeof viArchive> = {
  'archive.title': 'Back up all data into one file',
  'archive.intro':
    'Writes the database and every evidence file into one .zip (with a SHA-256 manifest) to keep on a USB stick or move to another PC. On the new PC, open it with "Restore from file" below (or par restore <file.zip> --data <empty folder>).',
  'archive.export': 'Export all data',
  'archive.running': 'Writing the archive of all data (may take a few minutes with many evidence files)…',
  'archive.done': 'Archive of all data written',
  'archive.evidence': 'Evidence files',
  'archive.evidenceValue': '{count} files, {size}',
  'archive.failed': 'Could not export the data: {message}',
};
