import { Cascader, Typography } from 'antd';
import type { Field } from '../../../shared/pack/fields';
import { REGION_TREE, isRegionCode, regionName, regionPath, type RegionNode } from '../../../shared/regions';
import { inputIdOf, textOf, useFieldValue } from './useFieldValue';

interface RegionOption {
  value: string;
  label: string;
  children?: RegionOption[];
}

const toOption = (node: RegionNode): RegionOption => ({ value: node.code, label: node.name, ...(node.children ? { children: node.children.map(toOption) } : {}) });
const OPTIONS: RegionOption[] = REGION_TREE.map(toOption);

interface CascaderProps {
  id: string;
  ariaLabel?: string;
  /** The GB/T 2260 code of the deepest level chosen, or empty. */
  value: string;
  onChange: (code: string | null) => void;
  onBlur?: () => void;
  disabled?: boolean;
}

/**
 * 省 / 市 / 区（县） from the code table in shared/regions. Any level may be chosen (the table lists
 * districts only where a guideline needs them); the value is the code of the deepest level chosen.
 */
export function RegionCascader({ id, ariaLabel, value, onChange, onBlur, disabled }: CascaderProps) {
  const path = regionPath(value).map((n) => n.code);
  return (
    <Cascader
      id={id}
      aria-label={ariaLabel}
      className="field-region"
      options={OPTIONS}
      value={path.length > 0 ? path : undefined}
      changeOnSelect
      expandTrigger="click"
      showSearch={{ filter: (input, options) => options.some((o) => String(o.label).includes(input.trim())) }}
      placeholder="请选择省 / 市 / 区（县）"
      allowClear
      disabled={disabled}
      onChange={(codes) => {
        const last = Array.isArray(codes) && codes.length > 0 ? String(codes[codes.length - 1]) : null;
        onChange(last);
      }}
      onBlur={onBlur}
    />
  );
}

/** 注册地 as a structured code: the Cascader, with the full name and code shown beneath it. */
export function RegionFieldInput({ field, onBlur }: { field: Extract<Field, { kind: 'region' }>; onBlur: () => void }) {
  const { value, set, readOnly } = useFieldValue(field.id);
  const code = textOf(value).trim();
  const name = code === '' ? null : regionName(code);
  return (
    <>
      <RegionCascader id={inputIdOf(field.id)} value={code} onChange={(c) => set(c)} onBlur={onBlur} disabled={readOnly} />
      {code !== '' && (
        <Typography.Text type={isRegionCode(code) ? 'secondary' : 'danger'} className="region-name" data-region-code={code}>
          {name ? `${name}（行政区划代码 ${code}）` : `行政区划代码「${code}」不在代码表中，请重新选择`}
        </Typography.Text>
      )}
    </>
  );
}
