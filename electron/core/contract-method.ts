import type { z } from 'zod';

/** One contract entry. Capability folders declare theirs with `method` and contract.ts spreads them in. */
export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  staff: boolean;
  /**
   * Only a staff member of this role may call it (staff accounts, settings, data care, imports):
   * checked by the core with the session's account, whatever the transport.
   */
  role?: 'coordinator';
  /** Largest request body the HTTP transport accepts for this method (default 256 KiB). */
  maxBodyBytes?: number;
  /**
   * The input field that carries a file. Over HTTP it is sent as the raw request body (the rest of
   * the input in the `x-kiosk-input` header) and handed to the handler as it streams in; over IPC
   * it is the bytes themselves. Never base64 inside JSON.
   */
  upload?: string;
  /** Type-only: the output never exists at run time. */
  readonly output?: O;
}

export function method<O>() {
  return <I extends z.ZodType>(spec: {
    input: I;
    staff: boolean;
    role?: 'coordinator';
    maxBodyBytes?: number;
    upload?: string;
  }): MethodSpec<I, O> => spec;
}

/** The same methods, each for coordinators only (a capability's whole set, as data care's backups). */
export function coordinatorOnly<C extends Record<string, MethodSpec<z.ZodType, unknown>>>(methods: C): C {
  return Object.fromEntries(
    Object.entries(methods).map(([name, spec]) => [name, { ...spec, role: 'coordinator' as const }]),
  ) as C;
}

/** What a handler knows about its call besides the input. */
export interface HandlerContext {
  /** Already checked by the core for `staff: true` methods. */
  staffSession?: string;
  /** The account signed in on that session (set for `staff: true` methods). */
  staffAccount?: { id: string; name: string; role: 'coordinator' | 'facilitator' };
}

/** The handlers for a set of contract entries: one async function each, typed by the entry. */
export type HandlersOf<C extends Record<string, MethodSpec<z.ZodType, unknown>>> = {
  [M in keyof C]: (
    input: z.output<C[M]['input']>,
    context: HandlerContext,
  ) => Promise<NonNullable<C[M]['output']>>;
};
