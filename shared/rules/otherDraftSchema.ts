import { z } from 'zod';
import { FieldValueSchema, GuidelineRefSchema } from '../model/draft';
import type { OtherDraft } from './types';

/** An other draft as cross-draft rules see it (the answer of draftsOtherDrafts). */
export const OtherDraftSchema = GuidelineRefSchema.extend({
  id: z.string().min(1).max(200),
  year: z.number().int().nullable(),
  values: z.record(z.string().max(200), FieldValueSchema),
}).strict() satisfies z.ZodType<OtherDraft>;
