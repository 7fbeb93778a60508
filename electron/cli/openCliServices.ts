import { openServices, type Services } from '../services/index';
import { recoveryNotice } from './commands/backup';

/**
 * Opens the services for one `shenbao` run. What the start found (a damaged store moved aside, a
 * missing one, a checkpoint that failed at the last shutdown) is said on stderr whatever the
 * command, so --json output stays clean.
 */
export function openCliServices(dataDir: string, stderr: (text: string) => void): Services {
  const services = openServices({ dataDir, mode: 'cli' });
  const recovery = services.backups.pendingRecovery();
  if (recovery) stderr(recoveryNotice(recovery));
  const notice = services.backups.startupNotice();
  if (notice) stderr(`注意：${notice}\n`);
  return services;
}
