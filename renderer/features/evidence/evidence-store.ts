/**
 * The evidence items of one assessment as the workspace shows them, loaded per criterion: opening
 * the workspace loads nothing (the tree's marks come with the totals), selecting a leaf loads that
 * leaf's items (`evidence:listForCriterion`) and keeps them. The cache is kept exact:
 * - every change the backend confirms (EvidenceChange: the item as it now is, with all its links)
 *   is applied to every criterion loaded, so an item linked, unlinked, edited or deleted shows so
 *   everywhere at once, and the fresh totals are handed on (tree marks, totals bar);
 * - a stored file (an upload or a picked file) drops the criteria of that item and reloads the
 *   ones on screen with the totals (the document may now back a score);
 * - a load answered while a change was on its way is asked again (its answer may predate it);
 * - the store lives as long as the workspace: opening it again (after a package import, a restore,
 *   an accepted suggestion) starts from the backend.
 * `version` counts changes only (the completeness list refreshes on it), not loads.
 */
import type { EvidenceChange } from '../../../shared/api/channels/evidence';
import type { EvidenceItem } from '../../../shared/api/evidence-entities';
import type { Result } from '../../../shared/api/result';
import { compareCodes } from '../../../shared/domain/criteria-tree';
import type { Totals } from '../../../shared/domain/scoring-types';

export interface CriterionEvidence {
  /** Null until the first answer came. */
  items: readonly EvidenceItem[] | null;
  error: string | null;
}

export interface EvidenceSnapshot {
  byCode: ReadonlyMap<string, CriterionEvidence>;
  /** Bumped on every change (item, link or file), not on a load. */
  version: number;
}

type ListFn = (input: { assessmentId: number; code: string; withTotals?: boolean }) => Promise<Result<{ items: EvidenceItem[]; totals: Totals | null }>>;

const NOT_LOADED: CriterionEvidence = { items: null, error: null };

export class EvidenceStore {
  private snapshot: EvidenceSnapshot = { byCode: new Map(), version: 0 };
  private readonly listeners = new Set<() => void>();
  /** Every item seen in this workspace, by id (to name the item an upload goes to). */
  private readonly known = new Map<number, EvidenceItem>();
  /** Criteria on screen (an EvidenceSection shows them), with how many watchers. */
  private readonly watched = new Map<string, number>();
  /** Criteria being asked for, and those whose answer must bring the totals. */
  private readonly inFlight = new Set<string>();
  private readonly totalsWanted = new Set<string>();
  /** Counts changes: a load that saw this move while it waited is asked again. */
  private changes = 0;

  constructor(
    private readonly assessmentId: number,
    private readonly list: ListFn,
    private readonly onTotals: (totals: Totals) => void,
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): EvidenceSnapshot => this.snapshot;

  readonly getVersion = (): number => this.snapshot.version;

  criterion(code: string): CriterionEvidence {
    return this.snapshot.byCode.get(code) ?? NOT_LOADED;
  }

  /** Items linked to `code` of this assessment, newest first (the backend's order); empty until loaded. */
  itemsFor(code: string): readonly EvidenceItem[] {
    return this.criterion(code).items ?? [];
  }

  /** An item seen in this workspace (loaded with some criterion or changed here). */
  knownItem(id: number): EvidenceItem | undefined {
    return this.known.get(id);
  }

  /** The criterion is on screen: loads it unless it is loaded or on its way. Returns the release. */
  watch(code: string): () => void {
    this.watched.set(code, (this.watched.get(code) ?? 0) + 1);
    if (this.criterion(code).items === null) this.load(code);
    return () => {
      const n = (this.watched.get(code) ?? 1) - 1;
      if (n <= 0) this.watched.delete(code);
      else this.watched.set(code, n);
    };
  }

  /** Asks for a criterion's items (with the totals when `withTotals`); one request per criterion at a time. */
  load(code: string, withTotals = false): Promise<void> {
    if (withTotals) this.totalsWanted.add(code);
    if (this.inFlight.has(code)) return Promise.resolve();
    this.inFlight.add(code);
    return this.fetch(code).finally(() => this.inFlight.delete(code));
  }

  private async fetch(code: string): Promise<void> {
    for (;;) {
      const started = this.changes;
      const withTotals = this.totalsWanted.has(code);
      const result = await this.list({ assessmentId: this.assessmentId, code, ...(withTotals ? { withTotals } : {}) });
      // A change came while this was on its way: the answer may be older than it, ask again.
      if (this.changes !== started) continue;
      if (!result.ok) {
        this.setCriterion(code, { items: this.criterion(code).items, error: result.error.message });
        return;
      }
      for (const item of result.value.items) this.known.set(item.id, item);
      this.setCriterion(code, { items: result.value.items, error: null });
      if (withTotals) {
        this.totalsWanted.delete(code);
        if (result.value.totals) this.onTotals(result.value.totals);
      }
      return;
    }
  }

  /** Applies what an evidence:* call returned, to every criterion loaded. */
  apply(change: EvidenceChange, removedItemId?: number): void {
    this.changes++;
    const { item, totals } = change;
    const id = item?.id ?? removedItemId;
    if (item) this.known.set(item.id, item);
    else if (id !== undefined) this.known.delete(id);
    const byCode = new Map<string, CriterionEvidence>();
    for (const [code, entry] of this.snapshot.byCode) {
      if (entry.items === null) {
        byCode.set(code, entry);
        continue;
      }
      const at = entry.items.findIndex((i) => i.id === id);
      let items = entry.items.filter((i) => i.id !== id);
      if (item && isLinked(item, this.assessmentId, code)) items = at === -1 ? [item, ...items] : [...items.slice(0, at), item, ...items.slice(at)];
      byCode.set(code, at === -1 && items.length === entry.items.length ? entry : { ...entry, items });
    }
    this.set({ byCode, version: this.snapshot.version + 1 });
    this.onTotals(totals);
  }

  /**
   * A file was stored on item `itemId`: the criteria that item backs are dropped, those on screen
   * asked again, one of them with the totals (the document may now back a score).
   */
  touched(itemId?: number): void {
    this.changes++;
    const item = itemId === undefined ? undefined : this.known.get(itemId);
    const affected = item ? item.links.filter((l) => l.assessmentId === this.assessmentId).map((l) => l.code) : [...this.snapshot.byCode.keys()];
    const byCode = new Map(this.snapshot.byCode);
    for (const code of affected) if (!this.watched.has(code)) byCode.delete(code);
    this.set({ byCode, version: this.snapshot.version + 1 });
    const reload = [...new Set([...affected.filter((c) => this.watched.has(c)), ...this.watched.keys()])];
    // The totals come with the first criterion asked again (or the item's own when none is on screen).
    const totalsCode = reload[0] ?? affected[0];
    if (totalsCode !== undefined && !reload.includes(totalsCode)) void this.load(totalsCode, true);
    reload.forEach((code) => void this.load(code, code === totalsCode));
  }

  private setCriterion(code: string, entry: CriterionEvidence): void {
    const byCode = new Map(this.snapshot.byCode);
    byCode.set(code, entry);
    this.set({ byCode });
  }

  private set(patch: Partial<EvidenceSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

export function isLinked(item: EvidenceItem, assessmentId: number, code: string): boolean {
  return item.links.some((l) => l.assessmentId === assessmentId && l.code === code);
}

/** The other criteria of this assessment an item backs, in tree order of their codes. */
export function otherCodes(item: EvidenceItem, assessmentId: number, code: string): string[] {
  return item.links
    .filter((l) => l.assessmentId === assessmentId && l.code !== code)
    .map((l) => l.code)
    .sort(compareCodes);
}
