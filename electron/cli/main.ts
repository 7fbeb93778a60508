import { openServices } from '../services/index';
import { runCli } from './run';

/** The `shenbao` command (bin/shenbao.mjs loads this through tsx). */
const code = await runCli(
  process.argv.slice(2),
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
  },
  (dataDir) => openServices({ dataDir, mode: 'cli' }),
);
process.exitCode = code;
