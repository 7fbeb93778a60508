/**
 * The victim of exportCrash.test.ts: exports again and again onto one target that already holds
 * an older export, through the real code paths, until the parent SIGKILLs it.
 *   docx    <dataDir> <draft.json> <outDir>   — `shenbao export --docx` (atomic write, journaled)
 *   package <dataDir> <draftId> <target>      — the app's flow: package job in exports/, then 保存 to the target
 * Prints `ready` once started and `cycle <n>` after each complete export.
 */
import { runCli } from '../../../electron/cli/run';
import { openServices } from '../../../electron/services/index';
import { FIXTURE_DAY } from '../package/packageFixture';
import { fixedPdfPrinter } from './exportCrashPrinter';

const [mode, dataDir, subject, target] = process.argv.slice(2);
if (!mode || !dataDir || !subject || !target) {
  process.stderr.write('用法：exportCrashChild.ts docx|package <数据目录> <草稿> <目标>\n');
  process.exit(2);
}

const started = Date.now();
// A moving clock from the fixture's valid day, so each package differs from the one before.
const now = (): Date => new Date(FIXTURE_DAY.getTime() + (Date.now() - started));

async function docxLoop(): Promise<never> {
  const io = { stdout: () => undefined, stderr: (t: string) => void process.stderr.write(t), env: {} };
  process.stdout.write('ready\n');
  for (let n = 1; ; n++) {
    const code = await runCli(['export', subject!, '--out', target!, '--docx', '--data-dir', dataDir!], io, (dir) => openServices({ dataDir: dir, mode: 'cli' }));
    if (code !== 0) process.exit(code);
    process.stdout.write(`cycle ${n}\n`);
  }
}

async function packageLoop(): Promise<never> {
  const services = openServices({ dataDir: dataDir!, mode: 'test', now, printer: fixedPdfPrinter, chooseSavePath: async () => target! });
  process.stdout.write('ready\n');
  for (let n = 1; ; n++) {
    const { jobId } = services.exports.startPackage(subject!);
    const status = await services.exports.settled(jobId);
    if (status.state !== 'done') throw new Error(`申报包未生成：${status.error ?? status.state}`);
    await services.exports.save(jobId);
    process.stdout.write(`cycle ${n}\n`);
  }
}

await (mode === 'docx' ? docxLoop() : packageLoop());
