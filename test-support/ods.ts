import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A minimal OpenDocument spreadsheet writer for tests (LibreOffice is not
 * installed): a ZIP with `mimetype` stored first, as the format requires,
 * the manifest, and the given `content.xml`, deflated.
 */
export function odsBytes(contentXml: string): Buffer {
  const manifest =
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">' +
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>' +
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>' +
    '</manifest:manifest>';
  return zip([
    { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), deflate: false },
    { name: 'META-INF/manifest.xml', data: Buffer.from(manifest), deflate: true },
    { name: 'content.xml', data: Buffer.from(contentXml), deflate: true },
  ]);
}

/** `content.xml` around the given `<table:table>` elements. */
export function odsContent(tablesXml: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">' +
    `<office:body><office:spreadsheet>${tablesXml}</office:spreadsheet></office:body></office:document-content>`
  );
}

type Value = string | number | boolean | null;

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function cellXml(v: Value, repeated: number): string {
  const rep = repeated > 1 ? ` table:number-columns-repeated="${repeated}"` : '';
  if (v === null) return `<table:table-cell${rep}/>`;
  if (typeof v === 'number')
    return `<table:table-cell${rep} office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`;
  if (typeof v === 'boolean')
    return `<table:table-cell${rep} office:value-type="boolean" office:boolean-value="${v}"><text:p>${v ? 'TRUE' : 'FALSE'}</text:p></table:table-cell>`;
  return `<table:table-cell${rep} office:value-type="string"><text:p>${escape(v)}</text:p></table:table-cell>`;
}

/**
 * Sheets as LibreOffice writes them: runs of equal cells as one cell with
 * `number-columns-repeated`, runs of equal rows (blank ones too) as one row
 * with `number-rows-repeated`, and the sheet padded with empty rows to its end.
 */
export function odsFromSheets(sheets: { name: string; rows: { number: number; cells: Value[] }[] }[]): Buffer {
  let xml = '';
  for (const sheet of sheets) {
    xml += `<table:table table:name="${escape(sheet.name)}"><table:table-column table:number-columns-repeated="1024"/>`;
    const rowXml: string[] = [];
    let next = 1;
    for (const row of sheet.rows) {
      if (row.number > next)
        rowXml.push(
          `<table:table-row table:number-rows-repeated="${row.number - next}"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>`,
        );
      let cells = '';
      for (let i = 0; i < row.cells.length;) {
        let j = i + 1;
        while (j < row.cells.length && row.cells[j] === row.cells[i]) j++;
        cells += cellXml(row.cells[i]!, j - i);
        i = j;
      }
      rowXml.push(
        `<table:table-row>${cells}<table:table-cell table:number-columns-repeated="${1024 - row.cells.length}"/></table:table-row>`,
      );
      next = row.number + 1;
    }
    // Identical neighbouring rows become one repeated row.
    for (let i = 0; i < rowXml.length;) {
      let j = i + 1;
      while (j < rowXml.length && rowXml[j] === rowXml[i] && !rowXml[i]!.includes('rows-repeated')) j++;
      xml +=
        j - i > 1
          ? rowXml[i]!.replace('<table:table-row>', `<table:table-row table:number-rows-repeated="${j - i}">`)
          : rowXml[i]!;
      i = j;
    }
    xml += `<table:table-row table:number-rows-repeated="${1048576 - next + 1}"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>`;
  }
  return odsBytes(odsContent(xml));
}

interface Entry {
  name: string;
  data: Buffer;
  deflate: boolean;
}

function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = e.deflate ? deflateRawSync(e.data) : e.data;
    const name = Buffer.from(e.name);
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
