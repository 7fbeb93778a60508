import { chinaDateTimeLabel } from '../../../../shared/dates';
import { draftTitle, DOCUMENT_NAME } from '../../../../shared/model/draft';
import type { ExportSubject } from '../orchestrate/types';
import type { SelfCheckSheet } from './selfCheckHtml';
import { checklistRows, ruleRows } from './selfCheckRows';
import { numberAttachments } from '../../../../shared/book/build/attachmentNumbers';

/** The sheet's data for one subject; `packagedNames` are the attachment entries per checklist item. */
export function selfCheckSheetFor(subject: ExportSubject, packagedNames: ReadonlyMap<string, string[]>, generatedAt: Date): SelfCheckSheet {
  const { draft, pack, resolved, validation } = subject;
  const applicant = draft.values['applicant.name'];
  return {
    projectName: draftTitle(draft),
    applicant: typeof applicant === 'string' ? applicant : '',
    packTitle: pack.title,
    packVersion: pack.version,
    programName: resolved.program.name,
    documentName: DOCUMENT_NAME[resolved.documentType],
    validatedAt: subject.validatedAt,
    generatedAt: chinaDateTimeLabel(generatedAt.toISOString()) ?? generatedAt.toISOString(),
    summary: validation.summary,
    checklist: checklistRows(numberAttachments(resolved.checklist, draft), validation.results, packagedNames),
    rules: ruleRows(validation.results),
  };
}
