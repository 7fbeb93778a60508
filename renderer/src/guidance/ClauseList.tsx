import { Collapse, Empty, Typography } from 'antd';
import type { Clause } from '../../../shared/pack/pack';

interface Props {
  clauses: Clause[];
  document: string;
}

/** Clause paths; each opens to the verbatim quote of the source text. */
export function ClauseList({ clauses, document }: Props) {
  if (clauses.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本部分没有对应的指南条款" />;
  return (
    <Collapse
      size="small"
      className="guidance-clauses"
      items={clauses.map((c) => ({
        key: c.id,
        label: c.path,
        children: (
          <>
            <Typography.Paragraph className="guidance-quote">{c.quote}</Typography.Paragraph>
            <Typography.Text type="secondary" className="guidance-source">
              出自《{document}》{c.path}
            </Typography.Text>
          </>
        ),
      }))}
    />
  );
}
