/**
 * Every kind of problem a file can have before its contents mean anything,
 * one code each, like an HTTP API's error catalogue: callers (the CLI, the
 * import API, the studio's upload) branch on the code and show the message,
 * which names the file and, in the problem's location, the sheet, row or
 * line, and column. Problems with what a valid file says (a score out of
 * range, an unknown country) are the engine's and the layouts' own.
 */
export const FILE_PROBLEMS = {
  'empty-file': 'the file holds nothing',
  'binary-file': 'the file is not text, nor an XLSX workbook',
  'unclosed-quote': 'a CSV quoted field runs to the end of the file',
  'text-after-quote': 'a CSV field has text after its closing quote',
  'damaged-workbook': 'an XLSX file whose ZIP structure is broken or cut short',
  'not-a-workbook': 'a ZIP archive that is not an Excel workbook',
  'missing-sheet': 'a workbook lists a sheet that it does not contain',
  'unsupported-compression': 'an XLSX entry compressed with a method other than deflate',
  'invalid-json': 'JSON that does not parse',
  'bad-record': 'a JSON record of the wrong shape (not an object, a missing or mistyped field)',
  'unknown-field': 'a JSON record with a field the format does not have',
  'no-records': 'a file that parses but holds no assessments or texts',
  'duplicate-record': 'the same entity, edition and item given twice in one file',
  'country-report': "a country report's text, which the report commands read, handed to a command that reads tables",
  'not-an-input': "a file of none of the kinds read here (JSON that is neither our JSON nor FH's narrative file)",
} as const;

export type FileProblemCode = keyof typeof FILE_PROBLEMS;
