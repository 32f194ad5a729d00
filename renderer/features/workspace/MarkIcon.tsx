import type { NodeMark } from '../../../shared/domain/scoring-types';
import { useT } from '../../i18n/i18n';

const icons: Record<NodeMark, string> = {
  unanswered: '○',
  answered: '✓',
  needsExplanation: '◐',
  notApplicable: '⊘',
  survey: '◇',
};

/** A completeness mark: a distinct shape plus text (hidden visually unless `withText`), never colour alone. */
export function MarkIcon({ mark, withText = false }: { mark: NodeMark; withText?: boolean }) {
  const t = useT();
  const text = t(`mark.${mark}`);
  return (
    <span className={`mark mark--${mark}${withText ? ' mark--with-text' : ''}`} title={text}>
      <span className="mark-icon" aria-hidden="true">
        {icons[mark]}
      </span>
      <span className={withText ? 'mark-text' : 'sr-only'}>{text}</span>
    </span>
  );
}
