/** Small labelled inputs of the editor, each with the validator's words for its own path beside it. */
import { useId, type KeyboardEvent, type ReactNode } from 'react';
import type { PlacedIssue } from '../../../shared/domain/criteria-draft';
import { TextField } from '../../components/TextField';

/** The messages of the issues about exactly this field, joined; null when there is none. */
export function issueText(issues: readonly PlacedIssue[] | undefined, field: string): string | null {
  const messages = (issues ?? []).filter((issue) => issue.field === field).map((issue) => issue.message);
  return messages.length > 0 ? messages.join(' ') : null;
}

/** Fields that have an input of their own (their issues show there, not in the list of the item). */
const SHOWN = /^(code|title|guidance|evidenceHint|maxPoints|rule\.(step|numeratorLabel|denominatorLabel|occurrenceLabel|perOccurrence|minPoints|levels\[\d+\]\.(label|points)|tiers\[\d+\]\.(fromPercent|toPercent|points)))$/;

export function unshownIssues(issues: readonly PlacedIssue[] | undefined): PlacedIssue[] {
  return (issues ?? []).filter((issue) => !SHOWN.test(issue.field));
}

export function Text(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  issues?: readonly PlacedIssue[] | undefined;
  field?: string;
  inputMode?: 'decimal' | 'numeric' | 'text';
  onKeyDown?: (e: KeyboardEvent<HTMLInputElement>) => void;
  autoFocus?: boolean;
}) {
  return (
    <TextField
      label={props.label}
      value={props.value}
      onChange={props.onChange}
      error={props.field === undefined ? null : issueText(props.issues, props.field)}
      inputMode={props.inputMode}
      onKeyDown={props.onKeyDown}
      // The title of a new item takes the focus so that typing goes on (Enter adds the next one).
      autoFocus={props.autoFocus}
    />
  );
}

export function Area(props: { label: string; value: string; onChange: (value: string) => void; error?: string | null }) {
  const id = useId();
  return (
    <div className={`field${props.error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <textarea id={id} rows={3} value={props.value} onChange={(e) => props.onChange(e.target.value)} aria-invalid={props.error ? true : undefined} />
      {props.error && (
        <p className="field-error" role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}

export function Choice<V extends string>(props: { label: string; value: V; options: readonly { value: V; label: string }[]; onChange: (value: V) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value as V)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Check(props: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="check">
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} /> {props.label}
    </label>
  );
}

export function IssueLines({ issues }: { issues: readonly PlacedIssue[] }): ReactNode {
  if (issues.length === 0) return null;
  return (
    <ul className="editor-issues" role="alert">
      {issues.map((issue, i) => (
        <li key={`${issue.path}-${i}`}>
          <code className="issue-path">{issue.path}</code> {issue.message}
        </li>
      ))}
    </ul>
  );
}
