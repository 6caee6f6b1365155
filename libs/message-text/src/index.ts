export * from './merge-fields.js';
export * from './merge-field-check.js';
export * from './render-script.js';
export * from './measure-text.js';
export * from './gsm-fix.js';
