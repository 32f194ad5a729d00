/**
 * Rules about the result classes ("Xuất sắc ≥ 90 %", …): highest first with strictly falling
 * thresholds, distinct names, and the last one starting at 0 % so every result has a class.
 */
import type { ResultClass } from './criteria-set-schema';
import { formatNumberVi, type ReportIssue } from './validation-issue';

export function checkResultClasses(classes: readonly ResultClass[], report: ReportIssue): void {
  checkDescendingThresholds(classes, report);
  checkDistinctNames(classes, report);
  checkLastStartsAtZero(classes, report);
}

function checkDescendingThresholds(classes: readonly ResultClass[], report: ReportIssue): void {
  for (let i = 1; i < classes.length; i++) {
    const previous = classes[i - 1]!;
    const current = classes[i]!;
    if (current.minPercent >= previous.minPercent) {
      report(
        `classes[${i}].minPercent`,
        `Các xếp loại phải xếp từ cao xuống thấp: "${current.name}" (từ ${formatNumberVi(current.minPercent)}%) ` +
          `phải có ngưỡng thấp hơn "${previous.name}" (từ ${formatNumberVi(previous.minPercent)}%).`,
      );
    }
  }
}

function checkDistinctNames(classes: readonly ResultClass[], report: ReportIssue): void {
  const seen = new Set<string>();
  classes.forEach((resultClass, i) => {
    const key = resultClass.name.trim().normalize('NFC').toLocaleLowerCase('vi');
    if (seen.has(key)) report(`classes[${i}].name`, `Tên xếp loại "${resultClass.name}" bị trùng.`);
    seen.add(key);
  });
}

function checkLastStartsAtZero(classes: readonly ResultClass[], report: ReportIssue): void {
  const last = classes[classes.length - 1];
  if (last && last.minPercent !== 0) {
    report(
      `classes[${classes.length - 1}].minPercent`,
      `Xếp loại thấp nhất ("${last.name}") phải bắt đầu từ 0% để kết quả nào cũng có xếp loại (hiện là ${formatNumberVi(last.minPercent)}%).`,
    );
  }
}
