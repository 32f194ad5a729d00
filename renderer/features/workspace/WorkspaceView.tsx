import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { AssessmentView } from '../../../shared/api/contract';
import { isReadOnlyStatus, type AssessmentStatus } from '../../../shared/api/entities';
import type { EvidenceItem } from '../../../shared/api/evidence-entities';
import type { Totals } from '../../../shared/domain/scoring-types';
import { api } from '../../api/client';
import { remembered } from '../../app/remembered';
import { BackButton } from '../../components/BackButton';
import { SetStatusBadge } from '../../components/SetStatusBadge';
import { useStableCallback } from '../../components/use-stable-callback';
import { useT } from '../../i18n/i18n';
import { CompletenessPanel } from '../evidence/CompletenessPanel';
import { EvidenceSection, type Adding, type Highlight } from '../evidence/EvidenceSection';
import { fileDropHandlers } from '../evidence/file-drop';
import { useWorkspaceEvidence } from '../evidence/use-workspace-evidence';
import { LeafHistory } from '../history/LeafHistory';
import { LeafSuggestions } from '../years/LeafSuggestions';
import { LifecyclePanel } from '../lifecycle/LifecyclePanel';
import { ReportScreen } from '../report/ReportScreen';
import { SearchBox } from '../search/SearchBox';
import { AnswerSaver } from './answer-saver';
import { CriteriaTree } from './CriteriaTree';
import { LeafPanel } from './LeafPanel';
import { ParentPanel } from './ParentPanel';
import { LockControl } from './LockControl';
import { SaveStatusView } from './SaveStatusView';
import { TotalsBar } from './TotalsBar';
import { ancestorsOf, buildTreeModel, nextUnanswered, visibleRows } from './tree-model';
import { sameTotals } from './same-totals';

