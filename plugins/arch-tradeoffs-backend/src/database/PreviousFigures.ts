import type { HistoryRow } from './SnapshotStore';

/** The figures of a component's history point that a refresh compares (the rest are constant). */
export type ComparedFigures = Pick<HistoryRow, 'monthlyCost' | 'bestMonthlyCost' | 'potentialSavings' | 'openSuggestions'>;

const FIELDS = 4;

/**
 * Each component's newest history figures, so that a refresh stores a component's point only when a
 * figure moves (a steady catalog adds no rows).
 *
 * Held through a whole refresh, so kept compact: one slot of four numbers per component in a typed
 * array, found by entity ref. (An object per component, as rows come from the database, held about
 * 20 MB through every refresh at 50,000 components.)
 */
export class PreviousFigures {
  private readonly slots = new Map<string, number>();
  private figures = new Float64Array(FIELDS * 1024);

  get size(): number {
    return this.slots.size;
  }

  set(subject: string, f: ComparedFigures): void {
    let slot = this.slots.get(subject);
    if (slot === undefined) {
      slot = this.slots.size;
      this.slots.set(subject, slot);
      if (FIELDS * (slot + 1) > this.figures.length) {
        const grown = new Float64Array(this.figures.length * 2);
        grown.set(this.figures);
        this.figures = grown;
      }
    }
    const at = FIELDS * slot;
    this.figures[at] = f.monthlyCost;
    this.figures[at + 1] = f.bestMonthlyCost;
    this.figures[at + 2] = f.potentialSavings;
    this.figures[at + 3] = f.openSuggestions;
  }

  /** Whether the subject's newest point has exactly these figures (so a new point would add nothing). */
  same(subject: string, f: ComparedFigures): boolean {
    const slot = this.slots.get(subject);
    if (slot === undefined) return false;
    const at = FIELDS * slot;
    return (
      this.figures[at] === f.monthlyCost &&
      this.figures[at + 1] === f.bestMonthlyCost &&
      this.figures[at + 2] === f.potentialSavings &&
      this.figures[at + 3] === f.openSuggestions
    );
  }
}
