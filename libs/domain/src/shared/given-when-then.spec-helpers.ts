import { expect } from 'vitest';
import type { Decider, Rejection } from './decider.js';

/** given(events).when(command).then(events) / .thenRejects(code): Emmett's DeciderSpecification, small. */
export function specify<C, E, S>(decider: Decider<C, E, S>) {
  return {
    given(history: E[]) {
      const state = history.reduce(decider.evolve, decider.initialState());
      return {
        when(command: C) {
          const decision = decider.decide(command, state);
          return {
            then(expected: E[]) {
              expect(decision).toEqual({ ok: true, events: expected });
            },
            thenRejects(code: Rejection['code'], message?: RegExp) {
              expect(decision.ok).toBe(false);
              if (decision.ok) return;
              expect(decision.rejection.code).toBe(code);
              if (message) expect(decision.rejection.message).toMatch(message);
            },
          };
        },
      };
    },
  };
}
