/** Injection tokens for the infrastructure the modules share. */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const READ_MODEL_DB = Symbol('READ_MODEL_DB');
export const PROJECTIONS = Symbol('PROJECTIONS');
export const AUTH_DB = Symbol('AUTH_DB');
/**
 * The same auth.db, through a connection that commits without fsync (WAL,
 * synchronous=NORMAL): sessions are written on every sign-in and join, and
 * losing the last ones to a power cut only means signing in again. Password
 * hashes and invite uses go through AUTH_DB, which fsyncs.
 */
export const SESSIONS_DB = Symbol('SESSIONS_DB');
export const CLOCK = Symbol('CLOCK');

export type Clock = () => Date;
