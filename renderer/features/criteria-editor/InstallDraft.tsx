/** "Ban hành / Cài đặt": stores what was typed, then installs the draft as a criteria set (asking before a new version). */
import { useState } from 'react';
import type { AppError } from '../../../shared/api/result';
import type { DraftCheck } from '../../../shared/domain/criteria-draft';
import { api } from '../../api/client';
import { IssueList } from '../../components/IssueList';
import { useT } from '../../i18n/i18n';

type InstallState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; message: string } | { kind: 'confirm' } | { kind: 'failed'; error: AppError };

export function InstallDraft({ draftId, check, pending, flush }: { draftId: number; check: DraftCheck; pending: boolean; flush: () => Promise<boolean> }) {
  const t = useT();
  const [state, setState] = useState<InstallState>({ kind: 'idle' });

  const install = async (confirmNewVersion: boolean) => {
    setState({ kind: 'busy' });
    if (!(await flush())) {
      setState({ kind: 'failed', error: { code: 'INTERNAL', message: t('editor.saveFailed', { message: '' }) } });
      return;
    }
    const result = await api['criteriaDrafts:install']({ id: draftId, confirmNewVersion });
    if (result.ok) {
      const { summary, alreadyInstalled } = result.value;
      setState({ kind: 'done', message: alreadyInstalled ? t('editor.alreadyInstalled', { title: summary.title }) : t('editor.installed', { title: summary.title, version: summary.version }) });
    } else if (result.error.code === 'NEEDS_CONFIRMATION' && !confirmNewVersion) {
      setState({ kind: 'confirm' });
    } else {
      setState({ kind: 'failed', error: result.error });
    }
  };

  return (
    <section className="panel editor-install" aria-label={t('editor.install')}>
      <button type="button" className="button primary" disabled={state.kind === 'busy' || pending || !check.ok} onClick={() => void install(false)}>
        {t('editor.install')}
      </button>
      {state.kind === 'confirm' && (
        <p role="alert">
          {t('editor.installConfirm')}{' '}
          <button type="button" onClick={() => void install(true)}>
            {t('editor.installNewVersion')}
          </button>
        </p>
      )}
      {state.kind === 'done' && <p role="status">{state.message}</p>}
      {state.kind === 'failed' && (
        <IssueList title={`${t('editor.installFailed')}: ${state.error.message}`} issues={state.error.issues ?? []} />
      )}
    </section>
  );
}
