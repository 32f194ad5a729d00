/** English. The `Messages` type makes a missing or extra key a compile error. */
import { enArchive } from './en-archive';
import { enBackups } from './en-backups';
import { enCore } from './en-core';
import { enEvidence } from './en-evidence';
import { enHistory } from './en-history';
import { enReport } from './en-report';
import { enYears } from './en-years';
import type { Messages } from './vi';

export const en: Messages = { ...enCore, ...enEvidence, ...enReport, ...enBackups, ...enArchive, ...enHistory, ...enYears };
