export {
  importFiles,
  importMerged,
  ImportConflictsError,
  ImportRefusedError,
  type ImportFile,
  type ImportOptions,
  type ImportSummary,
} from './import-files.js';
export { ImportInputError, type ImportSource } from './import-source.js';
export { readImportFile } from './read-import-file.js';
export type { Conflict } from './merge.js';
export { ConcurrentChangeError } from './write-plan.js';
