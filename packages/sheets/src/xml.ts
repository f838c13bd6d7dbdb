/** The few XML operations the XLSX reader needs, done with indexOf scans rather than a DOM. */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML's entities decoded; `ooxml` also decodes OOXML's `_xHHHH_` escapes, which OpenDocument does not have. */
export function decodeXml(text: string, ooxml = true): string {
  let out = text;
  if (out.includes('&')) {
    out = out.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
      e[0] === '#'
        ? String.fromCodePoint(e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10))
        : ENTITIES[e]!,
    );
  }
  // OOXML escapes control characters as _xHHHH_.
  if (ooxml && out.includes('_x'))
    out = out.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  return out;
}

/** The value of attribute `name` inside an opening tag's text, or undefined. */
export function attribute(tag: string, name: string): string | undefined {
  const key = ` ${name}="`;
  let i = tag.indexOf(key);
  if (i === -1) {
    const alt = tag.indexOf(` ${name}='`);
    if (alt === -1) return undefined;
    const end = tag.indexOf("'", alt + key.length);
    return decodeXml(tag.slice(alt + key.length, end));
  }
  i += key.length;
  return decodeXml(tag.slice(i, tag.indexOf('"', i)));
}

/** Every opening tag `<name …>` (or self-closing) in the text, as raw tag strings. */
export function tags(xml: string, name: string): string[] {
  const out: string[] = [];
  const open = `<${name}`;
  let i = xml.indexOf(open);
  while (i !== -1) {
    const next = xml.charCodeAt(i + open.length);
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x0a || next === 0x0d || next === 0x09) {
      const end = xml.indexOf('>', i);
      out.push(xml.slice(i, end + 1));
      i = xml.indexOf(open, end);
    } else {
      i = xml.indexOf(open, i + 1);
    }
  }
  return out;
}

/** Concatenated text of every <t> element between start and end (rich-text runs), skipping phonetic runs. */
export function textRuns(xml: string, start: number, end: number): string {
  let out = '';
  let i = start;
  for (;;) {
    const t = xml.indexOf('<t', i);
    if (t === -1 || t >= end) break;
    const c = xml.charCodeAt(t + 2);
    if (c !== 0x3e && c !== 0x20) {
      i = t + 2;
      continue;
    }
    const phonetic = xml.lastIndexOf('<rPh', t);
    if (phonetic > start && phonetic > xml.lastIndexOf('</rPh>', t)) {
      i = xml.indexOf('</rPh>', t);
      continue;
    }
    const open = xml.indexOf('>', t);
    if (xml.charCodeAt(open - 1) === 0x2f) {
      i = open + 1;
      continue;
    }
    const close = xml.indexOf('</t>', open);
    out += xml.slice(open + 1, close);
    i = close + 4;
  }
  return decodeXml(out);
}
