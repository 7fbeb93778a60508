import type { Draft } from '../../shared/model/draft';

/** A draft with no guideline and only the given parts, as another tool might write it. */
export function blankDraft(parts: Partial<Draft> = {}): Draft {
  return {
    format: 'shenbao-draft',
    formatVersion: 1,
    id: '11111111-1111-4111-8111-111111111111',
    guideline: null,
    values: {},
    tables: {},
    attachments: {},
    declarations: {},
    planTasks: [],
    status: 'editing',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...parts,
  } as Draft;
}

/** An empty draft on a pack version (application document), as 新建申报 makes it. */
export function blankDraftFor(packId: string, packVersion: string, programId: string): Draft {
  return blankDraft({
    id: '00000000-0000-4000-8000-000000000001',
    guideline: { packId, packVersion, programId, directionPath: [], documentType: 'application' },
    createdAt: '2026-03-01T00:00:00.000Z',
    updatedAt: '2026-03-01T00:00:00.000Z',
  });
}
