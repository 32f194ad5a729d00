import { useId, useState, type Ref } from 'react';
import type { EvidenceChange } from '../../../shared/api/channels/evidence';
import type { EvidenceDraft, EvidenceFile, EvidenceItem } from '../../../shared/api/evidence-entities';
import type { Result } from '../../../shared/api/result';
import { api } from '../../api/client';
import { ConfirmInline } from '../../components/ConfirmInline';
import { useT } from '../../i18n/i18n';
import { AttachFiles } from './AttachFiles';
import { EvidenceFileRow } from './EvidenceFileRow';
import { EvidenceForm } from './EvidenceForm';
import { otherCodes } from './evidence-store';
import type { UploadSource } from './upload-queue';
import { DOC_TYPE_KEYS, formatIssuedOn, itemLabel } from './evidence-format';
import { outsideAssessedYear } from '../../../shared/domain/evidence-year';
import { FormError } from '../../components/FormError';

export type Perform = (call: Promise<Result<EvidenceChange>>, removedItemId?: number) => Promise<string | null>;

interface EvidenceCardProps {
  item: EvidenceItem;
  assessmentId: number;
  code: string;
  highlighted: boolean;
  /** The assessment is locked: the files can be previewed and opened, nothing else. */
  readOnly?: boolean;
  perform: Perform;
  onAttach: (itemId: number, files: UploadSource[]) => void;
  onPreview: (file: EvidenceFile) => void;
  onOpenCode: (code: string) => void;
  /** The assessed year: a document dated outside it is marked "Ngoài năm đánh giá". */
  year: number;
  ref?: Ref<HTMLElement>;
}

type Confirm = 'unlink' | 'delete' | null;

