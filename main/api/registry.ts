/** Every channel's handler. The type `HandlerRegistry` makes a missing handler a compile error. */
import type { HandlerRegistry } from './dispatch';
import { agencyHandlers } from './handlers/agencies';
import { appraisalHandlers } from './handlers/appraisal';
import { answerHandlers } from './handlers/answers';
import { appHandlers } from './handlers/app';
import { assessmentHandlers } from './handlers/assessments';
import { backupHandlers } from './handlers/backups';
import { criteriaDraftHandlers } from './handlers/criteria-drafts';
import { criteriaSetHandlers } from './handlers/criteria-sets';
import { evidenceHandlers } from './handlers/evidence';
import { pickedEvidenceHandlers } from './handlers/evidence-picked';
import { historyHandlers } from './handlers/history';
import { packageHandlers } from './handlers/package';
import { dataArchiveHandlers } from './handlers/data-archive';
import { dataFolderHandlers } from './handlers/data-folder';
import { reportHandlers } from './handlers/report';
import { yearHandlers } from './handlers/years';

export function createHandlerRegistry(): HandlerRegistry {
  return { ...appHandlers, ...agencyHandlers, ...criteriaSetHandlers, ...criteriaDraftHandlers, ...assessmentHandlers, ...answerHandlers, ...evidenceHandlers, ...pickedEvidenceHandlers, ...reportHandlers, ...packageHandlers, ...backupHandlers, ...dataArchiveHandlers, ...dataFolderHandlers, ...historyHandlers, ...appraisalHandlers, ...yearHandlers };
}
