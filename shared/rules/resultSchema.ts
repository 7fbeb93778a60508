import { z } from 'zod';
import { SeveritySchema } from '../pack/rules';

/** The wire shape of a rule result (IPC `drafts:validate`, CLI --json). Mirrors `RuleResult`. */
export const RuleResultSchema = z.object({
  ruleId: z.string(),
  kind: z.string(),
  severity: SeveritySchema,
  outcome: z.enum(['pass', 'fail', 'met', 'notApplicable']),
  field: z.string().nullable(),
  section: z.string().nullable(),
  message: z.string(),
  citation: z.object({ document: z.string(), clause: z.string(), quote: z.string() }),
});

export const ValidationSummarySchema = z.object({
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  infos: z.number().int().nonnegative(),
});

export const DraftValidationSchema = z.object({
  packId: z.string(),
  packVersion: z.string(),
  programId: z.string(),
  /** The validation date used (China time). */
  at: z.iso.date(),
  results: z.array(RuleResultSchema),
  summary: ValidationSummarySchema,
  /** E.g. the draft's pack version is not installed and another was used. */
  warning: z.string().nullable(),
});
