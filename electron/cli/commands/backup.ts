import path from 'node:path';
import type { Recovery } from '../../../shared/ipc/domains/backup.contract';
import { BACKUP_REASON_LABEL } from '../../../shared/ipc/domains/backupReasonLabel';
import { badInput, failed } from '../errors';
import type { Command } from '../registry';
import { formatFileSize } from '../../../shared/text/fileSize';

function localTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Printed by every command while a damaged store waits for the user's decision. */
export function recoveryNotice(recovery: Recovery): string {
  const lines = [
    recovery.movedAsideTo === null
      ? `注意：${recovery.reason}。现在使用的是一个空白数据文件。`
      : `注意：${recovery.reason}。损坏的文件已原样移到 ${recovery.movedAsideTo}（未删除），现在使用的是一个空白数据文件。`,
    recovery.latestBackup
      ? `最近的完好备份：${recovery.latestBackup.name}（${localTime(recovery.latestBackup.createdAt)}）。运行 shenbao backup restore --latest 恢复。`
      : '没有可用的备份。如需找回数据，请保留上述文件夹并联系技术支持。',
  ];
  return `${lines.join('\n')}\n`;
}

export const backupList: Command = {
  path: ['backup', 'list'],
  usage: 'backup list [--json]',
  summary: '列出数据备份（时间、类型、大小、是否完好：通过完整性检查且每份草稿都能读出）',
  options: { json: { type: 'boolean' } },
  positionals: { min: 0, max: 0, names: '' },
  async run(ctx, { values }) {
    const list = await ctx.call('backupList', {});
    if (values.json === true) {
      ctx.out(JSON.stringify(list, null, 2));
      return 0;
    }
    ctx.out(`备份文件夹：${list.backupsDir}（保留最近 ${list.keepCount} 份）`);
    if (list.backups.length === 0) {
      ctx.out('还没有备份');
      return 0;
    }
    for (const b of list.backups) {
      ctx.out(`${b.name}  ${localTime(b.createdAt)}  ${BACKUP_REASON_LABEL[b.reason]}  ${formatFileSize(b.size)}  ${b.verified ? '完好' : '已损坏'}`);
    }
    return 0;
  },
};

export const backupCreate: Command = {
  path: ['backup', 'create'],
  usage: 'backup create',
  summary: '立即备份全部数据（附件文件不在备份内）',
  positionals: { min: 0, max: 0, names: '' },
  async run(ctx) {
    const created = await ctx.call('backupCreate', {});
    const file = path.join(ctx.dataDir, 'backups', created.name);
    ctx.out(
      created.verified
        ? `已备份：${file}（${formatFileSize(created.size)}，已通过完整性检查）`
        : `已备份：${file}（${formatFileSize(created.size)}），但其中有已损坏的草稿，这份备份不算「完好」；请先用 shenbao drafts list 查看并恢复已损坏的草稿`,
    );
    return 0;
  },
};

export const backupRestore: Command = {
  path: ['backup', 'restore'],
  usage: 'backup restore <备份名称> | --latest',
  summary: '从备份恢复全部数据；恢复前会先把当前数据另存为一份「恢复前」备份',
  options: { latest: { type: 'boolean' } },
  positionals: { min: 0, max: 1, names: '<备份名称>' },
  async run(ctx, { values, positionals }) {
    let name = positionals[0];
    if (values.latest === true) {
      if (name !== undefined) throw badInput('请只给出备份名称或 --latest 其中之一');
      const latest = (await ctx.call('backupList', {})).backups.find((b) => b.verified);
      if (!latest) throw failed('没有可用的完好备份');
      name = latest.name;
    }
    if (name === undefined) throw badInput('缺少参数 <备份名称>（或使用 --latest；可用 shenbao backup list 查看）');
    const result = await ctx.call('backupRestore', { name });
    ctx.out(`已从 ${result.restoredFrom} 恢复`);
    if (result.safetyBackup) ctx.out(`恢复前的数据已备份为 ${result.safetyBackup}`);
    if (result.missingAttachments.length > 0) {
      ctx.out(`以下 ${result.missingAttachments.length} 个附件的文件不在本机（备份不含附件文件），请重新添加：`);
      for (const m of result.missingAttachments) ctx.out(`  ${m.draftTitle}：${m.name}`);
    }
    return 0;
  },
};
