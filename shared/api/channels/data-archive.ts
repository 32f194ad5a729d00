/** The whole-folder archive ("Xuất toàn bộ dữ liệu"): one file with a copy of the database and
 *  every evidence file it names, for moving the data to another PC. Merged into the contract in
 *  contract.ts. Its format name differs from a submission package's, so neither is taken for the other. */
import { z } from 'zod';
import { out } from '../phantom';

export const DATA_ARCHIVE_FORMAT = 'par-data-archive/v1';

export interface DataArchiveExport {
  fileName: string;
  size: number;
  /** Relative to the data folder's exports/ route (web download), like a package export. */
  downloadPath: string;
  evidenceFiles: number;
  evidenceBytes: number;
}

export const dataArchiveChannels = {
  /** Writes the archive into <data>/exports/ (the desktop shell then offers to save it elsewhere, the web mode downloads it). */
  'dataArchive:export': { input: z.strictObject({}), output: out<DataArchiveExport>() },
} as const;
