/**
 * Importing the council's result (one round) into an assessment, in ONE transaction: checked
 * against the assessment first (status, agency, year, set hash, round, codes, ranges) so that a
 * refused file changes nothing; the self scores are never touched. The same file again changes
 * nothing; a later round adds a round. The status moves to appraised (lifecycle `markAppraised`)
 * and, when the file carries the published rank and class, to closed (`closeAssessment`).
 */
import type Database from 'better-sqlite3';
import type { AppraisalImportResult } from '../../shared/api/channels/appraisal';
import { AppFailure } from '../../shared/api/result';
import { transitionOf } from '../../shared/domain/assessment-status';
import { checkAppraisal } from '../../shared/domain/appraisal/check-appraisal';
import { computeAppraisedTotals } from '../../shared/domain/appraisal/appraised-totals';
import type { AppraisalFile } from '../../shared/domain/appraisal/appraisal-schema';
import { fromMilli } from '../../shared/domain/points';
import { requireAssessment, toAnswerInput } from '../assessment/assessment-view';
import { loadCriteriaSet } from '../criteria/set-cache';
import { recordChange } from '../history/record';
import { closeAssessment, lifecycleView, markAppraised } from '../lifecycle/lifecycle';
import { getAgency } from '../store/queries/agencies';
import { insertRound, listPoints, listRounds } from '../store/queries/appraisal';
import { listAnswers } from '../store/queries/answers';
import { buildAppraisalView, councilPoints } from './appraisal-view';
import { NOTHING_CHANGED, type ReadAppraisal } from './read-appraisal-file';

const sameName = (a: string, b: string): boolean => {
  const norm = (t: string) => t.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('vi');
  return norm(a) === norm(b);
};

const refuse = (message: string, path = ''): AppFailure => new AppFailure('CONFLICT', `${message} ${NOTHING_CHANGED}`, { path });

function requireSameAssessment(db: Database.Database, assessmentId: number, file: AppraisalFile) {
  const assessment = requireAssessment(db, assessmentId);
  const t = transitionOf(assessment.status, 'appraised');
  if (t.kind !== 'forward') {
    const why = assessment.status === 'draft' ? 'Kỳ đánh giá đang soạn: chỉ nhập kết quả thẩm định sau khi đã khóa và nộp báo cáo.' : t.kind === 'refused' ? t.message : 'Kỳ đánh giá không nhận kết quả thẩm định ở trạng thái này.';
    throw refuse(why);
  }
  const agency = getAgency(db, assessment.agencyId)!;
  const abbreviationDiffers = file.agency.abbreviation !== '' && agency.abbreviation !== '' && !sameName(file.agency.abbreviation, agency.abbreviation);
  if (!sameName(file.agency.name, agency.name) || abbreviationDiffers) {
    throw refuse(`Tệp thẩm định này dành cho cơ quan "${file.agency.name}", không phải "${agency.name}".`, 'agency');
  }
  if (file.year !== assessment.year) throw refuse(`Tệp thẩm định này dành cho năm ${file.year}, kỳ đánh giá đang mở là năm ${assessment.year}.`, 'year');
  if (file.setHash !== assessment.setHash) {
    throw refuse(`Tệp thẩm định chấm theo một bộ chỉ số khác (mã ${file.setHash.slice(0, 12)}…), kỳ đánh giá dùng bộ chỉ số mã ${assessment.setHash.slice(0, 12)}….`, 'setHash');
  }
  return assessment;
}

export function importAppraisal(db: Database.Database, assessmentId: number, read: ReadAppraisal, fileName: string, now: string): AppraisalImportResult {
  return db.transaction((): AppraisalImportResult => {
    const { file, hash } = read;
    const rounds = listRounds(db, assessmentId);
    const same = rounds.find((r) => r.fileHash === hash);
    if (same) return { round: same.round, changed: false, appraisal: buildAppraisalView(db, assessmentId), lifecycle: lifecycleView(db, assessmentId) };

    const assessment = requireSameAssessment(db, assessmentId, file);
    const last = rounds.at(-1);
    if (last && file.round <= last.round) {
      throw refuse(`Vòng thẩm định ${file.round} không mới hơn vòng ${last.round} đã nhập (từ tệp "${last.fileName}"); vòng sau phải có số lớn hơn.`, 'round');
    }
    const set = loadCriteriaSet(db, assessment.setHash);
    const check = checkAppraisal(set, file);
    if (!check.ok) {
      const shown = check.problems.slice(0, 5).map((p) => p.message).join(' ');
      const more = check.problems.length > 5 ? ` (và ${check.problems.length - 5} lỗi khác)` : '';
      throw new AppFailure('INVALID_INPUT', `Tệp thẩm định có ${check.problems.length} lỗi: ${shown}${more} ${NOTHING_CHANGED}`, { path: check.problems[0]!.path });
    }

    insertRound(
      db,
      { assessmentId, round: file.round, fileHash: hash, fileName, appraisedOn: file.appraisedOn, council: file.council, statedTotalsJson: file.totals ? JSON.stringify(file.totals) : null, publishedJson: file.published ? JSON.stringify(file.published) : null, importedAt: now },
      check.entries,
    );
    const requests = check.entries.filter((e) => e.request !== 'none').length;
    const scored = check.entries.filter((e) => e.pointsMilli !== null && !e.survey).length;
    const survey = check.entries.filter((e) => e.survey && e.pointsMilli !== null).length;
    recordChange(db, { assessmentId, kind: 'import', action: 'appraisal', after: { round: file.round, fileName, scored, survey, requests } }, now);
    markAppraised(db, assessmentId, { round: file.round, fileName }, now);

    if (file.published) {
      const totals = computeAppraisedTotals(set, new Map(listAnswers(db, assessmentId).map((r) => [r.code, toAnswerInput(r)])), councilPoints(listPoints(db, assessmentId)));
      const finalScore = file.totals?.total ?? fromMilli(totals.totalMilli);
      const indexPercent = file.totals?.percent ?? totals.percent;
      const p = file.published;
      closeAssessment(db, assessmentId, { finalScore: Math.max(0, finalScore), indexPercent, className: p.className, rank: p.rank, rankOf: p.rankOf, publishedOn: p.publishedOn }, now);
    }
    return { round: file.round, changed: true, appraisal: buildAppraisalView(db, assessmentId), lifecycle: lifecycleView(db, assessmentId) };
  })();
}
