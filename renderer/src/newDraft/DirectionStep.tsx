import { Input, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState } from 'react';
import type { Direction } from '../../../shared/pack/pack';

interface Props {
  directions: Direction[];
  value: string[];
  onChange: (path: string[]) => void;
}

const label = (d: Direction) => `${d.code ? `${d.code} ` : ''}${d.name}`;

/** The tree keeps nodes whose name (or a descendant's) matches the search. */
function toNodes(directions: Direction[], query: string, parents: string[] = []): DataNode[] {
  const nodes: DataNode[] = [];
  for (const d of directions) {
    const path = [...parents, d.id];
    const children = toNodes(d.children ?? [], query, path);
    const matches = query === '' || label(d).includes(query) || (d.description ?? '').includes(query);
    if (!matches && children.length === 0) continue;
    nodes.push({ key: path.join('/'), title: label(d), children: children.length > 0 ? children : undefined });
  }
  return nodes;
}

export function findPathNames(directions: Direction[], path: string[]): string[] {
  const names: string[] = [];
  let level: Direction[] | undefined = directions;
  for (const id of path) {
    const node: Direction | undefined = level?.find((d) => d.id === id);
    if (!node) break;
    names.push(label(node));
    level = node.children;
  }
  return names;
}

export function DirectionStep({ directions, value, onChange }: Props) {
  const [query, setQuery] = useState('');
  const nodes = useMemo(() => toNodes(directions, query.trim()), [directions, query]);
  if (directions.length === 0) return <Typography.Text type="secondary">本专项未列出支持方向，可直接进入下一步。</Typography.Text>;
  return (
    <div className="direction-step">
      <Input.Search allowClear placeholder="搜索支持方向，如：生物医药" aria-label="搜索支持方向" value={query} onChange={(e) => setQuery(e.target.value)} style={{ marginBottom: 12, maxWidth: 400 }} />
      <Tree
        aria-label="支持方向"
        treeData={nodes}
        defaultExpandAll
        key={query}
        selectedKeys={value.length ? [value.join('/')] : []}
        onSelect={(keys) => {
          const key = keys[0];
          onChange(typeof key === 'string' ? key.split('/') : []);
        }}
        height={360}
      />
      {value.length > 0 && <Typography.Paragraph>已选择：{findPathNames(directions, value).join(' › ')}</Typography.Paragraph>}
    </div>
  );
}
