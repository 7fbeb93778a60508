import { CheckSquareTwoTone, BorderOutlined } from '@ant-design/icons';
import { Card, Empty, List, Tag, Typography } from 'antd';
import type { Draft } from '../../../shared/model/draft';
import type { Clause, Declaration } from '../../../shared/pack/pack';
import { evalCondition } from '../../../shared/rules/condition';

interface Props {
  declarations: Declaration[];
  clauses: Clause[];
  draft: Draft;
}

/** The 承诺 of this application, ticked or not, each with the clause it stands for. */
export function DeclarationsCard({ declarations, clauses, draft }: Props) {
  const pathOf = new Map(clauses.map((c) => [c.id, c.path]));
  const shown = declarations.filter((d) => !d.when || evalCondition(d.when, draft));
  return (
    <Card size="small" title="承诺事项" className="review-card" data-testid="review-declarations">
      {shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本专项没有承诺事项" />
      ) : (
        <List
          size="small"
          dataSource={shown}
          renderItem={(d) => {
            const ticked = Object.hasOwn(draft.declarations, d.id) && draft.declarations[d.id] === true;
            return (
              <List.Item key={d.id} data-declaration={d.id} data-ticked={ticked}>
                <div className="declaration-row">
                  {ticked ? <CheckSquareTwoTone twoToneColor="#52c41a" aria-label="已承诺" /> : <BorderOutlined aria-label="未承诺" />}
                  <div>
                    <Typography.Text>{d.text}</Typography.Text>
                    <div>
                      {!ticked && <Tag color="red">未勾选</Tag>}
                      <Typography.Text type="secondary" className="review-cite">
                        依据：{pathOf.get(d.clause) ?? d.clause}
                      </Typography.Text>
                    </div>
                  </div>
                </div>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
