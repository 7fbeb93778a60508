import { describe, expect, it } from 'vitest';
import { attachmentEntries } from '../../../electron/services/export/package/packageEntries';
import { checklistRows } from '../../../electron/services/export/selfcheck/selfCheckRows';
import { buildBook } from '../../../shared/book/build/index';
import { numberAttachments } from '../../../shared/book/build/attachmentNumbers';
import type { AttachmentItem } from '../../../shared/pack/pack';
import { makeDraft } from '../rules/helpers';

const pdf = (name: string, n: number) => ({ sha256: String(n).repeat(64).slice(0, 64), name, size: 10 + n, mediaType: 'application/pdf', addedAt: '2020-01-01T00:00:00+08:00' });
const CHECKLIST: AttachmentItem[] = [
  { id: 'att.licence', name: '营业执照', required: true, when: { field: 'applicant.unitType', equals: 'enterprise' } },
  { id: 'att.credit', name: '纳税信用评价', required: true },
  { id: 'att.other', name: '其他材料', required: false },
];

describe('one attachment numbering', () => {
  const draft = makeDraft({
    values: { 'applicant.unitType': 'university' },
    attachments: { 'att.licence': [pdf('执照.pdf', 1)], 'att.credit': [pdf('纳税.pdf', 2)], 'att.other': [pdf('甲.pdf', 3), pdf('乙.pdf', 4)] },
  });

  it('numbers the items the draft is asked for 1, 2, … without gaps; the others get none', () => {
    expect(numberAttachments(CHECKLIST, draft).map((n) => [n.item.id, n.no])).toEqual([
      ['att.licence', null],
      ['att.credit', 1],
      ['att.other', 2],
    ]);
  });

  it('the zip names, the 自查表 rows and the book use the same N', () => {
    const entries = attachmentEntries(CHECKLIST, draft);
    expect(entries.map((e) => e.path)).toEqual(['附件1-纳税信用评价.pdf', '附件2-其他材料.pdf', '附件2-其他材料（2）.pdf']);
    const names = new Map<string, string[]>();
    for (const e of entries) names.set(e.checklistItem, [...(names.get(e.checklistItem) ?? []), e.path]);
    const rows = checklistRows(numberAttachments(CHECKLIST, draft), [], names);
    expect(rows.map((r) => [r.no, r.name])).toEqual([
      [1, '纳税信用评价'],
      [2, '其他材料'],
      [null, '营业执照'],
    ]);
    expect(rows[2]!.verdict).toBe('不适用');
    expect(rows[1]!.evidence).toContain('附件2-其他材料（2）.pdf');
  });
});

describe('the book’s 附件清单', () => {
  it('lists the same numbers', async () => {
    const { loadDraft, loadPack, validFixtures } = await import('../book/fixtures');
    for (const { packId, file } of validFixtures()) {
      const loaded = loadPack(packId);
      const d = loadDraft(packId, file);
      const book = buildBook({ draft: d, pack: loaded.pack, revision: 1, packHash: '', results: [], generatedAt: '2020-01-01T00:00:00Z' });
      const list = book.blocks.find((b) => b.type === 'attachmentList');
      if (list?.type !== 'attachmentList') continue;
      const program = loaded.pack.programs.find((p) => p.id === d.guideline?.programId);
      const checklist = [...(loaded.pack.attachments ?? []), ...(program?.attachments ?? [])];
      const expected = numberAttachments(checklist, d).flatMap((n) => (n.no === null ? [] : [[n.no, n.item.name]]));
      expect(list.items.map((i) => [i.no, i.name]), `${packId}/${file}`).toEqual(expected);
    }
  });
});
