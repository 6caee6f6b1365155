/** Injection tokens for the infrastructure the modules share. */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const READ_MODEL_DB = Symbol('READ_MODEL_DB');
export const PROJECTIONS = Symbol('PROJECTIONS');
export const AUTH_DB = Symbol('AUTH_DB');
export const CLOCK = Symbol('CLOCK');

export type Clock = () => Date;
