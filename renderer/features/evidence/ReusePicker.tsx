import { useEffect, useId, useState } from 'react';
import type { AgencyItemsPage } from '../../../shared/api/channels/evidence';
import type { EvidenceItem } from '../../../shared/api/evidence-entities';
import { api } from '../../api/client';
import { ConfirmInline } from '../../components/ConfirmInline';
import { Dialog } from '../../components/Dialog';
import { VirtualList } from '../../components/VirtualList';
import { useT } from '../../i18n/i18n';
import { isLinked } from './evidence-store';
import { DOC_TYPE_KEYS, formatIssuedOn, itemLabel } from './evidence-format';
import { useDebounced } from '../../components/use-debounced';
import type { Perform } from './EvidenceCard';
import './reuse-picker.css';
import { FormError } from '../../components/FormError';

const FILTER_DEBOUNCE_MS = 150;

interface ReusePickerProps {
  agencyId: number;
  assessmentId: number;
  code: string;
  perform: Perform;
  onLinked: (itemId: number) => void;
  onClose: () => void;
}

/** "Dùng tài liệu đã có": every item of the agency (also from earlier years), filterable, linked
 *  to this criterion without importing its files again. Items nothing uses can be deleted here.
 *  Only the rows in view are drawn (an agency may hold thousands of documents). */
export function ReusePicker({ agencyId, assessmentId, code, perform, onLinked, onClose }: ReusePickerProps) {
  const t = useT();
  const id = useId();
  const [page, setPage] = useState<AgencyItemsPage | null>(null);
  const [filter, setFilter] = useState('');
  const query = useDebounced(filter.trim(), FILTER_DEBOUNCE_MS);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState<number | null>(null);

  // The first page of what matches the filter; the database filters and counts (an agency may hold thousands).
  useEffect(() => {
    let live = true;
    void api['evidence:listForAgency']({ agencyId, query }).then((result) => {
      if (!live) return;
      if (result.ok) setPage(result.value);
      else setMessage(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [agencyId, query]);

  const loadMore = async () => {
    if (!page || loadingMore) return;
    setLoadingMore(true);
    const result = await api['evidence:listForAgency']({ agencyId, query, offset: page.items.length });
    setLoadingMore(false);
    if (result.ok) setPage((p) => (p ? { ...result.value, items: [...p.items, ...result.value.items] } : p));
    else setMessage(result.error.message);
  };

  const link = async (item: EvidenceItem) => {
    setBusy(true);
    const error = await perform(api['evidence:link']({ assessmentId, code, itemId: item.id }));
    setBusy(false);
    if (error === null) onLinked(item.id);
    else setMessage(error);
  };

  const remove = async (item: EvidenceItem) => {
    setBusy(true);
    const error = await perform(api['evidence:delete']({ assessmentId, itemId: item.id }), item.id);
    setBusy(false);
    setConfirmDelete(null);
    if (error === null) setPage((p) => p && { items: p.items.filter((i) => i.id !== item.id), total: p.total - 1, agencyTotal: p.agencyTotal - 1 });
    else setMessage(error);
  };

  const shown = page?.items ?? [];
  return (
    <Dialog title={t('evidence.reuse.title', { code })} onClose={onClose} className="dialog--picker">
      <div className="field">
        <label htmlFor={`${id}-filter`}>{t('evidence.reuse.filter')}</label>
        <input id={`${id}-filter`} type="text" value={filter} onChange={(e) => setFilter(e.target.value)} data-autofocus placeholder={t('evidence.reuse.filterHint')} />
      </div>
      <p className="field-hint" role="status">
        {page === null ? t('app.loading') : t('evidence.reuse.count', { shown: page.total, total: page.agencyTotal })}
      </p>
      <FormError message={message} />
      <VirtualList
        items={shown}
        getKey={(item) => item.id}
        estimateSize={96}
        rowClassName="pick-slot"
        aria-label={t('evidence.reuse.listLabel')}
        renderItem={(item) => {
          const here = isLinked(item, assessmentId, code);
          const label = itemLabel(item);
          return (
            <div className="pick-row">
              <div className="pick-text">
                <strong>{label}</strong> <span className="badge badge--type">{t(DOC_TYPE_KEYS[item.docType])}</span>
                <span className="muted">
                  {' '}
                  {[formatIssuedOn(item.issuedOn), item.issuer].filter(Boolean).join(' · ')}
                </span>
                {item.summary && item.docNumber.trim() !== '' && <span className="pick-summary">{item.summary}</span>}
                <span className="muted pick-meta">
                  {t('evidence.reuse.meta', { files: item.files.length, links: item.links.length })}
                </span>
              </div>
              <div className="pick-actions">
                {here ? (
                  <span className="muted">{t('evidence.reuse.alreadyHere')}</span>
                ) : (
                  <button type="button" className="small primary" disabled={busy} onClick={() => void link(item)}>
                    {/* The name read aloud says which document; the visible words are part of it (no aria-label that hides them). */}
                    {t('evidence.reuse.useVerb')}
                    <span className="sr-only">{t('evidence.reuse.useWhat', { label })}</span>
                    {t('evidence.reuse.useWhere')}
                  </button>
                )}
                {item.links.length === 0 && (
                  <button type="button" className="small danger-outline" disabled={busy} onClick={() => setConfirmDelete(item.id)} aria-label={`${t('evidence.delete')} ${label}`}>
                    {t('evidence.delete')}
                  </button>
                )}
              </div>
              {confirmDelete === item.id && (
                <ConfirmInline
                  question={t('evidence.deleteQuestion')}
                  confirmLabel={t('evidence.deleteYes')}
                  cancelLabel={t('evidence.no')}
                  busy={busy}
                  onConfirm={() => void remove(item)}
                  onCancel={() => setConfirmDelete(null)}
                />
              )}
            </div>
          );
        }}
      />
      {page !== null && page.items.length < page.total && (
        <button type="button" className="link-button" aria-busy={loadingMore} onClick={() => void loadMore()}>
          {t('search.moreEvidence', { shown: page.items.length, total: page.total })}
        </button>
      )}
      {page !== null && page.agencyTotal === 0 && <p className="empty">{t('evidence.reuse.none')}</p>}
    </Dialog>
  );
}
