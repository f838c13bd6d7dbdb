export {
  importFiles,
  ImportRefusedError,
  type ImportFile,
  type ImportOptions,
  type ImportSummary,
} from './import-files.js';
export { ImportInputError, type ImportSource, type NarrativeRecord, type QuestionRecord } from './import-source.js';
export { readImportFile, type JsonRecordsReader } from './read-import-file.js';
export type { Conflict } from './merge.js';
export { ConcurrentChangeError } from './write-plan.js';
