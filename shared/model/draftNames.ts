import type { DocumentType, Draft } from './draft';

/* Names of drafts and documents, kept apart from draft.ts (its zod schemas) so the home page's first script can show them without loading zod. */

/** What a document type is called in sentences and file names (「申报书已导出」, 「…-申报书.pdf」). */
export const DOCUMENT_NAME: Record<DocumentType, string> = { application: '申报书', proposal: '项目建议书' };

/** Its full name where it stands alone, as a label or in a cover title (「项目申报书」). */
export const DOCUMENT_FULL_NAME: Record<DocumentType, string> = { application: '项目申报书', proposal: '项目建议书' };

export const UNTITLED_DRAFT = '未命名申报书';

export function draftTitle(draft: Pick<Draft, 'values'>): string {
  const name = draft.values['project.name'];
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : UNTITLED_DRAFT;
}
