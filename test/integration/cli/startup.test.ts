import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/**
 * `shenbao` starts from built JavaScript (out/cli, made by vitest's global setup) and loads the
 * heavy libraries only in the commands that use them. A module hook records every module the
 * process resolves, so the test sees what was really loaded, not what the source suggests.
 */

const ROOT = resolve(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/shenbao.mjs');
const DRAFT = join(ROOT, 'test/fixtures/packs/xinjiang-aid-2022/valid-enterprise.json');
const HEAVY = ['docx', 'yazl', 'yauzl', 'playwright-core', 'better-sqlite3'];

let base: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'shenbao-startup-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

/** Runs the bin with a resolve hook that appends each resolved URL to a log; returns the URLs. */
function loadedModules(args: string[]): { urls: string[]; code: number | null; stderr: string } {
  const log = join(base, 'resolved.log');
  writeFileSync(log, '');
  const hooks = join(base, 'hooks.mjs');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, result.url + '\\n');
  return result;
}`,
  );
  const register = join(base, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  const run = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, BIN, '--data-dir', join(base, 'data'), ...args], {
    cwd: base,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { urls: readFileSync(log, 'utf8').split('\n').filter(Boolean), code: run.status, stderr: run.stderr };
}

const packagesIn = (urls: string[]): string[] => HEAVY.filter((name) => urls.some((u) => u.includes(`/node_modules/${name}/`)));

describe('shenbao start', { timeout: 120_000 }, () => {
  it('runs the built JavaScript, not the TypeScript sources', () => {
    const run = loadedModules(['guidelines']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.urls.some((u) => u.endsWith('/out/cli/main.mjs'))).toBe(true);
    expect(run.urls.filter((u) => u.endsWith('.ts'))).toEqual([]);
    expect(run.urls.some((u) => u.includes('/node_modules/tsx/'))).toBe(false);
  });

  it('guidelines and validate load none of docx, zip, Chromium or SQLite', () => {
    const guidelines = loadedModules(['guidelines']);
    expect(guidelines.code).toBe(0);
    expect(packagesIn(guidelines.urls)).toEqual([]);
    const validate = loadedModules(['validate', DRAFT, '--at', '2022-06-01']);
    expect(validate.stderr).toBe('');
    expect(validate.code).toBe(0);
    expect(packagesIn(validate.urls)).toEqual([]);
  });

  it('a command that needs the store loads SQLite, and still not docx, zip or Chromium', () => {
    const run = loadedModules(['drafts', 'list']);
    expect(run.code).toBe(0);
    expect(packagesIn(run.urls)).toEqual(['better-sqlite3']);
  });
});
