/** How the opening sentence cites the criteria set: as a document, "Bộ chỉ số … ban hành kèm theo
 *  Quyết định số …" when the set's legal basis names the decision that issued it. */
import type { ReportModel } from './model';

const SET_WORDS_RE = /^bộ chỉ số/iu;
/** A legal-basis entry that issues a criteria set: "Quyết định số 12/QĐ-UBND ngày … của … ban hành Bộ chỉ số …". */
const ISSUING_RE = /^(.*?\S)\s+(?:về việc\s+)?ban hành\s+(?:kèm theo\s+)?bộ chỉ số/iu;

/** The set's title as a document name: a title that does not start with "Bộ chỉ số" is quoted after it. */
function setName(title: string): string {
  const t = title.trim();
  return SET_WORDS_RE.test(t) ? t : `Bộ chỉ số “${t}”`;
}

/** The decision that issued the set, from its legal basis (first entry that says so), if any. */
export function issuingDecision(legalBasis: readonly string[]): string | null {
  for (const entry of legalBasis) {
    const match = ISSUING_RE.exec(entry.trim());
    if (match) return match[1]!;
  }
  return null;
}

export function setCitation(set: Pick<ReportModel['set'], 'title' | 'legalBasis'>): string {
  const decision = issuingDecision(set.legalBasis);
  return decision ? `${setName(set.title)} ban hành kèm theo ${decision}` : setName(set.title);
}
