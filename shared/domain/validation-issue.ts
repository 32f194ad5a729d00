/** One problem found in a criteria-set file: where (a JSON path) and what (plain Vietnamese). */
export interface ValidationIssue {
  /** JSON path such as `fields[0].children[2].maxPoints`; '' means the whole file. */
  path: string;
  message: string;
}

/** Receives one issue; the checks call it for every problem they find. */
export type ReportIssue = (path: string, message: string) => void;

/** Reports beyond this many are counted, not listed. */
export const MAX_REPORTED_ISSUES = 200;

export interface IssueCollector {
  report: ReportIssue;
  /** The issues collected, at most `limit`; the last one says how many more were left out. */
  issues(): ValidationIssue[];
}

export function createIssueCollector(limit = MAX_REPORTED_ISSUES): IssueCollector {
  const kept: ValidationIssue[] = [];
  let total = 0;
  return {
    report(path, message) {
      total++;
      if (kept.length < limit) kept.push({ path, message });
    },
    issues() {
      if (total <= limit) return [...kept];
      const listed = kept.slice(0, limit - 1);
      const note = `Còn ${total - listed.length} lỗi khác chưa liệt kê; hãy sửa các lỗi trên rồi kiểm tra lại.`;
      return [...listed, { path: '', message: note }];
    },
  };
}

/** A number as Vietnamese writes it: 0.25 → "0,25" (no rounding: the file's own value). */
export function formatNumberVi(value: number): string {
  return String(value).replace('.', ',');
}
