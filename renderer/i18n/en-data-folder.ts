/** English strings: restore from file and choosing the data folder. Part of en.ts. */
import type { PartMessages } from './message-types';
import type { viDataFolder } from './vi-data-folder';

export const enDataFolder: PartMessages<typeof viDataFolder> = {
  'restoreFile.title': 'Restore from file',
  'restoreFile.intro':
    'Brings the data of an "Export all data" file (.zip) into a new folder, e.g. on a new PC. The file is checked in full first (manifest, SHA-256 of every file); the data in use is not changed.',
  'restoreFile.upload': 'Choose the archive (.zip)',
  'restoreFile.pick': 'Choose the archive…',
  'restoreFile.uploading': 'Uploading and checking: {percent}%',
  'restoreFile.checking': 'Checking the archive (every SHA-256)…',
  'restoreFile.network': 'Could not reach the app; nothing was restored. Try again.',
  'restoreFile.cancelled': 'Cancelled; nothing was restored.',
  'restoreFile.refused': 'This file cannot be used: {message}',
  'restoreFile.checked': 'Valid archive: {name}',
  'restoreFile.createdAt': 'Backed up at',
  'restoreFile.agencies': 'Agencies',
  'restoreFile.assessments': 'Assessments',
  'restoreFile.assessmentLine': '{year}: {agency} ({status})',
  'restoreFile.none': 'None',
  'restoreFile.evidence': 'Evidence files',
  'restoreFile.evidenceValue': '{count} files, {size}',
  'restoreFile.target': 'Restore into folder (new or empty)',
  'restoreFile.targetHint': 'A full path. The folder must not exist yet or be empty; the data folder in use is never overwritten.',
  'restoreFile.run': 'Restore into this folder',
  'restoreFile.discard': 'Discard this file',
  'restoreFile.failed': 'Not restored: {message}',
  'restoreFile.done':
    'Restored the data (backed up at {time}) into {dir}: the database and {count} evidence files, every SHA-256 checked. The app uses this folder now and will open it next time (recorded in {settings}). The previous folder {previous} is kept as it was.',
  'folder.title': 'Choose the data folder',
  'folder.current': 'Current data folder: {dir} ({size})',
  'folder.intro':
    'Moves all data to another folder (e.g. drive D: when C: is full). Every file is copied, its SHA-256 checked and the database checked before the app switches; the old folder is kept as a fallback.',
  'folder.target': 'New folder (not existing yet, or empty)',
  'folder.targetHint': 'A full path, for example {example}.',
  'folder.pick': 'Choose a folder…',
  'folder.move': 'Move the data to this folder',
  'folder.failed': 'Not moved: {message}',
  'folder.done':
    'Moved the data to {dir} ({count} files and the database, {size}); every SHA-256 and the database checked. The app uses the new folder now and will open it next time (recorded in {settings}).',
  'folder.oldKept': 'The old folder {dir} is kept as a fallback (see DU-LIEU-DA-CHUYEN-DI.txt in it); delete it once the app works well on the new folder.',
  'folder.envOverride': 'Note: PAR_DATA_DIR is set ({dir}); at the next start the app uses that folder instead of the chosen one.',
  'job.progress': 'Progress',
  'job.waiting': 'Waiting for other work to finish…',
  'job.verifying': 'Checking…',
  'job.copying': 'Copying: {percent}% ({done} / {total})',
  'job.switching': 'Switching the app to the new folder…',
};
