import { useId } from 'react';
import type { PackageImportResult } from '../../../shared/api/channels/package';
import { useT } from '../../i18n/i18n';
import { UndoImport } from './UndoImport';

/** "Kết quả nhập gói": unchanged, created or overwritten, with what came in. */
export function ImportResultView({ result, onOpen, onUndone }: { result: PackageImportResult; onOpen: () => void; onUndone: () => void }) {
  const t = useT();
  const id = useId();
  const c = result.created;
  const verdict = result.unchanged ? t('package.import.unchanged') : result.overwritten ? t('package.import.overwritten') : t('package.import.created');
  const yesNo = (value: boolean) => t(value ? 'package.import.yes' : 'package.import.no');
  return (
    <section className="import-result" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('package.import.title')}</h3>
      <p className="success" role="status">
        {verdict}
      </p>
      <dl className="verify-facts">
        <div>
          <dt>{t('package.import.newAgency')}</dt>
          <dd>{yesNo(c.agency)}</dd>
        </div>
        <div>
          <dt>{t('package.import.newSet')}</dt>
          <dd>{yesNo(c.criteriaSet)}</dd>
        </div>
        <div>
          <dt>{t('package.import.newAssessment')}</dt>
          <dd>{yesNo(c.assessment)}</dd>
        </div>
        <div>
          <dt>{t('package.import.written')}</dt>
          <dd>{t('package.import.counts', { answers: c.answers, items: c.items, files: c.files, links: c.links })}</dd>
        </div>
      </dl>
      <div className="form-actions">
        <button type="button" className="primary" onClick={onOpen}>
          {t('package.import.open')}
        </button>
      </div>
      {result.overwritten && <UndoImport undoBackup={result.undoBackup} onUndone={onUndone} />}
    </section>
  );
}
