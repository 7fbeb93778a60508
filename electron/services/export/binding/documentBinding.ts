import { z } from 'zod';
import type { BookFacts } from '../../../../shared/book/ast';

/** What each document carries about the draft it was printed from (DOCX custom properties, PDF Info). */
export interface DocumentBinding {
  draftSha256: string;
  facts: BookFacts;
}

/** Property names, the same in both formats. */
export const BINDING_KEYS = {
  draftSha256: 'ShenbaoDraftSha256',
  facts: 'ShenbaoFacts',
} as const;

const FactsSchema = z
  .object({ projectName: z.string().max(2000), applicant: z.string().max(2000), pi: z.string().max(500), total: z.string().max(50), fiscal: z.string().max(50) })
  .strict();

/** The two values as read back; null when a value is absent or not what the exporter writes. */
export function bindingOf(values: { draftSha256: string | null; facts: string | null }): DocumentBinding | null {
  if (!values.draftSha256 || !/^[0-9a-f]{64}$/.test(values.draftSha256) || values.facts === null) return null;
  try {
    const facts = FactsSchema.safeParse(JSON.parse(values.facts));
    return facts.success ? { draftSha256: values.draftSha256, facts: facts.data } : null;
  } catch {
    return null;
  }
}

export const FACT_LABELS: Record<keyof BookFacts, string> = {
  projectName: '项目名称',
  applicant: '申报单位',
  pi: '项目负责人',
  total: '经费合计（万元）',
  fiscal: '财政资金（万元）',
};
