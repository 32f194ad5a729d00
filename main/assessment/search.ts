/** One search box over the criteria of an assessment and the agency's evidence, diacritic- and
 *  case-insensitive with đ → d ("ke hoach" finds "Kế hoạch"). */
import type Database from 'better-sqlite3';
import type { SearchResults } from '../../shared/api/channels/evidence';
import type { CriteriaSet } from '../../shared/domain/criteria-set-schema';
import { walkSet } from '../../shared/domain/criteria-tree';
import { foldVi } from '../../shared/format/search-fold';
import { loadCriteriaSet } from '../criteria/set-cache';
import { searchEvidence, searchWords } from '../store/queries/evidence';
import { requireAssessment } from './assessment-view';

const MAX_CRITERIA = 50;
const MAX_EVIDENCE = 50;

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

export function searchAssessment(db: Database.Database, assessmentId: number, query: string): SearchResults {
  const words = searchWords(query);
  if (words.length === 0) return { criteria: [], evidence: [] };
  const assessment = requireAssessment(db, assessmentId);
  const set = loadCriteriaSet(db, assessment.setHash);
  const criteria: SearchResults['criteria'] = [];
  for (const node of foldedNodes(set)) {
    if (criteria.length >= MAX_CRITERIA) break;
    const codeMatch = words.length === 1 && node.code === query.trim();
    const matchedIn = codeMatch ? 'code' : containsAll(node.heading, words) ? 'title' : containsAll(node.body, words) ? 'guidance' : null;
    if (matchedIn) criteria.push({ code: node.code, title: node.title, matchedIn });
  }
  const evidence = searchEvidence(db, assessment.agencyId, query, MAX_EVIDENCE).map((item) => ({
    item,
    codes: item.links.filter((l) => l.assessmentId === assessmentId).map((l) => l.code),
  }));
  return { criteria, evidence };
}
