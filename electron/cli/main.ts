import { runCli } from './run';

/**
 * The `shenbao` command: bin/shenbao.mjs runs its build (out/cli/main.mjs, scripts/build-node.mjs);
 * `npm run cli` runs this file through tsx. Only what every command needs is loaded here: the
 * store, export, zip and Chromium code arrive by dynamic import in the commands that use them.
 */

// `shenbao validate … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const code = await runCli(
  process.argv.slice(2),
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
  },
  async (dataDir) => (await import('./openCliServices')).openCliServices(dataDir, (text) => process.stderr.write(text)),
);
process.exitCode = code;
