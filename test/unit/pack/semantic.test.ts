import { describe, expect, it } from 'vitest';
import { checkPackSemantics } from '../../../shared/pack/semantic';
import { makePack } from '../rules/helpers';

const SOURCE = '二、申报要求\n（一）申报单位须在本区\n  注册。';

describe('checkPackSemantics', () => {
  it('accepts a consistent pack (quotes match with whitespace ignored)', () => {
    expect(checkPackSemantics(makePack([{ id: 'r', kind: 'required', field: 'project.name', severity: 'error', message: 'm', clause: 'c1' }]), SOURCE)).toEqual([]);
  });

  it('names the path of unknown clauses, fields, columns and duplicate ids', () => {
    const pack = makePack(
      [
        { id: 'r', kind: 'required', field: 'project.name', severity: 'error', message: 'm', clause: 'cg-2-9' },
        { id: 'r', kind: 'required', field: 'no.such', severity: 'error', message: 'm', clause: 'c1' },
        { id: 'r2', kind: 'moneyRange', amount: { table: 'budget', column: 'nope' }, severity: 'error', message: 'm', clause: 'c1', when: { field: 'ghost', equals: 1 } },
      ],
      {
        directions: [{ id: 'a', name: 'A', children: [{ id: 'a', name: 'A again' }] }],
        attachments: [{ id: 'att', name: '附件', required: true }],
      },
    );
    const problems = checkPackSemantics(pack, SOURCE);
    expect(problems).toContain('programs.0.rules.0.clause：引用了不存在的条款 cg-2-9');
    expect(problems).toContain('programs.0.rules.1.field：读取的字段 no.such 在申报书中不存在');
    expect(problems).toContain('programs.0.rules.2.amount.column：表格 budget 没有列 nope');
    expect(problems).toContain('programs.0.rules.2.when.field：读取的字段 ghost 在申报书中不存在');
    expect(problems).toContain('programs.0.rules.1.id：规则编号 r 重复');
    expect(problems).toContain('programs.0.directions.0.children.0.id：支持方向编号 a 在本专项中重复');
    expect(problems).toContain('programs.0.attachments.0.clause：必需附件「附件」须引用条款');
  });

  it('reports a quote that is not in the source', () => {
    const problems = checkPackSemantics(makePack([]), '完全不同的原文');
    expect(problems[0]).toMatch(/^clauses\.0\.quote：引文在原文中找不到/);
  });
});

describe('checkPackSemantics: field kinds', () => {
  it('flags a period rule on a non-monthRange field and an unknown priority option', () => {
    const pack = makePack(
      [
        { id: 'r1', kind: 'periodMonths', field: 'project.name', max: 36, severity: 'error', message: 'm', clause: 'c1' },
        { id: 'r2', kind: 'priorityClaimed', field: 'prio', option: 'nope', severity: 'info', message: 'm', clause: 'c1' },
      ],
      { template: { addFields: [{ section: 'basic', field: { id: 'prio', kind: 'multiSelect', label: '优先', options: [{ value: 'a', label: 'A' }] } }] } },
    );
    expect(checkPackSemantics(pack, SOURCE)).toEqual([
      'programs.0.rules.0.field：字段 project.name 是 text，起止月数规则只能读取 monthRange 字段',
      'programs.0.rules.1.option：字段 prio 没有选项 nope',
    ]);
  });
});

describe('checkPackSemantics: one id, one place', () => {
  it('flags a declaration that reuses a field id', () => {
    const pack = makePack([], { declarations: [{ id: 'project.name', text: '承诺', clause: 'c1' }] });
    expect(checkPackSemantics(pack, SOURCE)).toContain('programs.0：字段、承诺或附件编号 project.name 在本专项中重复');
  });
});

describe('checkPackSemantics: what a kind refers to decides the load-time checks', () => {
  it('refuses yearsSince on a field that is not a date, and on a field that does not exist', () => {
    const pack = makePack([
      { id: 'y1', kind: 'yearsSince', field: 'project.name', at: { windowClose: true }, min: 3, severity: 'error', message: 'm', clause: 'c1' },
      { id: 'y2', kind: 'yearsSince', field: 'no.such', at: { windowClose: true }, min: 3, severity: 'error', message: 'm', clause: 'c1' },
    ]);
    const problems = checkPackSemantics(pack, SOURCE);
    expect(problems).toContain('programs.0.rules.0.field：字段 project.name 是 text，年限规则只能读取日期字段');
    expect(problems).toContain('programs.0.rules.1.field：读取的字段 no.such 在申报书中不存在');
  });
});
