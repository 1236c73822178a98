import type { z } from 'zod';

/**
 * Building blocks of the one contract between renderer and main (DESIGN §2).
 * A call carries a zod schema for its input (validated by main, fail closed) and a
 * phantom output type; an event carries a phantom payload type. Main, preload and
 * renderer all derive their types from the same object, so there are no loose
 * channel strings or hand-written duplicates of the window API.
 */
export interface CallSpec<I extends z.ZodType, O> {
  readonly input: I;
  /** Never set at run time: carries the output type only. */
  readonly output?: O;
}

export interface EventSpec<P> {
  readonly payload?: P;
}

export const call = <I extends z.ZodType>(input: I) => ({
  returns: <O>(): CallSpec<I, O> => ({ input }),
});

export const event = <P>(): EventSpec<P> => ({});
