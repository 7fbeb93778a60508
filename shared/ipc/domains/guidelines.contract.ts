import { z } from 'zod';
import { Empty } from './common';
import { GuidelineSummarySchema } from './schemas';

export const guidelinesContract = {
  guidelinesList: {
    input: Empty,
    output: z.array(GuidelineSummarySchema),
  },
  guidelinesGet: {
    input: z.object({ id: z.string().min(1).max(200), version: z.string().max(50).optional() }).strict(),
    /** The full pack; its schema lives with the pack format and is checked by the loader. */
    output: z.unknown(),
  },
  guidelinesImport: {
    /** The pack file's text and its source text; the loader validates everything before anything is written. */
    input: z
      .object({
        packJson: z.string().max(5 * 1024 * 1024, '指南包文件不能超过 5 MB'),
        sourceText: z.string().max(5 * 1024 * 1024, '指南原文不能超过 5 MB'),
      })
      .strict(),
    output: GuidelineSummarySchema,
  },
} as const;
