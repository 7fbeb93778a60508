import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/index';
import { dispatch } from '../../../shared/ipc/dispatch';
import type { Profile } from '../../../shared/ipc/domains/profiles.contract';
import { dumpDatabase, makeTempDir, manualClock } from '../../support/tempStore';
import { data } from '../../support/envelope';

describe('profiles through dispatch()', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let services: Services;
  const clock = manualClock();
  const call = (method: string, payload: unknown) => dispatch(services.handlers, method, payload);

  beforeEach(() => {
    temp = makeTempDir();
    services = openServices({ dataDir: temp.dir, mode: 'test', now: clock.now });
  });
  afterEach(() => {
    services.close();
    temp.cleanup();
  });

  it('saves unit and person profiles, lists them by kind, and they survive a reopen', async () => {
    const unit = data<Profile>(await call('profilesSave', { kind: 'unit', name: '兰州某科技公司', values: { 'applicant.name': '兰州某科技有限公司', 'applicant.unitType': 'enterprise' } }));
    data<Profile>(await call('profilesSave', { kind: 'person', name: '张三', values: { 'pi.name': '张三', 'pi.phone': '13800000000' } }));
    expect(unit.values['applicant.unitType']).toBe('enterprise');

    services.close();
    services = openServices({ dataDir: temp.dir, mode: 'test', now: clock.now });
    const units = data<Profile[]>(await call('profilesList', { kind: 'unit' }));
    expect(units.map((p) => p.name)).toEqual(['兰州某科技公司']);
    expect(units[0]?.values).toEqual({ 'applicant.name': '兰州某科技有限公司', 'applicant.unitType': 'enterprise' });
    expect(data<Profile[]>(await call('profilesList', {})).map((p) => p.kind).sort()).toEqual(['person', 'unit']);
  });

  it('saving under an existing name updates that profile instead of adding a second one', async () => {
    const first = data<Profile>(await call('profilesSave', { kind: 'person', name: '张三', values: { 'pi.name': '张三' } }));
    clock.advance(60_000);
    const second = data<Profile>(await call('profilesSave', { kind: 'person', name: ' 张三 ', values: { 'pi.name': '张三', 'pi.title': '高级工程师' } }));
    expect(second.id).toBe(first.id);
    expect(second.updatedAt > first.updatedAt).toBe(true);
    expect(data<Profile[]>(await call('profilesList', { kind: 'person' }))).toHaveLength(1);
    expect(second.values['pi.title']).toBe('高级工程师');
  });

  it('refuses fields of the other block and empty profiles with a Chinese message, writing nothing', async () => {
    const before = dumpDatabase(services.db);
    const mixed = await call('profilesSave', { kind: 'unit', name: '甲', values: { 'applicant.name': '甲', 'pi.name': '张三' } });
    expect(mixed.ok).toBe(false);
    if (!mixed.ok) {
      expect(mixed.error.code).toBe('invalid_input');
      expect(mixed.error.message).toContain('单位档案只能保存 applicant.* 字段');
    }
    const empty = await call('profilesSave', { kind: 'person', name: '乙', values: {} });
    expect(!empty.ok && empty.error.message).toContain('档案内容为空');
    expect(dumpDatabase(services.db)).toBe(before);
  });

  it('deletes a profile; deleting it again is not_found', async () => {
    const p = data<Profile>(await call('profilesSave', { kind: 'unit', name: '甲', values: { 'applicant.name': '甲' } }));
    expect(data(await call('profilesDelete', { id: p.id }))).toEqual({ deleted: true });
    expect(data<Profile[]>(await call('profilesList', {}))).toEqual([]);
    const again = await call('profilesDelete', { id: p.id });
    expect(!again.ok && again.error.code).toBe('not_found');
    expect(!again.ok && again.error.message).toContain('找不到该档案');
  });
});
