/** What the app remembers on this computer between sessions: the last agency, assessment and item. */
const AGENCY_KEY = 'par.lastAgencyId';
const ASSESSMENT_KEY = 'par.lastAssessmentId';
const codeKey = (assessmentId: number) => `par.lastCode.${assessmentId}`;

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage unavailable: nothing is remembered, the app still works.
  }
}

function readId(key: string): number | null {
  const n = Number(read(key));
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

export const remembered = {
  agencyId: () => readId(AGENCY_KEY),
  setAgencyId: (id: number | null) => write(AGENCY_KEY, id === null ? null : String(id)),
  assessmentId: () => readId(ASSESSMENT_KEY),
  setAssessmentId: (id: number | null) => write(ASSESSMENT_KEY, id === null ? null : String(id)),
  code: (assessmentId: number) => read(codeKey(assessmentId)),
  setCode: (assessmentId: number, code: string) => write(codeKey(assessmentId), code),
};
