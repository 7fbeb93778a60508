import type { DocumentType } from '../../../../shared/model/draft';

/** 「申报书」 or 「项目建议书」: the document's name in the package and in file names. */
export function documentNameOf(type: DocumentType): string {
  return type === 'proposal' ? '项目建议书' : '申报书';
}
