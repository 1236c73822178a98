import { z } from 'zod';

/**
 * The shape of `bench/results.json`. The quick run's test parses its output with this
 * schema, so a change to what the bench writes is a change here first.
 */
export const checkSchema = z
  .object({
    statistic: z.enum(['median', 'p95', 'max']),
    op: z.enum(['<=', '>=']),
    value: z.number(),
    text: z.string().min(1),
  })
  .strict();

export const comparisonSchema = z
  .object({
    against: z.string().min(1),
    kind: z.enum(['peer', 'limit', 'reference']),
    unit: z.string(),
    n: z.number().int().positive(),
    median: z.number(),
    p95: z.number(),
    /** From the medians; `ratioMeaning` says which way round. */
    ratio: z.number(),
    ratioMeaning: z.string().min(1),
    ratioTarget: checkSchema.omit({ statistic: true }).nullable(),
    pass: z.boolean().nullable(),
  })
  .strict();

export const sectionSchema = z.object({ title: z.string().min(1), lines: z.array(z.string()) }).strict();

export const figureSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9.-]+$/),
    title: z.string().min(1),
    unit: z.string().min(1),
    better: z.enum(['lower', 'higher']),
    samples: z.array(z.number()).min(1),
    n: z.number().int().positive(),
    median: z.number(),
    p95: z.number(),
    min: z.number(),
    max: z.number(),
    target: checkSchema.nullable(),
    targetPass: z.boolean().nullable(),
    comparisons: z.array(comparisonSchema),
    /** Every check of the figure (its target and any ratio target) met; null when it has none. */
    pass: z.boolean().nullable(),
    whereTheTimeGoes: z.array(sectionSchema),
    notes: z.array(z.string()),
  })
  .strict();

export const machineSchema = z
  .object({
    cores: z.number().int().positive(),
    cpu: z.string(),
    memoryGB: z.number(),
    platform: z.string(),
    node: z.string(),
    sqliteModule: z.string(),
    sqliteCli: z.string(),
    chromium: z.string(),
    /** 1-minute load average when the run started and when it ended: other work on the machine skews every figure. */
    loadAtStart: z.number().nonnegative(),
    loadAtEnd: z.number().nonnegative(),
  })
  .strict();

export const resultsSchema = z
  .object({
    schema: z.literal(1),
    mode: z.enum(['full', 'quick']),
    startedAt: z.string(),
    durationSeconds: z.number().nonnegative(),
    machine: machineSchema,
    sizes: z.record(z.string(), z.number()),
    figures: z.array(figureSchema),
    /** A group of figures that could not run: the bench is broken, not slow. */
    errors: z.array(z.object({ group: z.string(), message: z.string() }).strict()),
  })
  .strict();

export type Check = z.infer<typeof checkSchema>;
export type Comparison = z.infer<typeof comparisonSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Figure = z.infer<typeof figureSchema>;
export type Machine = z.infer<typeof machineSchema>;
export type Results = z.infer<typeof resultsSchema>;
