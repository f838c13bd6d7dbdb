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
/**
 * A column of an edition scored with another methodology than FIW's: a
 * category's score (`cat.VOTE`) or rating (`cat.VOTE.rating`), by the codes
 * of its methodology file.
 */
export type CategorySortKey = `cat.${string}`;
export type TableSortKey = (typeof TABLE_SORT_KEYS)[number] | CategorySortKey;

/** Whether `sort=` names a category column (any code: the methodology file decides which exist). */
export const isCategorySortKey = (key: string): key is CategorySortKey => /^cat\.[A-Za-z0-9._-]{1,40}$/.test(key);
