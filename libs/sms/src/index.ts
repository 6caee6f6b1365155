export * from './sms-provider.js';
