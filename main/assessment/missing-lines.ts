/** What keeps an assessment from being complete, in the officer's words: used to refuse a lock
 *  (assessment-status.ts), in the draft box of the report and in the refusal of a final export. */

export interface Completeness {
  unansweredCodes: string[];
  needsExplanationCodes: string[];
}

/** Short labels of what is incomplete, one line each (shown in the draft box, returned to the UI,
 *  and used in the refusal of a final export). */
export function missingLines(c: Completeness): string[] {
  const lines: string[] = [];
  if (c.unansweredCodes.length > 0) {
    lines.push(`Còn ${c.unansweredCodes.length} tiêu chí chưa chấm: ${c.unansweredCodes.join(', ')}.`);
  }
  if (c.needsExplanationCodes.length > 0) {
    lines.push(
      `Còn ${c.needsExplanationCodes.length} tiêu chí cần giải trình (có điểm nhưng chưa có tài liệu kiểm chứng hoặc giải trình): ${c.needsExplanationCodes.join(', ')}.`,
    );
  }
  return lines;
}
