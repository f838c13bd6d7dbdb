/**
 * How one entity followed another: a split (Serbia and Montenegro into Serbia
 * and Montenegro; Sudan, which went on, and South Sudan), a merger (two into
 * one), or a renaming across two registry entries (FH lists Yugoslavia up to
 * FIW 2003 and Serbia and Montenegro from FIW 2004). One link per
 * predecessor–successor pair.
 */
export interface EntitySuccession {
  /** The first edition in which the successor is rated as such. */
  edition: number;
  kind: SuccessionKind;
  from: string;
  to: string;
  /**
   * The successor carries the predecessor's series on: its history reaches
   * back through the predecessor, and its change in `edition` is measured from
   * the predecessor's last edition. At most one successor continues a
   * predecessor, and a successor continues at most one predecessor.
   */
  continues: boolean;
}

export const SUCCESSION_KINDS = ['split', 'merger', 'renamed'] as const;
export type SuccessionKind = (typeof SUCCESSION_KINDS)[number];

/**
 * The successions in FH's record that carry a series across two registry
 * entries. FH's own files say which successor went on: its FIW06-23 sheet
 * gives Serbia in FIW 2007 exactly the scores of Serbia and Montenegro in
 * FIW 2006, and its FIW03-05 sheet fills Yugoslavia's FIW 2003 cells and
 * Serbia and Montenegro's FIW 2004–2005 cells as one series. Montenegro and
 * South Sudan are new from their first edition; Sudan is one entity throughout.
 */
export const BUILTIN_SUCCESSIONS: readonly EntitySuccession[] = [
  { edition: 2004, kind: 'renamed', from: 'yugoslavia', to: 'serbia-and-montenegro', continues: true },
  { edition: 2007, kind: 'split', from: 'serbia-and-montenegro', to: 'serbia', continues: true },
  { edition: 2007, kind: 'split', from: 'serbia-and-montenegro', to: 'montenegro', continues: false },
  { edition: 2012, kind: 'split', from: 'sudan', to: 'south-sudan', continues: false },
];
