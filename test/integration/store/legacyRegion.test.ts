/**
 * A draft written before 注册地 had GB/T 2260 codes (province code + free text) still imports and
 * opens; its text is kept, and the region rules say they cannot check it until 省/市/区 is chosen.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/ipc/dispatch';
import { data } from '../../support/envelope';
import { servicesPerTest } from '../../support/servicesPerTest';

const FIXTURE = path.resolve(__dirname, '../../fixtures/packs/chengguan-2020/valid-tech-enterprise.json');

interface Result {
  ruleId: string;
  outcome: string;
  severity: string;
  message: string;
}

describe('an old draft with a text 注册地', () => {
  const env = servicesPerTest('2020-03-01T04:00:00.000Z');
  const call = (method: string, payload: unknown) => dispatch(env.services.handlers, method, payload);

  it('imports with its text kept; 注册地 is 待填写 and the district rule reports 无法检查 until a code is chosen', async () => {
    const old = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { values: Record<string, unknown> };
    delete old.values['applicant.regionCode'];
    old.values['applicant.province'] = '62';
    old.values['applicant.region'] = '甘肃省兰州市城关区';
    const stored = data<{ draft: { id: string; values: Record<string, unknown> }; revision: number }>(await call('draftsImport', { content: JSON.stringify(old) }));
    expect(stored.draft.values['applicant.region']).toBe('甘肃省兰州市城关区');

    const before = data<{ results: Result[] }>(await call('draftsValidate', { id: stored.draft.id })).results;
    expect(before.find((r) => r.ruleId === 'cg.region-required')).toMatchObject({ outcome: 'fail', severity: 'incomplete' });
    expect(before.find((r) => r.ruleId === 'cg.applicant-district')).toMatchObject({ outcome: 'pending', severity: 'incomplete', message: expect.stringContaining('无法检查：请先选择注册地（省/市/区）') });

    data(await call('draftsSave', { id: stored.draft.id, baseRevision: stored.revision, patch: { values: { 'applicant.regionCode': '620102' } } }));
    const after = data<{ results: Result[] }>(await call('draftsValidate', { id: stored.draft.id })).results;
    expect(after.find((r) => r.ruleId === 'cg.applicant-district')).toMatchObject({ outcome: 'pass', message: expect.stringContaining('甘肃省兰州市城关区') });
    expect(after.find((r) => r.ruleId === 'cg.region-required')?.outcome).toBe('pass');
    const reread = data<{ draft: { values: Record<string, unknown> } }>(await call('draftsGet', { id: stored.draft.id }));
    expect(reread.draft.values['applicant.region']).toBe('甘肃省兰州市城关区');
  });
});
