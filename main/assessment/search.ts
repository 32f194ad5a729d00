/** One search box over the criteria of an assessment and the agency's evidence, diacritic- and
 *  case-insensitive with đ → d ("ke hoach" finds "Kế hoạch"). */
import type Database from 'better-sqlite3';
import type { SearchResults } from '../../shared/api/channels/evidence';
import type { CriteriaSet } from '../../shared/domain/criteria-set-schema';
import { walkSet } from '../../shared/domain/criteria-tree';
import { foldVi } from '../../shared/format/search-fold';
import { loadCriteriaSet } from '../criteria/set-cache';
import { countEvidenceMatches, searchEvidence, searchWords } from '../store/queries/evidence';
import { requireAssessment } from './assessment-view';

/** Evidence results per page; the officer asks for the next page with `evidenceOffset`. */
export const EVIDENCE_PAGE = 50;

function containsAll(folded: string, words: string[]): boolean {
  return words.every((w) => folded.includes(w));
}

interface FoldedNode {
  code: string;
  title: string;
  heading: string;
  body: string;
}

/** Sets are immutable, so their folded texts are computed once per set. */
const foldedSets = new WeakMap<CriteriaSet, FoldedNode[]>();

function foldedNodes(set: CriteriaSet): FoldedNode[] {
  let nodes = foldedSets.get(set);
  if (!nodes) {
    nodes = [...walkSet(set)].map(({ node }) => ({
      code: node.code,
      title: node.title,
      heading: foldVi(`${node.code} ${node.title}`),
      body: foldVi(`${node.title} ${node.guidance ?? ''} ${node.evidenceHint ?? ''}`),
    }));
    foldedSets.set(set, nodes);
  }
  return nodes;
}

/** Every matching criterion (a set has a few hundred nodes at most) and one page of evidence with
 *  how many documents match in all.
 *  `evidenceOffset` > 0 asks for a further page of evidence only (criteria then come back empty). */
export function searchAssessment(db: Database.Database, assessmentId: number, query: string, evidenceOffset = 0): SearchResults {
  const words = searchWords(query);
  if (words.length === 0) return { criteria: [], evidence: [], evidenceTotal: 0 };
  const assessment = requireAssessment(db, assessmentId);
  const criteria: SearchResults['criteria'] = [];
  if (evidenceOffset === 0) {
    for (const node of foldedNodes(loadCriteriaSet(db, assessment.setHash))) {
      const codeMatch = words.length === 1 && node.code === query.trim();
      const matchedIn = codeMatch ? 'code' : containsAll(node.heading, words) ? 'title' : containsAll(node.body, words) ? 'guidance' : null;
      if (matchedIn) criteria.push({ code: node.code, title: node.title, matchedIn });
    }
  }
  const evidence = searchEvidence(db, assessment.agencyId, query, EVIDENCE_PAGE, evidenceOffset).map((item) => ({
    item,
    codes: item.links.filter((l) => l.assessmentId === assessmentId).map((l) => l.code),
  }));
  return { criteria, evidence, evidenceTotal: countEvidenceMatches(db, assessment.agencyId, query) };
}
