import type { Plugin } from 'vite';
import { buildMapGeometry } from '../src/map/build-geometry.js';

const ID = 'virtual:world-geometry';

/**
 * `import('virtual:world-geometry')`: the projected world map as a module of
 * its own, so the browser loads it lazily, once, from a hashed (cacheable) file.
 */
export function worldGeometry(): Plugin {
  let code: string | undefined;
  return {
    name: 'fiw-world-geometry',
    resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
    load(id) {
      if (id !== `\0${ID}`) return undefined;
      // JSON.parse of a string literal parses faster in browsers than the same object as a JS literal.
      code ??= `export default JSON.parse(${JSON.stringify(JSON.stringify(buildMapGeometry()))});`;
      return code;
    },
  };
}
