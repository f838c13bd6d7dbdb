/**
 * The table's sortable columns, as `sort=` names them. `change.*` is the
 * change from the previous edition, `since.*` the change since `since=`.
 */
export const TABLE_SORT_KEYS = [
  'name',
  'region',
  'kind',
  'status',
  'total',
  'pr',
  'cl',
  'prRating',
  'clRating',
  'freedomRating',
  'change.total',
  'change.freedomRating',
  'since.total',
  'since.freedomRating',
] as const;
export type TableSortKey = (typeof TABLE_SORT_KEYS)[number];
