/**
 * Whether an address belongs to the studio: the browser then loads the
 * studio's chunk instead of the explorer, and the server sends the page
 * frame without server-rendering anything (the studio is for signed-in users).
 */
export function isStudioPath(pathname: string): boolean {
  return pathname === '/studio' || pathname.startsWith('/studio/');
}
