/** English strings: the whole-folder archive. Part of en.ts. */
import type { PartMessages } from './message-types';
import type { viArchive } from './vi-archive';

export const enArchive: PartMessages<typeof viArchive> = {
  'archive.title': 'Back up all data into one file',
  'archive.intro':
    'Writes the database and every evidence file into one .zip (with a SHA-256 manifest) to keep on a USB stick or move to another PC. On the new PC, restore it with: par restore <file.zip> --data <empty folder>.',
  'archive.export': 'Export all data',
  'archive.running': 'Writing the archive of all data (may take a few minutes with many evidence files)…',
  'archive.done': 'Archive of all data written',
  'archive.evidence': 'Evidence files',
  'archive.evidenceValue': '{count} files, {size}',
  'archive.failed': 'Could not export the data: {message}',
  'archive.move.title': 'Choose the data folder',
  'archive.move.hint':
    'To move the data to another drive (e.g. D: when C: is full): close the app, run par move-data --to <new empty folder>, then open it again. The command checks every file in the new place before using it and keeps the old folder as a fallback. The move cannot be done while the app runs on this folder.',
};
