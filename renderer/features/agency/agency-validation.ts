/** Checks an agency draft with the shared schema and turns problems into messages per field. */
import { agencyProfileSchema, type AgencyDraft } from '../../../shared/api/entities';
import type { AppError } from '../../../shared/api/result';
import type { TFunction } from '../../i18n/i18n';

export type AgencyField = keyof AgencyDraft;
export type FieldErrors = Partial<Record<AgencyField, string>>;

export const emptyAgencyDraft: AgencyDraft = {
  superiorBody: '',
  name: '',
  ordinaryName: '',
  abbreviation: '',
  level: 'department',
  placeName: '',
  signerAuthority: '',
  signerTitle: '',
  signerName: '',
  officerName: '',
  officerContact: '',
};

const fieldNames = new Set<string>(Object.keys(emptyAgencyDraft));

export function validateAgencyDraft(draft: AgencyDraft, t: TFunction): { draft: AgencyDraft | null; errors: FieldErrors } {
  const parsed = agencyProfileSchema.safeParse(draft);
  if (parsed.success) return { draft: parsed.data, errors: {} };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (!fieldNames.has(field) || errors[field as AgencyField]) continue;
    let message = t('validation.invalid');
    if (issue.code === 'too_small') message = t('validation.required');
    else if (issue.code === 'too_big') message = t('validation.tooLong', { max: String(issue.maximum) });
    else if (issue.code === 'custom' && field === 'abbreviation') message = t('agency.field.abbreviation.required');
    errors[field as AgencyField] = message;
  }
  return { draft: null, errors };
}

/** Server-side problems (INVALID_INPUT with issues) mapped back to the fields they name. */
export function errorsFromServer(error: AppError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues ?? []) {
    const field = issue.path.replace(/^draft\./, '').split(/[.[]/)[0] ?? '';
    if (fieldNames.has(field) && !errors[field as AgencyField]) errors[field as AgencyField] = issue.message;
  }
  return errors;
}
