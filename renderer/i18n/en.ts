/** English. The `Messages` type makes a missing or extra key a compile error. */
import { enAppraisal } from './en-appraisal';
import { enArchive } from './en-archive';
import { enBackups } from './en-backups';
import { enCore } from './en-core';
import { enDataFolder } from './en-data-folder';
import { enEvidence } from './en-evidence';
import { enEditor } from './en-editor';
import { enHistory } from './en-history';
import { enReport } from './en-report';
import { enYears } from './en-years';
import type { Messages } from './vi';

export const en: Messages = { ...enCore, ...enEvidence, ...enReport, ...enBackups, ...enArchive, ...enHistory, ...enDataFolder, ...enEditor, ...enAppraisal, ...enYears };
