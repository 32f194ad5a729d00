/** Agency profiles (several per install): created and edited in one transaction each. */
import type Database from 'better-sqlite3';
import type { Agency, AgencyDraft } from '../../shared/api/entities';
import { AppFailure } from '../../shared/api/result';
import { getAgency, insertAgency, updateAgency } from '../store/queries/agencies';

export function createAgency(db: Database.Database, draft: AgencyDraft, now: string): Agency {
  return db.transaction(() => insertAgency(db, draft, now))();
}

export function editAgency(db: Database.Database, req: { id: number; draft: AgencyDraft }, now: string): Agency {
  return db.transaction(() => {
    if (!getAgency(db, req.id)) throw new AppFailure('NOT_FOUND', 'Không tìm thấy cơ quan.');
    return updateAgency(db, req.id, req.draft, now)!;
  })();
}
