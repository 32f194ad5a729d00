import { useId, useState } from 'react';
import { DATE_INPUT_PLACEHOLDER, formatDateVi, maskDateVi, parseDateVi } from '../../shared/format/dates';

interface DateFieldProps {
  label: string;
  /** The stored date, YYYY-MM-DD, or null. */
  value: string | null;
  /** Called with a real date (or null when emptied); never with an impossible one. */
  onChange: (iso: string | null) => void;
  /** Reports whether the text on screen is a date that can be saved. */
  onValidity?: (valid: boolean) => void;
  hint?: string | undefined;
  /** An error from outside (the form's own check). */
  error?: string | null | undefined;
  className?: string;
  disabled?: boolean;
}

const isoToText = (iso: string | null): string => {
  if (iso === null || iso === '') return '';
  try {
    return formatDateVi(iso);
  } catch {
    return '';
  }
};

/** A dd/mm/yyyy text field that does not depend on the browser's or the OS's locale. */
export function DateField({ label, value, onChange, onValidity, hint, error, className, disabled }: DateFieldProps) {
  const id = useId();
  const [text, setText] = useState(() => isoToText(value));
  const [ownError, setOwnError] = useState<string | null>(null);
  const shown = ownError ?? error ?? null;
  // A value set from outside (loaded, cleared) replaces the text, unless the text already says it
  // or is a refused date still being corrected (state adjusted while rendering, not in an effect).
  const [seenValue, setSeenValue] = useState(value);
  if (seenValue !== value) {
    setSeenValue(value);
    const parsed = parseDateVi(text);
    if (parsed.ok && parsed.iso !== (value || null)) setText(isoToText(value));
  }
  const describedBy = [`${id}-hint`, shown ? `${id}-error` : null].filter(Boolean).join(' ');

  const check = (next: string, final: boolean) => {
    const parsed = parseDateVi(next);
    onValidity?.(parsed.ok);
    if (parsed.ok) {
      setOwnError(null);
      onChange(parsed.iso);
    } else if (final || next.length >= 10) setOwnError(parsed.message);
    else setOwnError(null);
  };

  return (
    <div className={`field${shown ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={DATE_INPUT_PLACEHOLDER}
        maxLength={10}
        value={text}
        disabled={disabled}
        onChange={(e) => {
          const next = maskDateVi(e.target.value);
          setText(next);
          check(next, false);
        }}
        onBlur={() => check(text, true)}
        aria-invalid={shown ? true : undefined}
        aria-describedby={describedBy}
      />
      <p className="field-hint" id={`${id}-hint`}>
        {hint ?? DATE_INPUT_PLACEHOLDER}
      </p>
      {shown && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {shown}
        </p>
      )}
    </div>
  );
}
