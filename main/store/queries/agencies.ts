/** The `agencies` table: plain functions over an explicit handle. No transactions in here. */
import type Database from 'better-sqlite3';
import { withAgencyDefaults, type Agency, type AgencyDraft } from '../../../shared/api/entities';
import { prepared } from '../statements';

interface AgencyRecord {
  id: number;
  superior_body: string;
  name: string;
  ordinary_name: string;
  abbreviation: string;
  level: Agency['level'];
  place_name: string;
  signer_authority: string;
  signer_title: string;
  signer_name: string;
  officer_name: string;
  officer_contact: string;
  created_at: string;
  updated_at: string;
}

const COLUMNS = `id, superior_body, name, ordinary_name, abbreviation, level, place_name, signer_authority,
  signer_title, signer_name, officer_name, officer_contact, created_at, updated_at`;

function toAgency(r: AgencyRecord): Agency {
  return {
    id: r.id,
    superiorBody: r.superior_body,
    name: r.name,
    ordinaryName: r.ordinary_name,
    abbreviation: r.abbreviation,
    level: r.level,
    placeName: r.place_name,
    signerAuthority: r.signer_authority,
    signerTitle: r.signer_title,
    signerName: r.signer_name,
    officerName: r.officer_name,
    officerContact: r.officer_contact,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Named parameters for the draft's columns, with the defaults filled in (ordinary name, abbreviation). */
function draftParams(input: AgencyDraft): Record<string, string> {
  const draft = withAgencyDefaults(input);
  return {
    superior_body: draft.superiorBody,
    name: draft.name,
    ordinary_name: draft.ordinaryName,
    abbreviation: draft.abbreviation,
    level: draft.level,
    place_name: draft.placeName,
    signer_authority: draft.signerAuthority,
    signer_title: draft.signerTitle,
    signer_name: draft.signerName,
    officer_name: draft.officerName,
    officer_contact: draft.officerContact,
  };
}

export function listAgencies(db: Database.Database): Agency[] {
  const rows = prepared(db, `SELECT ${COLUMNS} FROM agencies ORDER BY name COLLATE NOCASE, id`).all() as AgencyRecord[];
  return rows.map(toAgency);
}

export function getAgency(db: Database.Database, id: number): Agency | undefined {
  const row = prepared(db, `SELECT ${COLUMNS} FROM agencies WHERE id = ?`).get(id) as AgencyRecord | undefined;
  return row && toAgency(row);
}

export function insertAgency(db: Database.Database, draft: AgencyDraft, now: string): Agency {
  const info = prepared(
    db,
    `INSERT INTO agencies (superior_body, name, ordinary_name, abbreviation, level, place_name, signer_authority,
       signer_title, signer_name, officer_name, officer_contact, created_at, updated_at)
     VALUES (@superior_body, @name, @ordinary_name, @abbreviation, @level, @place_name, @signer_authority,
       @signer_title, @signer_name, @officer_name, @officer_contact, @now, @now)`,
  ).run({ ...draftParams(draft), now });
  const agency = getAgency(db, Number(info.lastInsertRowid));
  if (!agency) throw new Error('insertAgency: the new row cannot be read back');
  return agency;
}

/** Returns the updated agency, or undefined when no agency has this id. */
export function updateAgency(db: Database.Database, id: number, draft: AgencyDraft, now: string): Agency | undefined {
  const info = prepared(
    db,
    `UPDATE agencies SET superior_body = @superior_body, name = @name, ordinary_name = @ordinary_name, abbreviation = @abbreviation,
       level = @level, place_name = @place_name, signer_authority = @signer_authority,
       signer_title = @signer_title, signer_name = @signer_name, officer_name = @officer_name,
       officer_contact = @officer_contact, updated_at = @now
     WHERE id = @id`,
  ).run({ ...draftParams(draft), now, id });
  return info.changes === 1 ? getAgency(db, id) : undefined;
}
