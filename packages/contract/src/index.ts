export * from './errors.js';
export * from './common.js';
export * from './public.js';
export * from './studio.js';
export * from './auth.js';
export * from './health.js';
export * from './endpoints.js';
export * from './paths.js';
