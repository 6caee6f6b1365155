/** Events are plain versioned data with a stable past-tense type; never class names. */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
}

/** An expected refusal: a typed result, not an exception. Codes map to HTTP statuses at the edge. */
export interface Rejection {
  readonly code: 'not_found' | 'conflict' | 'invalid' | 'forbidden' | 'gone';
  readonly message: string;
  readonly field?: string;
}

export type Decision<E> = { readonly ok: true; readonly events: readonly E[] } | { readonly ok: false; readonly rejection: Rejection };

export const accept = <E>(...events: E[]): Decision<E> => ({ ok: true, events });
export const reject = (code: Rejection['code'], message: string, field?: string): Decision<never> => ({
  ok: false,
  rejection: { code, message, ...(field && { field }) },
});

/** decide(command, state) -> events; evolve(state, event) -> state. Pure: time and ids arrive in the command. */
export interface Decider<Command, Event, State> {
  readonly initialState: () => State;
  readonly decide: (command: Command, state: State) => Decision<Event>;
  readonly evolve: (state: State, event: Event) => State;
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
