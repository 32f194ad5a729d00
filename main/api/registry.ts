/** Every channel's handler. The type `HandlerRegistry` makes a missing handler a compile error. */
import type { HandlerRegistry } from './dispatch';
import { agencyHandlers } from './handlers/agencies';
import { answerHandlers } from './handlers/answers';
import { appHandlers } from './handlers/app';
import { assessmentHandlers } from './handlers/assessments';
import { backupHandlers } from './handlers/backups';
import { criteriaSetHandlers } from './handlers/criteria-sets';
import { evidenceHandlers } from './handlers/evidence';
import { pickedEvidenceHandlers } from './handlers/evidence-picked';
import { historyHandlers } from './handlers/history';
import { packageHandlers } from './handlers/package';
import { dataArchiveHandlers } from './handlers/data-archive';
import { reportHandlers } from './handlers/report';
import { yearHandlers } from './handlers/years';

export function createHandlerRegistry(): HandlerRegistry {
  return { ...appHandlers, ...agencyHandlers, ...criteriaSetHandlers, ...assessmentHandlers, ...answerHandlers, ...evidenceHandlers, ...pickedEvidenceHandlers, ...reportHandlers, ...packageHandlers, ...backupHandlers, ...dataArchiveHandlers, ...historyHandlers, ...yearHandlers };
}
