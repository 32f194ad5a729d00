import { useEffect, useId, useState, type ReactNode } from 'react';
import type { AnswerInput } from '../../../shared/domain/answer';
import type { CriteriaNode, CriteriaSet } from '../../../shared/domain/criteria-set-schema';
import { evaluateLeaf, leafRuleSummaryVi } from '../../../shared/domain/scoring';
import type { LeafResult, NodeMark } from '../../../shared/domain/scoring-types';
import { formatPointsVi } from '../../../shared/format/numbers';
import { useT } from '../../i18n/i18n';
import type { AnswerSaver } from './answer-saver';
import { clearedDraft, draftFromAnswer, parseDraft, typedText, type DraftField, type LeafDraft } from './leaf-draft';
import { LeafTexts } from './LeafTexts';
import { MarkIcon } from './MarkIcon';
import { RuleInputs } from './RuleInputs';

const TYPING_DELAY_MS = 500;

interface LeafPanelProps {
  set: CriteriaSet;
  leaf: CriteriaNode;
  saver: AnswerSaver;
  mark: NodeMark | null;
  /** The assessment is locked: every input is shown but disabled. */
  readOnly?: boolean;
  /** The evidence section ("Tài liệu kiểm chứng") of this leaf. */
  evidence?: ReactNode;
}

/** One leaf: what it asks, how it is scored, the inputs, N/A, explanation and the points at once. */
export function LeafPanel({ set, leaf, saver, mark, readOnly = false, evidence }: LeafPanelProps) {
  const t = useT();
  const id = useId();
  const code = leaf.code;
  const [draft, setDraft] = useState<LeafDraft>(() => draftFromAnswer(saver.latest(code)));
  const parsed = parseDraft(leaf, draft, t);
  const evaluation: LeafResult | null =
    parsed.input === undefined ? null : evaluateLeaf(set, leaf, { input: parsed.input, notApplicable: draft.notApplicable, explanation: draft.explanation });
  const engineError = evaluation?.state === 'invalid' ? (evaluation.error ?? '') : null;
  const isSurvey = leaf.rule?.kind === 'survey';
  // A value the rule refuses (or an incomplete pair of counts) is never saved: say so, show what is stored.
  const typed = typedText(leaf, draft);
  const refused = !draft.notApplicable && typed !== '' && (parsed.input === undefined || engineError !== null);
  const refusedText = refused ? typed : null;
  useEffect(() => saver.setRejected(code, refusedText), [saver, code, refusedText]);
  useEffect(() => () => saver.setRejected(code, null), [saver, code]);

  const change = (next: LeafDraft, delayMs: number) => {
    setDraft(next);
    const p = parseDraft(leaf, next, t);
    const stored = saver.stored(code)?.input ?? null;
    const answer: AnswerInput = { input: p.input === undefined ? stored : p.input, notApplicable: next.notApplicable, explanation: next.explanation };
    // A value the rule refuses is never sent: the stored score stays, other changes still save.
    if (p.input !== undefined && evaluateLeaf(set, leaf, answer).state === 'invalid') answer.input = stored;
    saver.schedule(code, answer, delayMs);
  };
  const onText = (field: DraftField, value: string) => change({ ...draft, [field]: value }, TYPING_DELAY_MS);
  const onChoice = (patch: Partial<LeafDraft>) => change({ ...draft, ...patch }, 0);
  const flush = () => saver.flush();

  const maxMilli = Math.round(leaf.maxPoints * 1000);
  const max = formatPointsVi(maxMilli);
  let pointsText = t('leaf.pointsNone', { max });
  if (isSurvey) pointsText = t('leaf.pointsSurvey', { max });
  else if (draft.notApplicable || evaluation?.state === 'notApplicable') pointsText = t('leaf.pointsNA');
  else if (evaluation?.state === 'answered' && evaluation.pointsMilli !== null) pointsText = t('leaf.points', { points: formatPointsVi(evaluation.pointsMilli), max });
  const storedResult = refused ? evaluateLeaf(set, leaf, saver.stored(code)) : null;
  const storedPoints = storedResult?.state === 'answered' && storedResult.pointsMilli !== null ? formatPointsVi(storedResult.pointsMilli) : null;
  if (refused) pointsText = storedPoints === null ? t('leaf.storedNone', { max }) : t('leaf.storedPoints', { points: storedPoints, max });
  const hasInput = parsed.input !== null || draft.score !== '' || draft.numerator !== '' || draft.denominator !== '' || draft.occurrences !== '';

  return (
    <section className="leaf-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="node-title" tabIndex={-1}>
        <span className="node-code">{code}</span> {leaf.title}
      </h2>
      <div className="leaf-summary">
        <span>{t('leaf.maxPoints', { max })}</span>
        {mark && <MarkIcon mark={mark} withText />}
      </div>
      <p className="points-live" aria-live="polite">
        {pointsText}
      </p>
      <fieldset className="scoring" disabled={readOnly} aria-describedby={engineError ? `${id}-engine` : undefined}>
        <legend>{t('leaf.scoring')}</legend>
        <RuleInputs
          leaf={leaf}
          rounding={set.rounding}
          draft={draft}
          errors={parsed.errors}
          evaluation={evaluation}
          disabled={draft.notApplicable}
          onText={onText}
          onChoice={onChoice}
          onBlur={flush}
        />
        {refused && (
          <p className="unsaved-note" role="status">
            {t('leaf.unsavedTyped', { typed, stored: storedPoints ?? t('leaf.storedNothing') })}
          </p>
        )}
        {engineError !== null && (
          <p className="field-error" id={`${id}-engine`} role="alert">
            {t('input.rejected', { message: engineError })}
          </p>
        )}
        {!isSurvey && hasInput && !draft.notApplicable && !readOnly && (
          <button type="button" className="link-button" onClick={() => onChoice(clearedDraft(draft))}>
            {t('leaf.clear')}
          </button>
        )}
        {leaf.notApplicableAllowed && !isSurvey && (
          <div className="na-choice">
            <label className="checkbox">
              <input type="checkbox" checked={draft.notApplicable} onChange={(e) => onChoice({ notApplicable: e.target.checked })} aria-describedby={`${id}-na`} />
              {t('leaf.notApplicable')}
            </label>
            <p className="field-hint" id={`${id}-na`}>
              {t('leaf.notApplicableHint')}
            </p>
          </div>
        )}
      </fieldset>

      {/* The guidance comes after the inputs, so the score box is in view on a 1366×768 screen. */}
      <LeafTexts leaf={leaf} rule={leafRuleSummaryVi(leaf)} />

      {evidence}

      <div className={`field${mark === 'needsExplanation' ? ' field--attention' : ''}`}>
        <label htmlFor={`${id}-explanation`}>{t('leaf.explanation')}</label>
        <textarea
          id={`${id}-explanation`}
          rows={5}
          value={draft.explanation}
          maxLength={20_000}
          readOnly={readOnly}
          onChange={(e) => change({ ...draft, explanation: e.target.value }, TYPING_DELAY_MS)}
          onBlur={flush}
          aria-describedby={`${id}-explanation-hint`}
        />
        <p className="field-hint" id={`${id}-explanation-hint`}>
          {mark === 'needsExplanation' ? `${t('leaf.needsExplanation')} ` : ''}
          {t('leaf.explanationHint')}
        </p>
      </div>
    </section>
  );
}
