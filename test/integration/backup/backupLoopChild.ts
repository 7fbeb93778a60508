/**
 * Child process of kill-during-backup.test.ts: takes backups of the store in `argv[2]` in a loop
 * until it is killed. Prints `ready` once the store is open, then one line per finished backup.
 */
import path from 'node:path';
import { createBackupService } from '../../../electron/services/backup/backupService';
import { openDatabase } from '../../../electron/services/db/openDatabase';

const dataDir = process.argv[2];
if (!dataDir) {
  process.stderr.write('用法：backupLoopChild.ts <数据目录>\n');
  process.exit(2);
}
const db = openDatabase(path.join(dataDir, 'shenbao.db'));
const backups = createBackupService({ db, dataDir, attachmentPath: (sha) => path.join(dataDir, 'attachments', sha) });
process.stdout.write('ready\n');
for (;;) {
  const entry = backups.create('manual');
  process.stdout.write(`ok ${entry.name}\n`);
}
