import { fileURLToPath } from 'node:url';
/**
 * Issue 6 §Durability 5: a crash during export. A child process exports again and again onto a
 * target that already holds an older export and is SIGKILLed — half the time at a random moment,
 * half the time right as a temp file appears (mid-write). After every kill the target is the old
 * file byte for byte or a complete new one (a package verifies; a DOCX is a well-formed Word zip),
 * and the startup cleanup leaves no temp file in the data dir or beside the target.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { watch, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { openServices } from '../../../electron/services/index';
import { exportsDirOf } from '../../../electron/services/export/orchestrate/exportsDir';
import { cleanupStrayTemps, TEMP_JOURNAL_DIR } from '../../../electron/services/fs/strayTemps';
import { verifyPackageBytes } from '../../../electron/services/export/verify/verifyPackage';
import { openPackRegistry } from '../../../electron/services/packs/registry';
import { makeTempDir } from '../../support/tempStore';
import { FIXTURE_DAY, fixtureDraft, openAt, seedFixture } from '../package/packageFixture';
import { packageProblems, readDocx } from '../../unit/docx/readDocx';
import { makePng } from '../../unit/docx/png';
import { bundleChild, type ChildBundle } from '../../support/childBundle';
import { killCount } from '../../support/soak';
import { fixedPdfPrinter } from './exportCrashPrinter';
import { attachmentBytesFor } from '../../support/attachmentBytes';

/** Kills per kind: 2 × 10 = 20 in `npm test`, 2 × 100 in `npm run test:soak`; SHENBAO_EXPORT_KILLS overrides. */
const KILLS = killCount(10, 100, 'SHENBAO_EXPORT_KILLS');
const MB = 1024 * 1024;

interface Victim {
  kind: 'docx' | 'package';
  dataDir: string;
  /** Child arguments after the kind. */
  args: string[];
  target: string;
  /** Where a temp file of this export can appear. */
  tempDirs: string[];
  /** How long one export takes when nothing kills it. */
  cycleMs: number;
}

interface Tally {
  old: number;
  complete: number;
  tempsRemoved: number;
}

let temp: ReturnType<typeof makeTempDir>;
let bundle: ChildBundle;
const victims: Partial<Record<Victim['kind'], Victim>> = {};

