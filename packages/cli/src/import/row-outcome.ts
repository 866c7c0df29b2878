/**
 * What an importer says about each row it applied: it went in, it was already there, or a
 * business rule rejected it (with the field to point at, for `file:line:column`).
 */
import type { PaymentHintsData } from "./payment-hints";

/** The outcome of applying one parsed row. */
export type RowOutcome =
  | { readonly status: "ok" | "exists"; readonly warnings?: readonly RowWarning[] }
  | {
      readonly status: "rejected";
      /** Stable error code, e.g. `TREASURY_EXCEEDS_QUOTA`. */
      readonly code: string;
      /** The canonical field the problem is in (for the column number). */
      readonly field: string;
      /** Readable message. */
      readonly message: string;
    };

/** A warning about a row that went in (or was already there), at the column it is about. */
export interface RowWarning {
  readonly code: string;
  readonly field: string;
  readonly message: string;
}

/**
 * What the import's reading thread may work out ahead for an importer, with the data it needs
 * (see payment-hints): its result comes with each batch as `prepared`.
 */
export type ThreadPlan = { readonly kind: "payments"; readonly data: PaymentHintsData };

/** An importer of one kind of CSV file, prepared for one file inside one transaction. */
export interface Importer<T> {
  /**
   * Applies a chunk of parsed rows; returns one outcome per row, in order. In atomic mode a
   * rejection makes the whole file roll back later, so importers may keep going. `prepared` is
   * what the reading thread worked out for the chunk under {@link Importer.threadPlan}, when the
   * file was read on one.
   */
  apply(rows: readonly T[], prepared?: unknown): Promise<RowOutcome[]>;
  /** The work the reading thread may do ahead for this importer, if any. */
  readonly threadPlan?: ThreadPlan;
}
