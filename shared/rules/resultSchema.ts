import { z } from 'zod';

/** The wire shape of a rule result (IPC `drafts:validate`, CLI --json). Mirrors `RuleResult`. */
export const RuleResultSchema = z.object({
  ruleId: z.string(),
  kind: z.string(),
  /** 待填写 / 错误 / 警告 / 提示. */
  severity: z.enum(['incomplete', 'error', 'warning', 'info']),
  outcome: z.enum(['pass', 'fail', 'met', 'notApplicable', 'pending']),
  field: z.string().nullable(),
  section: z.string().nullable(),
  message: z.string(),
  citation: z.object({ document: z.string(), clause: z.string(), quote: z.string(), source: z.enum(['guideline', 'form']) }),
});

export const ValidationSummarySchema = z.object({
  incomplete: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
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
  /** What the store knows of each attachment's bytes, by SHA-256: the wizard checks with the same facts. */
  attachmentFacts: z
    .record(
      z.string(),
      z.object({ state: z.enum(['ok', 'missing', 'altered', 'notHere']), detected: z.enum(['pdf', 'jpeg', 'png', 'ofd', 'doc', 'docx', 'zip', 'exe', 'unknown']).nullable().optional() }),
    )
    .optional(),
});
