import type { CriteriaNode } from '../../../shared/domain/criteria-set-schema';
import { useT } from '../../i18n/i18n';

/** Guidance, suggested evidence and the scoring rule of a leaf: data from the set, shown as plain text. */
export function LeafTexts({ leaf, rule }: { leaf: CriteriaNode; rule?: string | undefined }) {
  const t = useT();
  return (
    <dl className="leaf-texts">
      {leaf.guidance && (
        <div>
          <dt>{t('leaf.guidance')}</dt>
          <dd className="prewrap">{leaf.guidance}</dd>
        </div>
      )}
      {leaf.evidenceHint && (
        <div>
          <dt>{t('leaf.evidenceHint')}</dt>
          <dd className="prewrap">{leaf.evidenceHint}</dd>
        </div>
      )}
      {rule && (
        <div>
          <dt>{t('leaf.rule')}</dt>
          <dd>{rule}</dd>
        </div>
      )}
    </dl>
  );
}
