import { Collapse, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { PackSchema } from '../../../shared/pack/pack';
import { resolveProgram } from '../../../shared/pack/resolve';
import { keptContent } from '../../../shared/upgrade/upgradeReport';
import { call } from '../api/client';
import { useAppStore } from '../store';

/**
 * 保留的旧内容: what the draft holds that its pack version's form has no place for (a field a newer
 * version removed, a choice no longer offered). Shown, never deleted; earlier versions name the fields.
 */
export function KeptContentPanel() {
  const draft = useAppStore((s) => s.current?.draft ?? null);
  const resolved = useAppStore((s) => s.resolved);
  const [labels, setLabels] = useState<Map<string, string>>(new Map());

  const fields = useMemo(() => new Map((resolved?.sections ?? []).flatMap((s) => s.fields.map((field) => [field.id, { field }] as const))), [resolved]);
  const kept = useMemo(() => (draft && resolved ? keptContent(draft, fields, labels) : []), [draft, resolved, fields, labels]);
  const unnamed = kept.some((k) => k.label === k.id);
  const g = draft?.guideline;

  useEffect(() => {
    if (!unnamed || !g) return;
    let live = true;
    void (async () => {
      const list = await call('guidelinesList', {});
      const versions = list.find((x) => x.id === g.packId)?.versions?.filter((v) => v !== g.packVersion) ?? [];
      const found = new Map<string, string>();
      for (const v of versions) {
        const pack = PackSchema.parse(await call('guidelinesGet', { id: g.packId, version: v }));
        for (const s of resolveProgram(pack, g.programId, g.documentType)?.sections ?? []) for (const f of s.fields) if (!found.has(f.id)) found.set(f.id, f.label);
      }
      if (live) setLabels(found);
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [unnamed, g]);

  if (kept.length === 0) return null;
  return (
    <Collapse
      className="wizard-banner kept-content"
      items={[
        {
          key: 'kept',
          label: `保留的旧内容（${kept.length} 项）：当前版本的申报书中没有对应位置，未删除，可复制到合适的地方`,
          children: (
            <ul aria-label="保留的旧内容">
              {kept.map((k) => (
                <li key={k.id}>
                  <Typography.Text strong>{k.label}</Typography.Text>（{k.why}）：<Typography.Text copyable>{k.text}</Typography.Text>
                </li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  );
}
