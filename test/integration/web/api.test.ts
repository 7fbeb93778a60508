import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

interface Stored {
  draft: { id: string; values: Record<string, unknown> };
  revision: number;
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe('browser-mode API', () => {
  it('creates, saves and reads back a draft over HTTP', async () => {
    const created = await h.call<Stored>('draftsCreate', { title: '智慧农业示范' });
    expect(created.ok).toBe(true);
    const id = created.data!.draft.id;
    const saved = await h.call<{ revision: number }>('draftsSave', {
      id,
      baseRevision: created.data!.revision,
      patch: { values: { 'project.name': '基于物联网的智慧灌溉系统' } },
    });
    expect(saved.ok).toBe(true);
    expect(saved.data!.revision).toBeGreaterThan(created.data!.revision);
    const got = await h.call<Stored>('draftsGet', { id });
    expect(got.ok).toBe(true);
    expect(got.data!.draft.values['project.name']).toBe('基于物联网的智慧灌溉系统');
    expect(got.data!.revision).toBe(saved.data!.revision);
  });

  it('answers invalid_input for a wrong payload and changes nothing', async () => {
    const created = await h.call<Stored>('draftsCreate', {});
    const id = created.data!.draft.id;
    const before = await h.call<Stored>('draftsGet', { id });
    const listBefore = await h.call<unknown[]>('draftsList', {});

    const bad = await h.api('draftsSave', { id, baseRevision: before.data!.revision, patch: { values: { '../evil': 1 } } });
    expect(bad.status).toBe(200);
    const envelope = JSON.parse(bad.body);
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(envelope.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(bad.body).not.toMatch(/at .*\.ts:\d+/);

    const notJson = await h.api('draftsSave', '{"id": ');
    expect(notJson.status).toBe(200);
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const unknown = await h.call('noSuchMethod', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    expect(await h.call<Stored>('draftsGet', { id })).toEqual(before);
    expect(await h.call<unknown[]>('draftsList', {})).toEqual(listBefore);
  });

  it('accepts only POST on the API', async () => {
    const res = await h.get('/api/draftsList', { 'x-shenbao': '1' });
    expect(res.status).toBe(405);
  });
});
