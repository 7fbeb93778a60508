import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatResult, runBench } from './measure';
import { registeredBenches } from './registry';

/** `npm run bench [name-filter]`: imports every entries/*.ts, runs them one by one, prints one line each. */
async function main(): Promise<void> {
  const entriesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'entries');
  for (const file of readdirSync(entriesDir).filter((f) => f.endsWith('.ts')).sort()) {
    await import(pathToFileURL(path.join(entriesDir, file)).href);
  }
  const filter = process.argv[2];
  const benches = registeredBenches().filter((b) => (filter ? b.name.includes(filter) : !b.onlyByName));
  console.log(`node ${process.version}, ${benches.length} entries`);
  let over = 0;
  for (const entry of benches) {
    try {
      const result = await runBench(entry);
      if (!result.pass) over++;
      console.log(formatResult(result));
    } catch (e) {
      // One broken entry is reported and the others still run.
      over++;
      console.log(`${entry.name.padEnd(44)}  FAILED  ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      process.exitCode = 1;
    }
  }
  // Reported, never enforced as a failure: benches are information, not a gate.
  if (over > 0) console.log(`${over} entr${over === 1 ? 'y is' : 'ies are'} over target`);
}

main()
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  })
  // A browser or server an entry failed to close must not keep the run alive forever.
  .finally(() => process.exit());
