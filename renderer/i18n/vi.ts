/**
 * Vietnamese, the default language. Every user-facing string of the renderer lives in the vi-*.ts
 * parts (and in the en-*.ts parts with the same keys). `{name}` placeholders are filled by
 * t(key, { name }).
 */
import { viAppraisal } from './vi-appraisal';
import { viArchive } from './vi-archive';
import { viBackups } from './vi-backups';
import { viCore } from './vi-core';
import { viDataFolder } from './vi-data-folder';
import { viEvidence } from './vi-evidence';
import { viEditor } from './vi-editor';
import { viHistory } from './vi-history';
import { viReport } from './vi-report';
import { viYears } from './vi-years';

export const vi = { ...viCore, ...viEvidence, ...viReport, ...viBackups, ...viArchive, ...viHistory, ...viDataFolder, ...viEditor, ...viAppraisal, ...viYears } as const;

/** The parts, for the check that no key is defined twice (a later part would silently win). */
export const viParts = [viCore, viEvidence, viReport, viBackups, viArchive, viHistory, viDataFolder, viEditor, viAppraisal, viYears] as const;

export type MessageKey = keyof typeof vi;
/** Every language must provide every key (enforced on en.ts by this type). */
export type Messages = { readonly [K in MessageKey]: string };
