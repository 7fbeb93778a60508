import { Select } from 'antd';
import { useEffect } from 'react';
import type { Profile, ProfileKind } from '../../../shared/ipc/domains/profiles.contract';
import { useAppStore } from '../store';
import { PROFILE_KIND_LABEL } from './profileValues';

interface Props {
  kind: ProfileKind;
  onPick: (profile: Profile) => void;
  /** The picked profile's id, when the parent keeps it. */
  value?: string | null;
}

/** A select of the stored unit or person profiles; picking one hands its values to the parent. */
export function ProfilePicker({ kind, onPick, value }: Props) {
  const profiles = useAppStore((s) => s.profiles);
  const loaded = useAppStore((s) => s.profilesLoaded);
  useEffect(() => {
    if (!useAppStore.getState().profilesLoaded) void useAppStore.getState().loadProfiles();
  }, []);
  const own = profiles.filter((p) => p.kind === kind);
  const label = PROFILE_KIND_LABEL[kind];
  return (
    <Select
      aria-label={`选择${label}`}
      style={{ minWidth: 240 }}
      loading={!loaded}
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={own.length === 0 && loaded ? `暂无${label}` : `选择${label}`}
      notFoundContent={`暂无${label}：在申报书的${kind === 'unit' ? '申报单位' : '项目负责人'}部分点「存为${label}」即可保存`}
      value={value ?? undefined}
      options={own.map((p) => ({ value: p.id, label: p.name }))}
      onChange={(id: string | undefined) => {
        const profile = own.find((p) => p.id === id);
        if (profile) onPick(profile);
      }}
    />
  );
}
