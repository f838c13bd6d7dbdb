/** The part of vite's build manifest (`.vite/manifest.json`) the server renderer and the budget test read. */
export interface BuildManifest {
  [source: string]: { file: string; imports?: string[]; dynamicImports?: string[]; css?: string[]; isEntry?: boolean };
}

/**
 * The files a source module needs before it runs: its own chunk and, transitively, every chunk it imports
 * statically (lazy imports stay out). Manifest keys of the chunks are followed, so a shared chunk counts once.
 */
export function staticClosure(manifest: BuildManifest, source: string): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the build manifest has no ${key}`);
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(source);
  return [...files];
}
