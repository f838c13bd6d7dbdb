/**
 * "2,723". Not `toLocaleString`: its first call loads ICU data, which costs
 * more than checking a whole file.
 */
export function withThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
