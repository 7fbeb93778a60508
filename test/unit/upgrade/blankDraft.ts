import type { Draft } from '../../../shared/model/draft';

/** An empty draft on a pack version (application document), for upgrade tests. */
export function blankDraftFor(packId: string, packVersion: string, programId: string): Draft {
  return {
    format: 'shenbao-draft',
    formatVersion: 1,
    id: '00000000-0000-4000-8000-000000000001',
    guideline: { packId, packVersion, programId, directionPath: [], documentType: 'application' },
    values: {},
    tables: {},
    attachments: {},
    declarations: {},
    planTasks: [],
    status: 'editing',
    createdAt: '2026-03-01T00:00:00.000Z',
    updatedAt: '2026-03-01T00:00:00.000Z',
  };
}
