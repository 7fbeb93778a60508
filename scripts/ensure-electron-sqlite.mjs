#!/usr/bin/env node
// Runs before `npm start` (prestart). Makes sure that
//   1. the Electron binary is present (package.json allowScripts denies electron's own postinstall,
//      so `npm install` never fails offline; the download happens here instead), and
//   2. better-sqlite3 is built for Electron's ABI at .native/better-sqlite3/electron-v<ver>-<platform>-<arch>/.
// The copy in node_modules/better-sqlite3 stays built for Node (tests, CLI, browser mode) and is never
// touched, so `npm test` and `npm start` work in any order. Fast and silent when everything is in place.
// See docs/native-modules.md.

import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));

/** Keep in step with electron/main/nativeBinding.ts, which loads the file from here. */
export function electronSqlitePath(root, electronVersion, platform, arch) {
  return join(root, '.native', 'better-sqlite3', `electron-v${electronVersion}-${platform}-${arch}`, 'better_sqlite3.node');
}

function say(line) {
  process.stdout.write(`[申报通] ${line}\n`);
}

function fail(line) {
  process.stderr.write(`[申报通] 错误：${line}\n`);
  process.exit(1);
}

function electronDir() {
  return join(ROOT, 'node_modules', 'electron');
}

function electronVersion() {
  return JSON.parse(readFileSync(join(electronDir(), 'package.json'), 'utf8')).version;
}

/** Mirrors node_modules/electron/index.js: path.txt names the executable inside dist/. */
export function electronBinary(dir = electronDir(), env = process.env) {
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = readFileSync(pathFile, 'utf8');
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, executable) : join(dir, 'dist', executable);
  return existsSync(binary) ? binary : null;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  return result.status === 0;
}

function ensureElectronBinary() {
  const existing = electronBinary();
  if (existing) return existing;
  say('首次运行：正在下载 Electron（约 100 MB，需要联网）…');
  const ok = run(process.execPath, [join(electronDir(), 'install.js')], { cwd: electronDir() });
  const binary = ok ? electronBinary() : null;
  if (!binary) {
    fail(
      '无法下载 Electron。请检查网络连接（或设置 ELECTRON_MIRROR，例如 https://npmmirror.com/mirrors/electron/）后重新运行 npm start；' +
        '不需要 Electron 的浏览器模式可用 npm run web。',
    );
  }
  return binary;
}

/** npm passes its bundled node-gyp to scripts; otherwise look next to npm or in node_modules. */
function findNodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // not installed locally
  }
  return candidates.find((c) => c && existsSync(c)) ?? null;
}

/** Loads the fresh build inside Electron-as-Node: proves the ABI matches before we keep the file. */
function loadsInElectron(binary, nodeFile) {
  const check =
    `const Database = require(${JSON.stringify(join(ROOT, 'node_modules', 'better-sqlite3'))});` +
    `const db = new Database(':memory:', { nativeBinding: ${JSON.stringify(nodeFile)} });` +
    `if (db.prepare('select 1 as x').get().x !== 1) process.exit(3);`;
  const result = spawnSync(binary, ['-e', check], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, stdio: 'pipe' });
  return result.status === 0;
}

function buildForElectron(binary, version, target) {
  const work = mkdtempSync(join(tmpdir(), 'shenbao-sqlite-'));
  const copy = join(work, 'better-sqlite3');
  try {
    // A copy, so the Node build in node_modules is never replaced.
    cpSync(join(ROOT, 'node_modules', 'better-sqlite3'), copy, {
      recursive: true,
      filter: (src) => !src.startsWith(join(ROOT, 'node_modules', 'better-sqlite3', 'build')),
    });
    const built = join(copy, 'build', 'Release', 'better_sqlite3.node');
    const platformArgs = [`--target=${version}`, `--arch=${process.arch}`, `--platform=${process.platform}`];

    say(`正在获取适用于 Electron ${version} 的 better-sqlite3 预编译模块…`);
    const prebuild = require.resolve('prebuild-install/bin.js');
    let ok = run(process.execPath, [prebuild, '--runtime=electron', ...platformArgs], { cwd: copy }) && existsSync(built);

    if (!ok || !loadsInElectron(binary, built)) {
      say('没有可用的预编译模块，改为本机编译（需要 Python 和 C++ 编译工具）…');
      const nodeGyp = findNodeGyp();
      if (!nodeGyp) fail('找不到 node-gyp，无法编译 better-sqlite3。请安装 npm 自带的 node-gyp 或运行 npm install -g node-gyp。');
      rmSync(join(copy, 'build'), { recursive: true, force: true });
      ok =
        run(process.execPath, [nodeGyp, 'rebuild', '--release', '--runtime=electron', `--target=${version}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'], {
          cwd: copy,
        }) && existsSync(built);
      if (!ok || !loadsInElectron(binary, built)) {
        fail('为 Electron 构建 better-sqlite3 失败。请检查网络和编译环境（Windows 需 Visual Studio 生成工具，macOS 需 Xcode 命令行工具）后重试。');
      }
    }

    // Copy next to the target, then rename: an interrupted run never leaves a half-written module.
    mkdirSync(dirname(target), { recursive: true });
    const partial = `${target}.${process.pid}.partial`;
    copyFileSync(built, partial);
    renameSync(partial, target);
    say(`已就绪：${target}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function main() {
  const binary = ensureElectronBinary();
  const version = electronVersion();
  const target = electronSqlitePath(ROOT, version, process.platform, process.arch);
  if (existsSync(target)) return;
  buildForElectron(binary, version, target);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