function tempNames(dirs: string[]): string[] {
  return dirs.flatMap((dir) => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.tmp')).map((n) => path.join(dir, n)) : []));
}

async function packageVictim(root: string): Promise<Victim> {
  const dataDir = path.join(root, 'data');
  const outDir = path.join(root, 'out');
  mkdirSync(outDir);
  const target = path.join(outDir, '申报包.zip');
  const services = openServices({ dataDir, mode: 'test', now: () => FIXTURE_DAY, printer: fixedPdfPrinter, chooseSavePath: async () => target });
  try {
    // Large attachments stretch the zip write and the copy, so kills land inside them too.
    const big = new Map<string, { sha256: string; size: number }>();
    for (const refs of Object.values(fixtureDraft().attachments)) {
      for (const ref of refs) {
        const info = await services.attachments.putFile(attachmentBytesFor(ref.name, ref.name, 6 * MB), { name: ref.name, mediaType: ref.mediaType });
        big.set(ref.name, { sha256: info.sha256, size: info.size });
      }
    }
    const id = await seedFixture(services, undefined, (d) => {
      for (const refs of Object.values(d.attachments)) for (const ref of refs) Object.assign(ref, big.get(ref.name));
    });
    // The old file: a complete package already at the target.
    const started = Date.now();
    const { jobId } = services.exports.startPackage(id);
    expect(await services.exports.settled(jobId)).toMatchObject({ state: 'done' });
    await services.exports.save(jobId);
    return { kind: 'package', dataDir, args: [dataDir, id, target], target, tempDirs: [outDir, exportsDirOf(dataDir)], cycleMs: Date.now() - started };
  } finally {
    services.close();
  }
}

async function docxVictim(root: string): Promise<Victim> {
  const dataDir = path.join(root, 'data');
  const outDir = path.join(root, 'out');
  mkdirSync(outDir);
  const draftFile = path.join(root, 'draft.json');
  const services = openAt(dataDir);
  try {
    const png = await services.attachments.putFile(makePng(1600, 1000), { name: '现场照片.png', mediaType: 'image/png' });
    const id = await seedFixture(services, undefined, (d) => {
      d.attachments['att.achievements']!.push({ sha256: png.sha256, name: '现场照片.png', size: png.size, mediaType: 'image/png', addedAt: '2022-05-20T10:30:00+08:00' });
    });
    writeFileSync(draftFile, JSON.stringify(services.drafts.get(id).draft));
  } finally {
    services.close();
  }
  const io = { stdout: () => undefined, stderr: () => undefined, env: {} };
  const started = Date.now();
  const code = await runCli(['export', draftFile, '--out', outDir, '--docx', '--data-dir', dataDir], io, (dir) => openServices({ dataDir: dir, mode: 'cli' }));
  expect(code).toBe(0);
  const [name] = readdirSync(outDir).filter((n) => n.endsWith('.docx'));
  expect(name).toBeDefined();
  const target = path.join(outDir, name!);
  return { kind: 'docx', dataDir, args: [dataDir, draftFile, outDir], target, tempDirs: [outDir], cycleMs: Date.now() - started };
}

/** `ready` once the child runs, `firstCycle` once it has replaced the target with a complete new export. */
function startChild(victim: Victim): { process: ChildProcess; ready: Promise<void>; firstCycle: Promise<void> } {
  const proc = spawn(process.execPath, [...bundle.args, victim.kind, ...victim.args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const lines = createInterface({ input: proc.stdout! });
  const early = new Promise<never>((_resolve, reject) => {
    proc.once('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`导出子进程提前退出（${code ?? signal}）：${stderr}`));
    });
  });
  const line = (want: string) => Promise.race([new Promise<void>((resolve) => lines.on('line', (l) => l === want && resolve())), early]);
  const ready = line('ready');
  const firstCycle = line('cycle 1');
  firstCycle.catch(() => undefined);
  return { process: proc, ready, firstCycle };
}

/** Resolves once a temp file shows up in one of the directories (the write has begun). */
function firstTemp(dirs: string[]): { seen: Promise<void>; stop: () => void } {
  const watchers: FSWatcher[] = [];
  const seen = new Promise<void>((resolve) => {
    for (const dir of dirs) {
      mkdirSync(dir, { recursive: true });
      watchers.push(
        watch(dir, (_event, name) => {
          if (name?.endsWith('.tmp')) resolve();
        }),
      );
    }
  });
  return { seen, stop: () => watchers.forEach((w) => w.close()) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const killed = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

async function assertCompleteNew(victim: Victim, bytes: Buffer): Promise<void> {
  if (victim.kind === 'package') {
    const result = await verifyPackageBytes(bytes, path.basename(victim.target), { packs: openPackRegistry({ dataDir: victim.dataDir }), now: () => FIXTURE_DAY });
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  } else {
    expect(packageProblems(await readDocx(bytes))).toEqual([]);
  }
}

async function killRepeatedly(victim: Victim): Promise<Tally> {
  const tally: Tally = { old: 0, complete: 0, tempsRemoved: 0 };
  let previous = readFileSync(victim.target);
  for (let i = 0; i < KILLS; i++) {
    // Three kinds of moment in turn: any time; right as a temp file appears; during the export after a finished one.
    const moment = (['random', 'midWrite', 'afterCycle'] as const)[i % 3]!;
    const watcher = moment === 'midWrite' ? firstTemp(victim.tempDirs) : null;
    const run = startChild(victim);
    try {
      await run.ready;
      if (watcher) await Promise.race([watcher.seen, sleep(3 * victim.cycleMs)]);
      if (moment === 'afterCycle') await run.firstCycle;
      await sleep(moment === 'midWrite' ? Math.random() * 30 : Math.random() * victim.cycleMs);
    } finally {
      watcher?.stop();
      run.process.kill('SIGKILL');
      await killed(run.process);
    }

    const now = readFileSync(victim.target);
    if (now.equals(previous)) tally.old++;
    else {
      await assertCompleteNew(victim, now);
      tally.complete++;
    }
    previous = now;

    // The next start: only our temp names, here with no grace period since the writer is dead.
    const removed = await cleanupStrayTemps(victim.dataDir, { graceMs: 0 });
    tally.tempsRemoved += removed.length;
    const journal = path.join(victim.dataDir, TEMP_JOURNAL_DIR);
    expect(tempNames([...victim.tempDirs, path.join(victim.dataDir, 'attachments', '.tmp'), journal])).toEqual([]);
    expect(existsSync(journal) ? readdirSync(journal) : []).toEqual([]);
  }
  return tally;
}

beforeAll(async () => {
  bundle = await bundleChild(fileURLToPath(new URL('./exportCrashChild.ts', import.meta.url)));
  temp = makeTempDir('shenbao-export-crash-');
  mkdirSync(path.join(temp.dir, 'docx'));
  mkdirSync(path.join(temp.dir, 'package'));
  victims.docx = await docxVictim(path.join(temp.dir, 'docx'));
  victims.package = await packageVictim(path.join(temp.dir, 'package'));
}, 120_000);

afterAll(() => {
  temp?.cleanup();
  bundle?.cleanup();
});

describe('SIGKILL during export', () => {
  it.each(['docx', 'package'] as const)(
    '%s: the target is the old file or a complete new one after every kill; the next start leaves no temp file',
    async (kind) => {
      const victim = victims[kind]!;
      const tally = await killRepeatedly(victim);
      process.stdout.write(`[exportCrash] ${kind}: ${KILLS} 次强杀，旧文件 ${tally.old}，完整新文件 ${tally.complete}，清理临时文件 ${tally.tempsRemoved}（单次导出约 ${victim.cycleMs} ms）\n`);
      expect(tally.old + tally.complete).toBe(KILLS);
      // Kills after a finished export prove new files are checked, not only old ones.
      expect(tally.complete).toBeGreaterThan(0);
      // Kills timed to the temp file's appearance prove the cleanup had something to do (a DOCX's write is too brief to hit reliably).
      if (kind === 'package') expect(tally.tempsRemoved).toBeGreaterThan(0);
    },
    300_000,
  );
});
