/** "Soạn bộ chỉ số": the drafts, starting one (blank or a copy of an installed set), and the open draft. */
import { useCallback, useEffect, useId, useState } from 'react';
import type { CriteriaDraftSummary, CriteriaDraftView } from '../../../shared/api/channels/criteria-drafts';
import type { CriteriaSetSummary } from '../../../shared/api/entities';
import { api } from '../../api/client';
import { BackButton } from '../../components/BackButton';
import { formatDateTime } from '../../components/format';
import { useT } from '../../i18n/i18n';
import { DraftEditor } from './DraftEditor';
import { Choice, Text } from './editor-fields';
import './criteria-editor.css';
import { FormError } from '../../components/FormError';

export function CriteriaEditorScreen({ onBack }: { onBack: () => void }) {
  const t = useT();
  const id = useId();
  const [drafts, setDrafts] = useState<CriteriaDraftSummary[]>([]);
  const [sets, setSets] = useState<CriteriaSetSummary[]>([]);
  const [open, setOpen] = useState<CriteriaDraftView | null>(null);
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [copyHash, setCopyHash] = useState('');
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const [list, installed] = await Promise.all([api['criteriaDrafts:list']({}), api['criteriaSets:list']({})]);
    if (list.ok) setDrafts(list.value.drafts);
    if (installed.ok) setSets(installed.value.sets);
    const failure = !list.ok ? list.error : !installed.ok ? installed.error : null;
    setError(failure ? t('editor.failed', { message: failure.message }) : null);
  }, [t]);

  useEffect(() => {
    // The backend is the external system this effect reads from.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  const show = (result: Awaited<ReturnType<(typeof api)['criteriaDrafts:get']>>) => {
    if (result.ok) setOpen(result.value);
    else setError(t('editor.failed', { message: result.error.message }));
  };
  const createBlank = async () => {
    const y = Number(year);
    if (!Number.isInteger(y) || y < 2000 || y > 2100) return setError(t('editor.failed', { message: 'Năm phải từ 2000 đến 2100' }));
    show(await api['criteriaDrafts:create']({ from: { kind: 'blank', year: y } }));
  };
  const copy = async () => {
    const hash = copyHash || sets[0]?.hash;
    if (hash) show(await api['criteriaDrafts:create']({ from: { kind: 'set', hash } }));
  };
  const remove = async (draft: CriteriaDraftSummary) => {
    if (!window.confirm(t('editor.deleteConfirm', { title: draft.title }))) return;
    const result = await api['criteriaDrafts:delete']({ id: draft.id });
    if (!result.ok) setError(t('editor.failed', { message: result.error.message }));
    void load();
  };

  if (open) {
    return (
      <div className="screen editor-screen">
        <BackButton
          label={t('editor.drafts')}
          onBack={() => {
            setOpen(null);
            void load();
          }}
        />
        <h1>
          {t('editor.title')}: {open.title}
        </h1>
        <DraftEditor key={open.id} initial={open} />
      </div>
    );
  }

  return (
    <div className="screen editor-screen">
      <BackButton label={t('editor.back')} onBack={onBack} />
      <h1 id={`${id}-title`}>{t('editor.title')}</h1>
      <p>{t('editor.intro')}</p>
      <FormError message={error} />
      <section className="panel" aria-labelledby={`${id}-drafts`}>
        <h2 id={`${id}-drafts`}>{t('editor.drafts')}</h2>
        {drafts.length === 0 && <p>{t('editor.noDrafts')}</p>}
        <ul className="editor-drafts">
          {drafts.map((draft) => (
            <li key={draft.id}>
              <button type="button" aria-label={t('editor.openDraft', { title: draft.title })} onClick={async () => show(await api['criteriaDrafts:get']({ id: draft.id }))}>
                {draft.title}
              </button>{' '}
              <span className="field-hint">{t('editor.updated', { when: formatDateTime(draft.updatedAt) })}</span>{' '}
              <button type="button" aria-label={t('editor.deleteDraft', { title: draft.title })} onClick={() => void remove(draft)}>
                ✕
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className="panel">
        <h2>{t('editor.newBlank')}</h2>
        <Text label={t('editor.blankYear')} value={year} onChange={setYear} inputMode="numeric" />
        <button type="button" className="button primary" onClick={() => void createBlank()}>
          {t('editor.newBlank')}
        </button>
      </section>
      {sets.length > 0 && (
        <section className="panel">
          <h2>{t('editor.copyFrom')}</h2>
          <p className="field-hint">{t('editor.copyHint')}</p>
          <Choice
            label={t('editor.copyFrom')}
            value={copyHash || sets[0]!.hash}
            options={sets.map((s) => ({ value: s.hash, label: `${s.title} (${s.year}, v${s.version})` }))}
            onChange={setCopyHash}
          />
          <button type="button" onClick={() => void copy()}>
            {t('editor.copy')}
          </button>
        </section>
      )}
    </div>
  );
}
