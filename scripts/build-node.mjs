// Builds the two plain-Node programs, the CLI (out/cli) and the browser-mode host (out/web), into
// JavaScript that Node runs directly: no TypeScript compiled at every start. Our sources are bundled;
// npm packages (but zod) stay external and load from node_modules. Dynamic imports become chunks, so a command
// loads docx, zip or Chromium code only when it runs.
//
// Run by `npm install` (prepare), by `npm run build`, and by bin/shenbao.mjs when its build is
// missing or older than the sources. Chunks have content-hashed names and are written beside the
// old ones; main.mjs is replaced last, by rename. So a `shenbao` starting meanwhile runs the old
// build or the new one, and a running browser-mode host still finds the chunks it loads later.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const NODE_PROGRAMS = [
  { name: 'cli', entry: 'electron/cli/main.ts' },
  { name: 'web', entry: 'electron/web/main.ts' },
];

/** Written last into each build: the sources it was made from, for the bin's freshness check. */
export const INPUTS_FILE = 'inputs.json';
const CHUNKS_DIR = 'chunks';
/** Chunks of an earlier build are kept this long for processes still running it. */
const OLD_CHUNK_GRACE_MS = 24 * 3600_000;

/**
 * npm packages load from node_modules, except zod: bundled, it is one module to compile instead of
 * about a hundred small files for Node's ESM loader to resolve and read, a good part of a start.
 */
const BUNDLED_PACKAGES = ['zod'];

function externalPackages() {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  return Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).filter((name) => !BUNDLED_PACKAGES.includes(name));
}

/** zod's `z.locales` (every language) replaced by scripts/zodLocalesForNode.mjs: no code of ours reads it. */
const zodWithoutLocales = {
  name: 'zod-without-locales',
  setup(build) {
    build.onResolve({ filter: /locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: path.join(ROOT, 'scripts', 'zodLocalesForNode.mjs') } : undefined,
    );
  },
};

function writeAtomically(file, contents) {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(temp, contents);
  renameSync(temp, file);
}

async function buildOne(esbuild, { name, entry }, quiet) {
  const outdir = path.join(ROOT, 'out', name);
  // Sources saved while esbuild reads them count as newer than this build.
  const startedAt = Date.now();
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { main: entry },
    outdir,
    write: false,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: externalPackages(),
    outExtension: { '.js': '.mjs' },
    chunkNames: `${CHUNKS_DIR}/[name]-[hash]`,
    // Lets the pack registry keep its validated-pack cache beside this build (packs/packCache.ts).
    define: { __SHENBAO_NODE_BUILD__: JSON.stringify(name) },
    metafile: true,
    plugins: [zodWithoutLocales],
    logLevel: quiet ? 'silent' : 'error',
  });
  mkdirSync(path.join(outdir, CHUNKS_DIR), { recursive: true });
  const entryFile = path.join(outdir, 'main.mjs');
  const written = new Set();
  for (const file of result.outputFiles) {
    written.add(file.path);
    if (file.path !== entryFile) writeAtomically(file.path, file.contents);
  }
  const entryOutput = result.outputFiles.find((f) => f.path === entryFile);
  if (!entryOutput) throw new Error(`esbuild wrote no ${entryFile}`);
  writeAtomically(entryFile, entryOutput.contents);
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules'));
  writeAtomically(path.join(outdir, INPUTS_FILE), JSON.stringify({ builtAt: startedAt, inputs }));
  for (const entryName of readdirSync(path.join(outdir, CHUNKS_DIR))) {
    const full = path.join(outdir, CHUNKS_DIR, entryName);
    if (written.has(full)) continue;
    const info = statSync(full, { throwIfNoEntry: false });
    if (info && startedAt - info.mtimeMs > OLD_CHUNK_GRACE_MS) rmSync(full, { force: true });
  }
}

/**
 * Builds the named programs (default: all). esbuild comes with tsx, a runtime dependency. A failed
 * build throws esbuild's error (with `errors[].location`) and leaves the previous build in place;
 * `quiet` leaves printing it to the caller.
 */
export async function buildNodePrograms(names = NODE_PROGRAMS.map((p) => p.name), { quiet = false } = {}) {
  const esbuild = await import('esbuild');
  for (const program of NODE_PROGRAMS.filter((p) => names.includes(p.name))) await buildOne(esbuild, program, quiet);
}

/** True when the build is missing or a source it was made from changed after it was built. */
export function isStale(name) {
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(path.join(ROOT, 'out', name, INPUTS_FILE), 'utf8'));
    statSync(path.join(ROOT, 'out', name, 'main.mjs'));
  } catch {
    return true;
  }
  for (const input of recorded.inputs) {
    // A source that is gone (a copy shipped without sources) does not make the build stale.
    const info = statSync(path.join(ROOT, input), { throwIfNoEntry: false });
    if (info && info.mtimeMs > recorded.builtAt) return true;
  }
  return false;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const names = process.argv.slice(2);
  await buildNodePrograms(names.length > 0 ? names : undefined);
}
