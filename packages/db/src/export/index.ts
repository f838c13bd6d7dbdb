export {
  exportAssessments,
  exportData,
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportOptions,
  type ExportResult,
} from './export-data.js';
export type { ExportedFile } from './datapackage.js';
export { FH_EXPORT_LAYOUTS, type FhExportLayout } from './fh-layouts.js';
export { assessmentJson, jsonText } from './json-export.js';
export { publishedForExport, type ExportSelection } from './published-assessments.js';
export {
  changeLabel,
  describeChange,
  releaseChanges,
  type PublishedValue,
  type ReleaseChange,
  type ReleaseDifference,
} from './release-changes.js';
export { releaseAssessments } from './release-assessments.js';
