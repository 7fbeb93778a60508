import type { z } from 'zod';
import type { Method } from './channels';
import type { Envelope } from './errors';
import { appContract } from './domains/app.contract';
import { attachmentsContract } from './domains/attachments.contract';
import { backupContract } from './domains/backup.contract';
import { draftsContract } from './domains/drafts.contract';
import { draftsUpgradeContract } from './domains/draftsUpgrade.contract';
import { exportContract } from './domains/export.contract';
import { guidelinesContract } from './domains/guidelines.contract';
import { profilesContract } from './domains/profiles.contract';
import { studioContract } from './domains/studio.contract';

export * from './domains/schemas';

/**
 * The IPC contract: one entry per method, with its input/output schemas (its channel is derived in
 * channels.ts), merged
 * from one file per domain. Electron main, the browser-mode host, the preload and the renderer
 * client are all written against it; a method missing from a domain's channels or contract is a type error.
 */
export const contract = {
  ...appContract,
  ...draftsContract,
  ...draftsUpgradeContract,
  ...guidelinesContract,
  ...profilesContract,
  ...attachmentsContract,
  ...exportContract,
  ...backupContract,
  ...studioContract,
} as const satisfies { [M in Method]: { input: z.ZodType; output: z.ZodType } };

export type Contract = typeof contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

/** What the services implement: one handler per method. A missing method is a type error. */
export type Handlers = { [M in Method]: (input: ParsedInput<M>) => Promise<Output<M>> | Output<M> };

/** What `window.api` exposes: one named method per contract entry, answering an envelope. */
export type Api = { [M in Method]: (input: Input<M>) => Promise<Envelope<Output<M>>> };
