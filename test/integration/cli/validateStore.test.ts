import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices } from '../../../electron/services/index';
import { dispatch } from '../../../shared/ipc/dispatch';

/** `shenbao validate <草稿编号>…` and `--all`: the drafts of this computer's store, checked as the app checks them. */

const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/shenbao.mjs');
const EXAMPLES = ['xinjiang-aid-2022/valid-enterprise.json', 'chengguan-2020/valid-tech-enterprise.json'].map((f) => join(ROOT, 'test/fixtures/packs', f));
const AT = '2022-06-01';

let base: string;
let dataDir: string;
let ids: string[];

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'shenbao-validate-store-'));
  dataDir = join(base, 'data');
  const services = openServices({ dataDir, mode: 'cli' });
  try {
    ids = EXAMPLES.map((file) => services.drafts.import(readFileSync(file, 'utf8')).draft.id);
  } finally {
    services.close();
  }
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

function shenbao(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, '--data-dir', dataDir, ...args], { cwd: base, encoding: 'utf8', timeout: 120_000, env: { ...process.env, SHENBAO_DATA_DIR: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type JsonReport = { files: { draftId?: string; ok: boolean; issues?: { ruleId: string; severity: string; outcome: string }[]; error?: string }[] };

describe('shenbao validate of stored drafts', { timeout: 180_000 }, () => {
  it('--all checks every draft of the store, with the same results the app shows for each', async () => {
    const run = shenbao(['validate', '--all', '--json', '--at', AT]);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.files.map((f) => f.draftId).sort()).toEqual([...ids].sort());
    const services = openServices({ dataDir, mode: 'cli' });
    try {
      for (const id of ids) {
        const app = await dispatch(services.handlers, 'draftsValidate', { id, at: AT });
        if (!app.ok) throw new Error(app.error.message);
        const expected = (app.data as { results: { ruleId: string; severity: string; outcome: string }[] }).results
          .filter((r) => r.outcome === 'fail' || r.outcome === 'met' || r.outcome === 'pending')
          .map((r) => `${r.ruleId}:${r.severity}:${r.outcome}`)
          .sort();
        const cli = report.files.find((f) => f.draftId === id)?.issues?.map((r) => `${r.ruleId}:${r.severity}:${r.outcome}`).sort();
        expect(cli).toEqual(expected);
      }
    } finally {
      services.close();
    }
    // These examples' attachment files are not in this store: each is an error, so the exit code is 1.
    expect(run.code).toBe(1);
  });

  it('takes 草稿编号 and files together; an unknown number cannot be checked (exit 2), the others still are', () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const run = shenbao(['validate', ids[0]!, unknown, EXAMPLES[0]!, '--at', AT]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`== 本机草稿 ${ids[0]} ==`);
    expect(run.stdout).toContain(`== 本机草稿 ${unknown} ==`);
    expect(run.stdout).toMatch(/无法检查：找不到该草稿/);
    expect(run.stdout).toContain(`== ${EXAMPLES[0]} ==`);
    expect(run.stdout).toContain('共检查 3 份');
  });

  it('without a draft or --all says what is missing', () => {
    const run = shenbao(['validate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^错误：缺少参数 <草稿\.json \| 草稿编号>/);
  });
});
