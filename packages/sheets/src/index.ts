export { FileFormatError } from './errors.js';
export { parseCsv } from './csv.js';
export { readXlsx } from './xlsx.js';
export { readOds, isOds } from './ods.js';
export { detectFormat, type DetectedFormat } from './detect.js';
export { readInputFile, type InputFile } from './read-input.js';
export { ZipReader, isZip } from './zip.js';
