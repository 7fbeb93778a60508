import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/ipc/errors';
import { ProfileValuesSchema, type Profile, type ProfileKind } from '../../../shared/ipc/domains/profiles.contract';
import type { FieldValue } from '../../../shared/model/draft';

export interface ProfileService {
  list(kind?: ProfileKind): Profile[];
  save(input: { id?: string; kind: ProfileKind; name: string; values: Record<string, FieldValue> }): Profile;
  delete(id: string): { deleted: true };
}

interface ProfileRow {
  id: string;
  kind: ProfileKind;
  name: string;
  field_values: string;
  created_at: string;
  updated_at: string;
}

function toProfile(row: ProfileRow): Profile {
  // A row that no longer parses keeps its name but shows no values, rather than breaking the list.
  const parsed = ProfileValuesSchema.safeParse(JSON.parse(row.field_values));
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    values: parsed.success ? parsed.data : {},
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function createProfileService(db: Database, now: () => Date = () => new Date()): ProfileService {
  const listAll = db.prepare<[], ProfileRow>('SELECT * FROM profiles ORDER BY kind, name');
  const listKind = db.prepare<[ProfileKind], ProfileRow>('SELECT * FROM profiles WHERE kind = ? ORDER BY name');
  const byName = db.prepare<[ProfileKind, string], ProfileRow>('SELECT * FROM profiles WHERE kind = ? AND name = ?');
  const byId = db.prepare<[string], ProfileRow>('SELECT * FROM profiles WHERE id = ?');
  const insert = db.prepare<[string, ProfileKind, string, string, string, string]>(
    'INSERT INTO profiles (id, kind, name, field_values, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const update = db.prepare<[string, string, string]>('UPDATE profiles SET field_values = ?, updated_at = ? WHERE id = ?');
  const updateNamed = db.prepare<[string, string, string, string]>('UPDATE profiles SET name = ?, field_values = ?, updated_at = ? WHERE id = ?');
  const remove = db.prepare<[string]>('DELETE FROM profiles WHERE id = ?');

  const save = db.transaction((kind: ProfileKind, name: string, values: Record<string, FieldValue>): Profile => {
    const at = now().toISOString();
    const json = JSON.stringify(values);
    const existing = byName.get(kind, name);
    if (existing) update.run(json, at, existing.id);
    else insert.run(randomUUID(), kind, name, json, at, at);
    const row = byName.get(kind, name);
    if (!row) throw new AppError('internal', '档案保存后未能读回');
    return toProfile(row);
  });

  const edit = db.transaction((id: string, kind: ProfileKind, name: string, values: Record<string, FieldValue>): Profile => {
    const current = byId.get(id);
    if (!current) throw new AppError('not_found', '找不到该档案，可能已被删除');
    if (current.kind !== kind) throw new AppError('invalid_input', '不能改变档案的类型');
    const clash = byName.get(kind, name);
    if (clash && clash.id !== id) throw new AppError('conflict', `已有名为「${name}」的${kind === 'unit' ? '单位' : '个人'}档案，请换一个名称`);
    updateNamed.run(name, JSON.stringify(values), now().toISOString(), id);
    const row = byId.get(id);
    if (!row) throw new AppError('internal', '档案保存后未能读回');
    return toProfile(row);
  });

  return {
    list: (kind) => (kind ? listKind.all(kind) : listAll.all()).map(toProfile),
    save: ({ id, kind, name, values }) => (id ? edit(id, kind, name.trim(), values) : save(kind, name.trim(), values)),
    delete(id) {
      if (!byId.get(id)) throw new AppError('not_found', '找不到该档案，可能已被删除');
      remove.run(id);
      return { deleted: true };
    },
  };
}
