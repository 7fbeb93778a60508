import { chinaDateTimeLabel } from '../../../shared/dates';
import type { GuidelineSummary } from '../../../shared/ipc/contract';
import { DOCUMENT_NAME } from '../../../shared/model/draft';
import type { Command } from '../registry';
import { packsFor } from './packsForCli';

function windowLabel(window: GuidelineSummary['window']): string {
  if (!window || (!window.opens && !window.closes)) return window?.note ?? '未规定申报时间';
  const opens = window.opens ? chinaDateTimeLabel(window.opens) : null;
  const closes = window.closes ? chinaDateTimeLabel(window.closes) : null;
  return `${opens ?? '即日'} 至 ${closes ?? '另行通知'}`;
}

export const guidelines: Command = {
  path: ['guidelines'],
  usage: 'guidelines [--json]',
  summary: '列出已安装的申报指南、各专项是否受理及申报时间',
  options: { json: { type: 'boolean' } },
  positionals: { min: 0, max: 0, names: '' },
  async run(ctx, { values }) {
    const registry = packsFor(ctx);
    const list = registry.list();
    if (values.json === true) {
      ctx.out(JSON.stringify(list, null, 2));
      return 0;
    }
    if (list.length === 0) ctx.out('没有已安装的申报指南');
    for (const g of list) {
      const kind = g.kind === 'plan' ? '（规划，非申报通知）' : '';
      ctx.out(`${g.id}  ${g.version}  ${g.title}${kind}`);
      for (const p of g.programs) {
        const status = p.accepting ? '受理' : `暂不受理${p.notAcceptingReason ? `：${p.notAcceptingReason}` : ''}`;
        const types = p.documentTypes.map((t) => DOCUMENT_NAME[t]).join('、');
        ctx.out(`  ${p.id}  ${p.name}  [${status}]  ${types}  申报时间：${windowLabel(p.window)}`);
      }
    }
    for (const problem of registry.problems()) ctx.out(`注意：${problem}`);
    return 0;
  },
};
