import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import type { EvidenceDraft, EvidenceFile } from '../../../shared/api/evidence-entities';
import { api } from '../../api/client';
import { useT } from '../../i18n/i18n';
import { EvidenceCard, type Perform } from './EvidenceCard';
import { EvidenceForm } from './EvidenceForm';
import { baseName } from './evidence-format';
import type { EvidenceStore } from './evidence-store';
import { PreviewDialog } from './PreviewDialog';
import { ReusePicker } from './ReusePicker';
import type { UploadQueue } from './upload-queue';
import { UploadPanel } from './UploadPanel';

export interface Highlight {
  itemId: number;
  /** A new request each time (the same item may be asked for twice). */
  nonce: number;
}

/** The new-item form: open or not, with the files dropped before the item existed. */
export type Adding = { files: File[] } | null;

interface EvidenceSectionProps {
  assessmentId: number;
  agencyId: number;
  code: string;
  /** The assessment is locked: items and files can be read and previewed, not changed. */
  readOnly?: boolean;
  store: EvidenceStore;
  queue: UploadQueue;
  adding: Adding;
  onAdding: (adding: Adding) => void;
  /** Files are being dragged over the criterion panel. */
  dropActive: boolean;
  highlight: Highlight | null;
  onOpenCode: (code: string) => void;
  /** The assessed year: documents dated outside it are marked (shared/domain/evidence-year.ts). */
  year: number;
}

/** "Tài liệu kiểm chứng" of one leaf: its items, adding, reusing, attaching and previewing. */
export function EvidenceSection({ assessmentId, agencyId, code, readOnly = false, store, queue, adding, onAdding, dropActive, highlight, onOpenCode, year }: EvidenceSectionProps) {
  const t = useT();
  const id = useId();
  const here = useSyncExternalStore(store.subscribe, () => store.criterion(code));
  const items = here.items ?? [];
  const [picking, setPicking] = useState(false);
  const [preview, setPreview] = useState<EvidenceFile | null>(null);
  const [focusRequest, setFocusRequest] = useState<Highlight | null>(null);
  const cards = useRef(new Map<number, HTMLElement>());
  const handled = useRef<number | null>(null);
  const target = focusRequest && (!highlight || focusRequest.nonce > highlight.nonce) ? focusRequest : highlight;

  // The criterion's items are loaded when it is shown (and kept while the workspace is open).
  useEffect(() => store.watch(code), [store, code]);

  useEffect(() => {
    if (!target || handled.current === target.nonce) return;
    const card = cards.current.get(target.itemId);
    if (!card) return;
    handled.current = target.nonce;
    card.scrollIntoView?.({ block: 'center' });
    card.focus({ preventScroll: true });
  }, [target, here]);

  const perform: Perform = async (call, removedItemId) => {
    const result = await call;
    if (!result.ok) return result.error.message;
    store.apply(result.value, removedItemId);
    return null;
  };

  const create = async (draft: EvidenceDraft): Promise<string | null> => {
    const result = await api['evidence:create']({ assessmentId, code, draft });
    if (!result.ok) return result.error.message;
    store.apply(result.value);
    const itemId = result.value.item?.id;
    if (itemId !== undefined) {
      if (adding && adding.files.length > 0) queue.add(itemId, adding.files);
      setFocusRequest({ itemId, nonce: Date.now() });
    }
    onAdding(null);
    return null;
  };

  const focusCard = (itemId: number) => setFocusRequest({ itemId, nonce: Date.now() });

  return (
    <section className={`evidence${dropActive ? ' evidence--drop' : ''}`} aria-labelledby={`${id}-title`}>
      <div className="evidence-header">
        <h3 id={`${id}-title`}>{t('evidence.title')}</h3>
        <span className="evidence-count">{t('evidence.count', { count: items.length })}</span>
      </div>
      {here.error && (
        <p className="form-error" role="alert">
          {t('app.loadFailed', { message: here.error })}
        </p>
      )}
      {here.items !== null && items.length === 0 && <p className="empty">{t('evidence.none')}</p>}
      {items.length > 0 && (
        <ul className="evidence-list">
          {items.map((item) => (
            <li key={item.id}>
              <EvidenceCard
                ref={(el: HTMLElement | null) => {
                  if (el) cards.current.set(item.id, el);
                  else cards.current.delete(item.id);
                }}
                item={item}
                assessmentId={assessmentId}
                code={code}
                highlighted={highlight?.itemId === item.id}
                readOnly={readOnly}
                perform={perform}
                onAttach={(itemId, files) => queue.add(itemId, files)}
                onPreview={setPreview}
                onOpenCode={onOpenCode}
                year={year}
              />
            </li>
          ))}
        </ul>
      )}
      <UploadPanel queue={queue} itemById={(id) => store.knownItem(id)} hereItemIds={items.map((i) => i.id)} />
      {adding && !readOnly ? (
        <EvidenceForm
          initial={null}
          pendingFiles={adding.files}
          suggestedSummary={adding.files[0] ? baseName(adding.files[0].name) : ''}
          onSubmit={create}
          onCancel={() => onAdding(null)}
        />
      ) : (
        <div className="evidence-actions">
          <button type="button" onClick={() => onAdding({ files: [] })} disabled={readOnly}>
            {t('evidence.add')}
          </button>
          <button type="button" onClick={() => setPicking(true)} disabled={readOnly}>
            {t('evidence.reuse')}
          </button>
        </div>
      )}
      {readOnly ? (
        <p className="note">{t('evidence.locked')}</p>
      ) : (
        <div className={`drop-zone${dropActive ? ' drop-zone--active' : ''}`} data-testid="evidence-drop-zone">
          {t('evidence.dropZone')}
        </div>
      )}
      {picking && !readOnly && (
        <ReusePicker
          agencyId={agencyId}
          assessmentId={assessmentId}
          code={code}
          perform={perform}
          onLinked={(itemId) => {
            setPicking(false);
            focusCard(itemId);
          }}
          onClose={() => setPicking(false)}
        />
      )}
      {preview && <PreviewDialog file={preview} onClose={() => setPreview(null)} />}
    </section>
  );
}
