/**
 * The report settings of one assessment as the form edits them: loaded once, saved on "Lưu" and
 * on leaving a field, one save at a time. Plain TypeScript; the form reads it through
 * useSyncExternalStore, and an export waits for `save()` so the document carries what is on screen.
 */
import type { ReportSettingsInput } from '../../../shared/api/channels/report';
import type { ReportSettings } from '../../../shared/api/report-entities';
import type { AppError, Result } from '../../../shared/api/result';

/** The fields as the form holds them: the date as '' when empty, the recipients one per line. */
export interface SettingsDraft {
  docNumber: string;
  docSymbol: string;
  reportDate: string;
  difficulties: string;
  recipients: string;
}

export type DraftField = keyof SettingsDraft;

export interface SettingsSnapshot {
  /** null until loaded. */
  draft: SettingsDraft | null;
  saved: ReportSettings | null;
  loadError: string | null;
  saving: boolean;
  /** The last save's failure (cleared by the next successful save). */
  error: AppError | null;
  dirty: boolean;
}

export interface SettingsApi {
  get(input: { assessmentId: number }): Promise<Result<ReportSettings>>;
  save(input: { assessmentId: number; settings: ReportSettingsInput }): Promise<Result<ReportSettings>>;
}

const FIELDS: readonly DraftField[] = ['docNumber', 'docSymbol', 'reportDate', 'difficulties', 'recipients'];

export function toDraft(s: ReportSettings): SettingsDraft {
  return { docNumber: s.docNumber, docSymbol: s.docSymbol, reportDate: s.reportDate ?? '', difficulties: s.difficulties, recipients: s.recipients.join('\n') };
}

export function toInput(d: SettingsDraft): ReportSettingsInput {
  return {
    docNumber: d.docNumber.trim(),
    docSymbol: d.docSymbol.trim(),
    reportDate: d.reportDate === '' ? null : d.reportDate,
    difficulties: d.difficulties,
    recipients: d.recipients
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== ''),
  };
}

function sameDraft(a: SettingsDraft, b: SettingsDraft): boolean {
  return FIELDS.every((f) => a[f] === b[f]);
}

export class ReportSettingsStore {
  private snapshot: SettingsSnapshot = { draft: null, saved: null, loadError: null, saving: false, error: null, dirty: false };
  private readonly listeners = new Set<() => void>();
  private chain: Promise<boolean> = Promise.resolve(true);

  constructor(
    private readonly assessmentId: number,
    private readonly api: SettingsApi,
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): SettingsSnapshot => this.snapshot;

  async load(): Promise<void> {
    const result = await this.api.get({ assessmentId: this.assessmentId });
    if (result.ok) this.set({ saved: result.value, draft: toDraft(result.value), loadError: null });
    else this.set({ loadError: result.error.message });
  }

  setField(field: DraftField, value: string): void {
    const draft = this.snapshot.draft;
    if (!draft || draft[field] === value) return;
    this.set({ draft: { ...draft, [field]: value } });
  }

  /** Saves what the form holds when it differs from what is stored (always with `force`: "Lưu"
   *  also confirms the defaults); true when nothing is left unsaved. */
  save(force = false): Promise<boolean> {
    this.chain = this.chain.then(() => this.send(force));
    return this.chain;
  }

  private async send(force: boolean): Promise<boolean> {
    const sent = this.snapshot.draft;
    if (!sent) return false;
    if (!force && !this.snapshot.dirty && !this.snapshot.error) return true;
    this.set({ saving: true });
    const result = await this.api.save({ assessmentId: this.assessmentId, settings: toInput(sent) });
    if (!result.ok) {
      this.set({ saving: false, error: result.error });
      return false;
    }
    // Fields edited while the save was on its way keep the newer text; the others show what was stored.
    const stored = toDraft(result.value);
    const current = this.snapshot.draft ?? sent;
    const draft = { ...current };
    for (const f of FIELDS) if (current[f] === sent[f]) draft[f] = stored[f];
    this.set({ saving: false, error: null, saved: result.value, draft });
    return !this.snapshot.dirty;
  }

  private set(patch: Partial<SettingsSnapshot>): void {
    const next = { ...this.snapshot, ...patch };
    next.dirty = next.draft !== null && next.saved !== null && !sameDraft(next.draft, toDraft(next.saved));
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}