/** The scoring workspace: totals bar, save state, the criteria tree on the left, the selected item on the right. */
export function WorkspaceView({ view, onBack, onHistory, onReload, onAppraisal }: { view: AssessmentView; onBack: () => void; onHistory: () => void; onReload: () => void; onAppraisal: () => void }) {
  const t = useT();
  const assessmentId = view.assessment.id;
  const model = useMemo(() => buildTreeModel(view.set), [view.set]);
  const [totals, setTotals] = useState<Totals>(view.totals);
  const [saver] = useState(() => new AnswerSaver(assessmentId, view.answers, api['answers:save'], (_answer, next) => setTotals(next)));
  const saveStatus = useSyncExternalStore(saver.subscribe, saver.getStatus);
  /** The evidence list brings the totals again: unchanged ones must not redraw the workspace. */
  const [keepTotals] = useState(() => (next: Totals) => setTotals((prev) => (sameTotals(prev, next) ? prev : next)));
  const evidence = useWorkspaceEvidence(assessmentId, keepTotals);
  const [showGaps, setShowGaps] = useState(false);
  /** "Báo cáo và gói hồ sơ" takes the place of the tree and the item. */
  const [reportOpen, setReportOpen] = useState(false);
  const [highlight, setHighlight] = useState<Highlight | null>(null);
  const [adding, setAdding] = useState<(Adding & { code: string }) | null>(null);
  const [dropActive, setDropActive] = useState(false);
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(model.nodes.filter((n) => !n.isLeaf).map((n) => n.code)));
  const [onlyMissing, setOnlyMissing] = useState(false);
  const [selected, setSelected] = useState<string | null>(() => {
    const last = remembered.code(assessmentId);
    return last && model.byCode.has(last) ? last : (model.nodes[0]?.code ?? null);
  });
  /** Opened from the list, the button that opened it is gone and focus with it: the tree takes it. */
  const [focusRequest, setFocusRequest] = useState<{ code: string } | null>(() =>
    selected !== null && (document.activeElement === null || document.activeElement === document.body) ? { code: selected } : null,
  );
  /** Every status after draft: locked, everything read only (the backend refuses changes too). */
  const [status, setStatus] = useState<AssessmentStatus>(view.assessment.status);
  const locked = isReadOnlyStatus(status);
  const [notice, setNotice] = useState<string | null>(null);
  const detailRef = useRef<HTMLDivElement>(null);
  /** Set when a jump to an evidence item scrolls the detail pane itself. */
  const keepScroll = useRef(false);

  useEffect(() => {
    if (keepScroll.current) {
      keepScroll.current = false;
      return;
    }
    detailRef.current?.scrollTo?.({ top: 0 });
  }, [selected]);

  useEffect(() => {
    const flush = () => saver.flushForClose();
    const onHidden = () => {
      if (document.visibilityState === 'hidden') saver.flush();
    };
    window.addEventListener('beforeunload', flush);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('beforeunload', flush);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
      saver.flush();
    };
  }, [saver]);

  /** Leaving the selected leaf drops a refused typed value: ask first. */
  const mayLeave = (): boolean => {
    const typed = selected ? saver.rejectedText(selected) : null;
    return typed === null || window.confirm(t('leaf.leaveUnsaved', { code: selected ?? '', typed }));
  };

  const select = useStableCallback((code: string, focus: boolean) => {
    if (code !== selected && !mayLeave()) return;
    setReportOpen(false);
    if (code !== selected) saver.flush();
    const ancestors = ancestorsOf(model, code);
    if (ancestors.some((a) => !expanded.has(a))) setExpanded((prev) => new Set([...prev, ...ancestors]));
    setSelected(code);
    setNotice(null);
    if (code !== selected) {
      setAdding(null);
      setHighlight(null);
    }
    remembered.setCode(assessmentId, code);
    if (focus) setFocusRequest({ code });
  });

  const [toggle] = useState(() => (code: string, open: boolean) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (open) next.add(code);
      else next.delete(code);
      return next;
    }),
  );

  const goToNextUnanswered = () => {
    const code = nextUnanswered(model, totals, selected);
    if (code) select(code, true);
    else setNotice(t('ws.allAnswered'));
  };

  const openItem = (item: EvidenceItem, code: string | undefined) => {
    if (code === undefined) {
      setNotice(t('search.notInThisAssessment'));
      return;
    }
    keepScroll.current = code !== selected;
    select(code, false);
    setHighlight({ itemId: item.id, nonce: Date.now() });
  };

  const focusFirstInput = () => {
    const input = detailRef.current?.querySelector<HTMLElement>('input:not([disabled]), textarea:not([disabled])');
    input?.focus();
  };

  const changeStatus = async (next: 'draft' | 'final', reason?: string): Promise<string | null> => {
    // Answers still being typed are saved first: the backend checks completeness on what it has.
    // An answer the backend refused stays on screen unsaved: locking would freeze the old value.
    await saver.settle();
    if (next === 'final' && saver.getStatus().kind === 'error') return t('lock.unsaved');
    const result = await api['assessments:setStatus']({ assessmentId, status: next, ...(reason ? { reason } : {}) });
    if (!result.ok) return result.error.message;
    setStatus(result.value.status);
    if (isReadOnlyStatus(result.value.status)) setAdding(null);
    return null;
  };

  const rows = visibleRows(model, expanded, totals, onlyMissing, selected);
  const node = selected ? model.byCode.get(selected) : undefined;
  const adj = view.set.adjustments;
  const leafCode = node?.isLeaf ? node.code : null;
  const dropProps =
    leafCode === null || locked
      ? {}
      : fileDropHandlers((files) => setAdding((a) => ({ code: leafCode, files: [...(a?.code === leafCode ? a.files : []), ...files] })), setDropActive);

  return (
    <div className="workspace">
      <div className="workspace-top">
        <div className="workspace-heading">
          <BackButton label={t('ws.back')} onBack={() => mayLeave() && onBack()} />
          <div className="workspace-title">
            <h1>
              {t('ws.heading', { year: view.assessment.year })} · {view.agency.name}
            </h1>
            <p className="set-name">
              {view.setSummary.title} <SetStatusBadge status={view.setSummary.status} />
            </p>
          </div>
          <SearchBox
            assessmentId={assessmentId}
            onCriterion={(code) => {
              setShowGaps(false);
              select(code, true);
            }}
            onEvidence={(item, codes) => {
              setShowGaps(false);
              openItem(item, codes[0]);
            }}
          />
          <SaveStatusView status={saveStatus} onRetry={() => saver.retry()} />
        </div>
        {status === 'final' && <LockControl status={status} totals={totals} onChange={changeStatus} />}
        {locked && <LifecyclePanel assessmentId={assessmentId} status={status} onStatus={setStatus} onAppraisal={onAppraisal} />}
        <div className="totals-row">
          <TotalsBar totals={totals} hasAdjustments={Boolean(adj?.bonus || adj?.penalty)} />
          <button
            type="button"
            className="report-button"
            aria-pressed={reportOpen}
            onClick={() => {
              if (!reportOpen && !mayLeave()) return;
              saver.flush();
              setReportOpen((open) => !open);
            }}
          >
            {t('ws.reportButton')}
          </button>
          <button
            type="button"
            className="report-button"
            onClick={() => {
              if (!mayLeave()) return;
              saver.flush();
              onHistory();
            }}
          >
            {t('history.open')}
          </button>
          {!locked && <LockControl status={status} totals={totals} onChange={changeStatus} />}
        </div>
      </div>
      {reportOpen ? (
        <ReportScreen
          assessmentId={assessmentId}
          agency={view.agency}
          totals={totals}
          settleAnswers={() => saver.settle()}
          onBack={() => setReportOpen(false)}
          onShowGaps={() => {
            setReportOpen(false);
            setShowGaps(true);
          }}
        />
      ) : (
        <div className="workspace-body">
          <nav className="tree-pane" aria-label={t('ws.treeNav')}>
            <div className="tree-tools">
              <button type="button" onClick={goToNextUnanswered}>
                {t('ws.nextUnanswered')}
              </button>
              <button type="button" aria-pressed={showGaps} onClick={() => setShowGaps((v) => !v)}>
                {t('gaps.button')}
              </button>
              <label className="checkbox">
                <input type="checkbox" checked={onlyMissing} onChange={(e) => setOnlyMissing(e.target.checked)} />
                {t('ws.onlyMissing')}
              </label>
              <p className="notice" aria-live="polite">
                {notice ?? (onlyMissing && totals.unansweredCount + totals.needsExplanationCount === 0 ? t('ws.nothingMissing') : '')}
              </p>
            </div>
            {showGaps ? (
              <CompletenessPanel
                assessmentId={assessmentId}
                totals={totals}
                evidenceVersion={evidence.version}
                onOpenLeaf={(code) => select(code, false)}
                onOpenItem={(item, code) => openItem(item, code)}
                year={view.assessment.year}
              />
            ) : (
              <CriteriaTree rows={rows} totals={totals} selected={selected} focusRequest={focusRequest} onSelect={select} onToggle={toggle} onEnterLeaf={focusFirstInput} />
            )}
          </nav>
          <div className={`detail-pane${dropActive ? ' detail-pane--drop' : ''}`} ref={detailRef} {...dropProps}>
            {!node && <p className="empty">{t('ws.selectHint')}</p>}
            {node?.isLeaf && <LeafSuggestions key={`suggest-${node.code}`} assessmentId={assessmentId} code={node.code} readOnly={locked} beforeDecide={() => saver.settle()} onAccepted={onReload} />}
            {node?.isLeaf && node.node && (
              <LeafPanel
                key={node.code}
                set={view.set}
                leaf={node.node}
                saver={saver}
                readOnly={locked}
                mark={totals.nodes[node.code]?.mark ?? null}
                evidence={
                  <EvidenceSection
                    assessmentId={assessmentId}
                    agencyId={view.agency.id}
                    code={node.code}
                    store={evidence.store}
                    queue={evidence.queue}
                    readOnly={locked}
                    adding={adding?.code === node.code ? adding : null}
                    onAdding={(next) => setAdding(next && { ...next, code: node.code })}
                    dropActive={dropActive}
                    highlight={highlight}
                    onOpenCode={(code) => select(code, true)}
                    year={view.assessment.year}
                  />
                }
              />
            )}
            {node?.isLeaf && <LeafHistory key={`history-${node.code}`} assessmentId={assessmentId} code={node.code} />}
            {node && !node.isLeaf && <ParentPanel model={model} node={node} totals={totals} onSelect={(code) => select(code, false)} />}
          </div>
        </div>
      )}
    </div>
  );
}
