import { useEffect, useState } from 'react';
import { PackSchema, type Pack } from '../../../shared/pack/pack';
import { call, errorMessage } from '../api/client';

/** Installed policy plans (kind `plan`), loaded once per window: they do not change while drafting. */
let loaded: Promise<Pack[]> | null = null;

async function loadPlanPacks(): Promise<Pack[]> {
  const list = await call('guidelinesList', {});
  const plans = list.filter((g) => g.kind === 'plan');
  return Promise.all(plans.map(async (g) => PackSchema.parse(await call('guidelinesGet', { id: g.id }))));
}

export function usePlanPacks(): { plans: Pack[]; loading: boolean; error: string | null } {
  const [state, setState] = useState<{ plans: Pack[]; loading: boolean; error: string | null }>({ plans: [], loading: true, error: null });
  useEffect(() => {
    let live = true;
    loaded ??= loadPlanPacks();
    loaded.then(
      (plans) => live && setState({ plans, loading: false, error: null }),
      (e: unknown) => {
        loaded = null;
        if (live) setState({ plans: [], loading: false, error: `无法载入规划：${errorMessage(e)}` });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

/** How a draft refers to a plan task: `<planPackId>:<taskId>`, e.g. `wuwei-plan-2022:z05-03`. */
export const planTaskRef = (packId: string, taskId: string): string => `${packId}:${taskId}`;
