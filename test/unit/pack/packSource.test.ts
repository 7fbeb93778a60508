import { describe, expect, it } from 'vitest';
import { expandPackSource } from '../../../shared/pack/packSource';

const enterprise = { field: 'applicant.unitType', equals: 'enterprise' };

describe('pack source: named conditions and shared contacts are written once and expanded on load', () => {
  it('replaces { ref } wherever a condition stands, also inside all/any/not and in other names', () => {
    const { value, problems } = expandPackSource({
      $schema: '../../../docs/schemas/pack.schema.json',
      conditions: { isEnterprise: enterprise, notEnterprise: { not: { ref: 'isEnterprise' } } },
      rules: [{ id: 'a', when: { ref: 'isEnterprise' } }, { id: 'b', when: { all: [{ ref: 'notEnterprise' }, { program: ['p1'] }] } }],
      programs: [{ template: { fields: [{ id: 'x', visibleWhen: { any: [{ ref: 'isEnterprise' }] } }] } }],
    });
    expect(problems).toEqual([]);
    expect(value).toEqual({
      rules: [{ id: 'a', when: enterprise }, { id: 'b', when: { all: [{ not: enterprise }, { program: ['p1'] }] } }],
      programs: [{ template: { fields: [{ id: 'x', visibleWhen: { any: [enterprise] } }] } }],
    });
  });

  it('leaves { ref } alone outside condition places (a field may be called ref)', () => {
    const { value } = expandPackSource({ conditions: { a: enterprise }, programs: [{ directions: [{ id: 'ref', name: '参考' }], meta: { ref: 'a' } }] });
    expect(value).toEqual({ programs: [{ directions: [{ id: 'ref', name: '参考' }], meta: { ref: 'a' } }] });
  });

  it('puts a shared contact where a contacts list names it, keeping the order', () => {
    const office = { department: '市科技局高新技术管理科', people: ['张三'], phones: ['0990-1'] };
    const own = { department: '本专项', people: [], phones: [] };
    const { value, problems } = expandPackSource({ sharedContacts: { hightech: office }, programs: [{ contacts: [own, 'hightech'] }] });
    expect(problems).toEqual([]);
    expect(value).toEqual({ programs: [{ contacts: [own, office] }] });
  });

  it('names the place of an unknown name, a cycle and a bad name, in Chinese', () => {
    const { problems } = expandPackSource({
      conditions: { a: { ref: 'b' }, b: { not: { ref: 'a' } }, '1bad': enterprise },
      sharedContacts: { office: { department: '科' } },
      rules: [{ when: { ref: 'missing' } }, { when: { ref: 'a' } }],
      programs: [{ contacts: ['nobody'] }],
    });
    expect(problems).toContain('conditions.1bad：命名条件的名称只能由字母开头的字母、数字、下划线和连字符组成');
    expect(problems).toContain('rules.0.when.ref：引用了不存在的命名条件 missing');
    expect(problems).toContain('conditions.b.not.ref：命名条件 a → b → a 互相引用');
    expect(problems).toContain('programs.0.contacts.0：引用了不存在的共用联系方式 nobody');
  });

  it('changes nothing in a pack that uses neither', () => {
    const pack = { id: 'p', rules: [{ when: enterprise }], programs: [{ contacts: [{ department: '科', people: [], phones: [] }] }] };
    expect(expandPackSource(pack)).toEqual({ value: pack, problems: [] });
  });
});
