import { useId } from 'react';
import type { ResponseImportResult } from '../../../shared/api/channels/package';
import { useT } from '../../i18n/i18n';
import { UndoImport } from './UndoImport';

/** "Kết quả nhập gói" for a response package: what came into the assessment it answers for, the
 *  way to open it and, when something changed, "Hoàn tác lần nhập" (the backup taken just before). */
export function ResponseImportResultView({ result, onOpen, onUndone }: { result: ResponseImportResult; onOpen: () => void; onUndone: () => void }) {
  const t = useT();
  const id = useId();
  const c = result.created;
  const summary = result.unchanged
    ? t('package.import.responseUnchanged', { round: result.round })
    : t('package.import.responseDone', { round: result.round, explanations: c.explanations, items: c.items, files: c.files, links: c.links });
  return (
    <section className="import-result" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('package.import.title')}</h3>
      <p className="success" role="status">
        {summary}
      </p>
      <div className="form-actions">
        <button type="button" className="primary" onClick={onOpen}>
          {t('package.import.open')}
        </button>
      </div>
      {result.undoBackup !== null && <UndoImport undoBackup={result.undoBackup} onUndone={onUndone} />}
    </section>
  );
}
