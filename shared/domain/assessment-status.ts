/**
 * The assessment's life: draft → 'final' (locked; the stored name predates the later steps) →
 * submitted → appraised (further rounds stay appraised) → closed (the published result; entering
 * it again corrects it). Every status after draft is read only for answers and evidence. Going back
 * one step (unlock, reopen) needs a reason, which the history keeps.
 */
export const ASSESSMENT_STATUSES = ['draft', 'final', 'submitted', 'appraised', 'closed'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** True for every status after draft: answers and evidence are frozen as locked. */
export const isReadOnlyStatus = (status: AssessmentStatus): boolean => status !== 'draft';

/** Vietnamese names for messages and documents written by main (the screens use renderer/i18n). */
export const STATUS_NAME_VI: Readonly<Record<AssessmentStatus, string>> = {
  draft: 'Đang soạn',
  final: 'Đã khóa',
  submitted: 'Đã nộp',
  appraised: 'Đã thẩm định',
  closed: 'Đã có kết quả công bố',
};

/** Where each status goes back to (unlock, reopen). */
export const PREVIOUS_STATUS: Readonly<Partial<Record<AssessmentStatus, AssessmentStatus>>> = {
  final: 'draft',
  submitted: 'final',
  appraised: 'submitted',
  closed: 'appraised',
};

/** Forward moves, and from which statuses each is allowed. */
const FORWARD_FROM: Readonly<Record<AssessmentStatus, readonly AssessmentStatus[]>> = {
  draft: [],
  final: ['draft'],
  submitted: ['final'],
  appraised: ['submitted', 'appraised'],
  closed: ['appraised'],
};

export type Transition = { kind: 'forward' } | { kind: 'back' } | { kind: 'refused'; message: string };

const NEEDS_VI: Readonly<Record<AssessmentStatus, string>> = {
  draft: '',
  final: 'chỉ khóa được kỳ đánh giá đang soạn',
  submitted: 'chỉ nộp được kỳ đánh giá đã khóa',
  appraised: 'chỉ ghi nhận kết quả thẩm định cho kỳ đánh giá đã nộp hoặc đã thẩm định',
  closed: 'chỉ ghi kết quả công bố cho kỳ đánh giá đã thẩm định',
};

/** Whether `from → to` is a step forward, a step back, or refused (with a Vietnamese message). */
export function transitionOf(from: AssessmentStatus, to: AssessmentStatus): Transition {
  if (FORWARD_FROM[to].includes(from)) return { kind: 'forward' };
  if (PREVIOUS_STATUS[from] === to) return { kind: 'back' };
  const need = to === 'draft' ? 'chỉ mở khóa được kỳ đánh giá đã khóa; kỳ đã nộp hãy mở lại từng bước' : NEEDS_VI[to];
  return { kind: 'refused', message: `Không chuyển được trạng thái: ${need} (hiện tại: ${STATUS_NAME_VI[from]}).` };
}
