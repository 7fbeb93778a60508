#!/usr/bin/env node
// The `shenbao` command runs the CLI's build, out/cli/main.mjs: plain JavaScript, no TypeScript
// compiled at start. `npm install` builds it (the prepare script); when it is missing or older than
// its sources (a checkout without install, an edited source) it is built here first, and stderr says
// so. `npm run cli` runs the sources through tsx instead.
import { buildNodePrograms, isStale } from '../scripts/build-node.mjs';

if (isStale('cli')) {
  process.stderr.write('申报通命令行：正在构建命令行程序（源代码有更新或尚未构建，只需几秒）…\n');
  try {
    await buildNodePrograms(['cli'], { quiet: true });
  } catch (e) {
    const first = e?.errors?.[0];
    const where = first?.location ? `（${first.location.file} 第 ${first.location.line} 行）` : '';
    process.stderr.write(`错误：命令行程序构建失败，源代码有误${where}\n`);
    if (process.env.SHENBAO_DEBUG) process.stderr.write(`${e?.stack ?? e}\n`);
    process.exit(1);
  }
}
await import(new URL('../out/cli/main.mjs', import.meta.url).href);
