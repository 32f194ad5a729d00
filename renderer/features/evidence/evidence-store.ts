/**
 * The evidence items linked to one assessment, as the workspace shows them. Every change the
 * backend confirms (EvidenceChange) replaces the item and hands the fresh totals on, so the tree
 * marks and the totals bar follow at once; `version` tells the completeness list to refresh.
 */
import type { EvidenceChange } from '../../../shared/api/channels/evidence';
import type { EvidenceItem } from '../../../shared/api/evidence-entities';
import type { Result } from '../../../shared/api/result';
import { compareCodes } from '../../../shared/domain/criteria-tree';
import type { Totals } from '../../../shared/domain/scoring-types';

export interface EvidenceSnapshot {
  items: readonly EvidenceItem[];
  loaded: boolean;
  error: string | null;
  /** Bumped on every change (item, link or file). */
  version: number;
}

type ListFn = (input: { assessmentId: number }) => Promise<Result<{ items: EvidenceItem[]; totals: Totals }>>;

export class EvidenceStore {
  private snapshot: EvidenceSnapshot = { items: [], loaded: false, error: null, version: 0 };
  private readonly listeners = new Set<() => void>();
  private loading: Promise<void> | null = null;
  private reloadAgain = false;

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

  /** Items linked to `code` of this assessment, newest first (the backend's order). */
  itemsFor(code: string): EvidenceItem[] {
    return this.snapshot.items.filter((item) => isLinked(item, this.assessmentId, code));
  }

  /** Loads (or reloads) the list; overlapping calls are folded into one more request. */
  reload(): Promise<void> {
    if (this.loading) {
      this.reloadAgain = true;
      return this.loading;
    }
    this.loading = (async () => {
      do {
        this.reloadAgain = false;
        const result = await this.list({ assessmentId: this.assessmentId });
        if (result.ok) {
          this.set({ items: result.value.items, loaded: true, error: null });
          this.onTotals(result.value.totals);
        }
        else this.set({ error: result.error.message, loaded: true });
      } while (this.reloadAgain);
      this.loading = null;
    })();
    return this.loading;
  }

  /** Applies what an evidence:* call returned. */
  apply(change: EvidenceChange, removedItemId?: number): void {
    const { item, totals } = change;
    let items = this.snapshot.items.filter((i) => i.id !== (item?.id ?? removedItemId));
    if (item && item.links.some((l) => l.assessmentId === this.assessmentId)) {
      const at = this.snapshot.items.findIndex((i) => i.id === item.id);
      items = at === -1 ? [item, ...items] : [...items.slice(0, at), item, ...items.slice(at)];
    }
    this.set({ items });
    this.onTotals(totals);
  }

  /** Something changed that only a reload shows (a file was stored: its document may now back a criterion). */
  touched(): void {
    void this.reload();
  }

  private set(patch: Partial<EvidenceSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch, version: this.snapshot.version + 1 };
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

