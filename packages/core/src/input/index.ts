export * from './file-problems.js';
export * from './records.js';
export * from './json-syntax.js';
export * from './our-json.js';
export * from './narrative-lines.js';
export * from './json-input.js';