/** One evidence item on a criterion: the document's details, its files and what to do with it. */
export function EvidenceCard({ item, assessmentId, code, highlighted, readOnly = false, perform, onAttach, onPreview, onOpenCode, year, ref }: EvidenceCardProps) {
  const t = useT();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const others = otherCodes(item, assessmentId, code);
  const elsewhere = item.links.filter((l) => l.assessmentId !== assessmentId).length;
  const onlyHere = others.length === 0 && elsewhere === 0;
  const issued = formatIssuedOn(item.issuedOn) || t('evidence.noDate');
  // A document of a locked year, reused here: it can be linked and unlinked, not changed.
  const frozen = !readOnly && item.lockedYears.length > 0;

  const run = async (work: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    const message = await work();
    setBusy(false);
    setConfirm(null);
    if (message !== null) setError(message);
  };

  const unlink = () => run(() => perform(api['evidence:unlink']({ assessmentId, code, itemId: item.id })));

  // The backend deletes only an item nothing uses. When this criterion is its only use, the
  // officer means "remove it from here and delete it": unlink first, re-link if the delete fails.
  const remove = () =>
    run(async () => {
      if (onlyHere) {
        const unlinked = await api['evidence:unlink']({ assessmentId, code, itemId: item.id });
        if (!unlinked.ok) return unlinked.error.message;
        const deleted = await api['evidence:delete']({ assessmentId, itemId: item.id });
        if (deleted.ok) return perform(Promise.resolve(deleted), item.id);
        await perform(api['evidence:link']({ assessmentId, code, itemId: item.id }));
        return deleted.error.message;
      }
      return perform(api['evidence:delete']({ assessmentId, itemId: item.id }));
    });

  const save = (draft: EvidenceDraft) =>
    perform(api['evidence:update']({ assessmentId, itemId: item.id, draft })).then((message) => {
      if (message === null) setEditing(false);
      return message;
    });

  const removeFile = (file: EvidenceFile) => perform(api['evidence:removeFile']({ assessmentId, fileId: file.id }));

  if (editing && !readOnly && !frozen) {
    const { docNumber, issuedOn, issuer, docType, summary } = item;
    return (
      <article ref={ref} className="evidence-card" aria-label={itemLabel(item)} tabIndex={-1}>
        <EvidenceForm initial={{ docNumber, issuedOn, issuer, docType, summary }} pendingFiles={[]} onSubmit={save} onCancel={() => setEditing(false)} />
      </article>
    );
  }

  return (
    <article ref={ref} className={`evidence-card${highlighted ? ' evidence-card--highlight' : ''}`} aria-labelledby={`${id}-title`} tabIndex={-1}>
      <div className="evidence-head">
        <h4 id={`${id}-title`} className="evidence-title">
          {itemLabel(item)}
        </h4>
        <span className="badge badge--type">{t(DOC_TYPE_KEYS[item.docType])}</span>
        {outsideAssessedYear(item.issuedOn, item.docType, year) && (
          <span className="badge badge--problem" title={t('years.outsideYearHint', { year })}>
            {t('years.outsideYear')}
          </span>
        )}
      </div>
      {(issued !== '' || item.issuer !== '') && (
        <dl className="evidence-meta">
          {issued !== '' && (
            <div>
              <dt>{t('evidence.field.issuedOn')}</dt>
              <dd>{issued}</dd>
            </div>
          )}
          {item.issuer !== '' && (
            <div>
              <dt>{t('evidence.field.issuer')}</dt>
              <dd>{item.issuer}</dd>
            </div>
          )}
        </dl>
      )}
      {item.summary && item.docNumber.trim() !== '' && <p className="evidence-summary">{item.summary}</p>}
      {(others.length > 0 || elsewhere > 0) && (
        <p className="evidence-also">
          {others.length > 0 && (
            <>
              {t('evidence.alsoFor')}{' '}
              {others.map((c, i) => (
                <span key={c}>
                  {i > 0 && ', '}
                  <button type="button" className="link-button" onClick={() => onOpenCode(c)} aria-label={t('evidence.openCode', { code: c })}>
                    {c}
                  </button>
                </span>
              ))}
            </>
          )}
          {elsewhere > 0 && <span className="muted"> {t('evidence.otherAssessments', { count: elsewhere })}</span>}
        </p>
      )}
      {item.files.length > 0 ? (
        <ul className="file-list" aria-label={t('evidence.filesOf', { label: itemLabel(item) })}>
          {item.files.map((file) => (
            <EvidenceFileRow key={file.id} file={file} readOnly={readOnly || frozen} onPreview={onPreview} onRemove={removeFile} />
          ))}
        </ul>
      ) : (
        <p className="evidence-nofile">{t('evidence.noFiles')}</p>
      )}
      {frozen ? (
        <p className="note">{t('evidence.frozen', { years: item.lockedYears.join(', ') })}</p>
      ) : (
        <AttachFiles onFiles={(files) => onAttach(item.id, files)} disabled={readOnly} />
      )}
      <div className="card-actions">
        <button type="button" className="small" onClick={() => setEditing(true)} disabled={busy || readOnly || frozen}>
          {t('evidence.edit')}
        </button>
        <button type="button" className="small" onClick={() => setConfirm('unlink')} disabled={busy || readOnly}>
          {t('evidence.unlink')}
        </button>
        <button type="button" className="small danger-outline" onClick={() => setConfirm('delete')} disabled={busy || readOnly}>
          {t('evidence.delete')}
        </button>
      </div>
      {confirm === 'unlink' && !readOnly && (
        <ConfirmInline
          question={t('evidence.unlinkQuestion', { code })}
          confirmLabel={t('evidence.unlinkYes')}
          cancelLabel={t('evidence.no')}
          busy={busy}
          onConfirm={() => void unlink()}
          onCancel={() => setConfirm(null)}
        />
      )}
      {confirm === 'delete' && !readOnly && (
        <ConfirmInline
          question={
            !onlyHere
              ? t('evidence.deleteQuestion')
              : item.files.length > 0
                ? t('evidence.deleteQuestionOnlyHere', { count: item.files.length })
                : t('evidence.deleteQuestionOnlyHereNoFiles')
          }
          confirmLabel={t('evidence.deleteYes')}
          cancelLabel={t('evidence.no')}
          busy={busy}
          onConfirm={() => void remove()}
          onCancel={() => setConfirm(null)}
        />
      )}
      <FormError message={error} />
    </article>
  );
}
