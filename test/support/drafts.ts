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
