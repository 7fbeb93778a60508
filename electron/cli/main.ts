import { openCliServices } from './openCliServices';
import { runCli } from './run';

/** The `shenbao` command (bin/shenbao.mjs loads this through tsx). */

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
  (dataDir) => openCliServices(dataDir, (text) => process.stderr.write(text)),
);
process.exitCode = code;
