import { useState, type FormEvent } from 'react';
import type { Agency, AgencyDraft } from '../../../shared/api/entities';
import { defaultAbbreviation, ordinaryAgencyName } from '../../../shared/format/agency-names';
import { api } from '../../api/client';
import { TextField } from '../../components/TextField';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/vi';
import { emptyAgencyDraft, errorsFromServer, validateAgencyDraft, type AgencyField, type FieldErrors } from './agency-validation';
import { FormError } from '../../components/FormError';

interface AgencyFormProps {
  /** The agency being edited, or null to create a new one. */
  agency: Agency | null;
  firstRun: boolean;
  onSaved: (agency: Agency) => void;
  onCancel: (() => void) | null;
}

type TextFieldName = Exclude<AgencyField, 'level'>;
const textFields: { name: TextFieldName; hint: boolean; required: boolean }[] = [
  { name: 'superiorBody', hint: true, required: false },
  { name: 'name', hint: true, required: true },
  { name: 'ordinaryName', hint: true, required: false },
  { name: 'abbreviation', hint: true, required: false },
  { name: 'placeName', hint: true, required: true },
  { name: 'signerAuthority', hint: true, required: false },
  { name: 'signerTitle', hint: true, required: true },
  { name: 'signerName', hint: false, required: true },
  { name: 'officerName', hint: true, required: false },
  { name: 'officerContact', hint: true, required: false },
];

/** Only the draft's own fields: the update channel is strict and refuses anything else. */
function toDraft(agency: Agency | null): AgencyDraft {
  if (!agency) return { ...emptyAgencyDraft, abbreviation: defaultAbbreviation(emptyAgencyDraft.level) };
  const draft = { ...emptyAgencyDraft };
  for (const key of Object.keys(emptyAgencyDraft) as AgencyField[]) (draft as Record<AgencyField, string>)[key] = agency[key];
  return draft;
}

/** The agency profile: the header and signature block of the report come from here. */
export function AgencyForm({ agency, firstRun, onSaved, onCancel }: AgencyFormProps) {
  const t = useT();
  const [draft, setDraft] = useState<AgencyDraft>(() => toDraft(agency));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The ordinary name follows the header name (and the place name) until the officer edits it.
  const [ordinaryEdited, setOrdinaryEdited] = useState(() => agency !== null && agency.ordinaryName !== ordinaryAgencyName(agency.name, agency.placeName));
  const set = (name: AgencyField, value: string) => {
    if (name === 'ordinaryName') setOrdinaryEdited(value.trim() !== '');
    setDraft((d) => {
      const next = { ...d, [name]: value };
      if (!ordinaryEdited && name !== 'ordinaryName' && (name === 'name' || name === 'placeName')) next.ordinaryName = ordinaryAgencyName(next.name, next.placeName);
      if (name === 'level' && d.abbreviation.trim() === defaultAbbreviation(d.level)) next.abbreviation = defaultAbbreviation(value as AgencyDraft['level']);
      return next;
    });
    if (errors[name]) setErrors((e) => ({ ...e, [name]: undefined }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = validateAgencyDraft(draft, t);
    setErrors(checked.errors);
    if (!checked.draft) {
      setFormError(t('agency.fixErrors'));
      return;
    }
    setBusy(true);
    setFormError(null);
    const result = agency
      ? await api['agencies:update']({ id: agency.id, draft: checked.draft })
      : await api['agencies:create'](checked.draft);
    setBusy(false);
    if (result.ok) {
      onSaved(result.value);
      return;
    }
    setErrors(errorsFromServer(result.error));
    setFormError(result.error.message);
  };

  const renderTextField = ({ name, hint, required }: (typeof textFields)[number]) => (
    <TextField
      key={name}
      label={t(`agency.field.${name}` as MessageKey)}
      hint={hint ? t((name === 'abbreviation' ? `agency.field.abbreviation.hint.${draft.level}` : `agency.field.${name}.hint`) as MessageKey) : undefined}
      value={draft[name]}
      onChange={(v) => set(name, v)}
      error={errors[name]}
      required={required}
      aria-required={required}
      autoComplete="off"
    />
  );

  const heading = firstRun ? 'agency.firstRunTitle' : agency ? 'agency.editTitle' : 'agency.createTitle';
  return (
    <section className="panel agency-form" aria-labelledby="agency-form-heading">
      <h1 id="agency-form-heading">{t(heading)}</h1>
      {firstRun && <p className="intro">{t('agency.firstRunIntro')}</p>}
      <form onSubmit={submit} noValidate>
        <FormError message={formError} />
        <div className="form-grid">
          {textFields.slice(0, 4).map(renderTextField)}
          <fieldset className="field radio-field">
            <legend>{t('agency.field.level')}</legend>
            {(['department', 'commune'] as const).map((level) => (
              <label key={level} className="radio">
                <input type="radio" name="agency-level" value={level} checked={draft.level === level} onChange={() => set('level', level)} />
                {t(`level.${level}`)}
              </label>
            ))}
          </fieldset>
          {textFields.slice(4).map(renderTextField)}
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('agency.saving') : t('agency.save')}
          </button>
          {onCancel && (
            <button type="button" onClick={onCancel} disabled={busy}>
              {t('agency.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
