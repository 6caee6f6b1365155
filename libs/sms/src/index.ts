export * from './sms-provider.js';
export * from './sandbox/sandbox-config.js';
export * from './sandbox/sandbox-provider.js';
export * from './sandbox/simulated-failures.js';
export * from './sandbox/simulated-replies.js';
