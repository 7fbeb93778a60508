import { z } from 'zod';
import { FieldIdSchema } from '../model/draft';

/**
 * A typed condition over a draft: which program/direction was chosen, or what a field holds.
 * Data only: it is interpreted by the rule engine, never evaluated as code.
 */
export type Condition =
  | { field: string; equals: string | number | boolean }
  | { field: string; in: (string | number)[] }
  | { field: string; notIn: (string | number)[] }
  | { field: string; includes: string }
  | { field: string; filled: boolean }
  | { program: string[] }
  | { directionUnder: string[] }
  | { documentType: 'proposal' | 'application' }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

const Scalar = z.union([z.string().max(500), z.number().finite(), z.boolean()]);

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ field: FieldIdSchema, equals: Scalar }).strict(),
    z.object({ field: FieldIdSchema, in: z.array(z.union([z.string().max(500), z.number()])).max(100) }).strict(),
    z.object({ field: FieldIdSchema, notIn: z.array(z.union([z.string().max(500), z.number()])).max(100) }).strict(),
    z.object({ field: FieldIdSchema, includes: z.string().max(500) }).strict(),
    z.object({ field: FieldIdSchema, filled: z.boolean() }).strict(),
    z.object({ program: z.array(z.string().max(200)).min(1).max(50) }).strict(),
    /** True when the chosen direction path starts with this path (ids from the root). */
    z.object({ directionUnder: z.array(z.string().max(200)).min(1).max(10) }).strict(),
    z.object({ documentType: z.enum(['proposal', 'application']) }).strict(),
    z.object({ all: z.array(ConditionSchema).min(1).max(20) }).strict(),
    z.object({ any: z.array(ConditionSchema).min(1).max(20) }).strict(),
    z.object({ not: ConditionSchema }).strict(),
  ]),
);
