import { describe, expect, it } from 'vitest';
import { sectionStatuses } from '../../../shared/progress';
import { completionOf } from '../../../shared/progress/sectionStatuses';
import { engineFor, isRequiredItem } from '../../../shared/rules/engine';
import type { Draft } from '../../../shared/model/draft';
import type { Pack } from '../../../shared/pack/pack';
import { idFor, makeDraft, makePack } from '../rules/helpers';

const SHA = 'a'.repeat(64);
const file = { sha256: SHA, name: '执照.pdf', size: 10, mediaType: 'application/pdf', addedAt: '2020-01-01T00:00:00+08:00' };

function packWithChecklist(): Pack {
  return makePack(
    [
      { id: 'age', kind: 'ageAtDate', person: { idNumberField: 'pi.idNumber' }, at: { windowClose: true }, max: 58, severity: 'error', message: '负责人年龄不超过58周岁', clause: 'c1' },
      { id: 'keywords', kind: 'required', field: 'project.keywords', severity: 'error', message: '须填写关键词', clause: 'c1', when: { field: 'applicant.unitType', equals: 'enterprise' } },
    ],
    {
      declarations: [{ id: 'decl.credit', text: '无不良信用记录', clause: 'c1' }],
      attachments: [
        { id: 'att.licence', name: '营业执照', required: true, when: { field: 'applicant.unitType', equals: 'enterprise' } },
        { id: 'att.other', name: '其他材料', required: false },
      ],
    },
  );
}

function run(pack: Pack, draft: Draft) {
  const results = engineFor(pack, 'p1', 'application')!.evaluate(draft, { today: '2020-02-01' });
  return sectionStatuses(pack, 'p1', 'application', draft, results)!;
}

const byId = (p: ReturnType<typeof run>, id: string) => p.sections.find((s) => s.sectionId === id)!;

describe('sectionStatuses', () => {
  it('an empty draft: every section with required items is 未开始 and completion is 0', () => {
    const p = run(packWithChecklist(), makeDraft());
    expect(p.completion).toBe(0);
    expect(byId(p, 'basic').status).toBe('notStarted');
    expect(byId(p, 'pi').status).toBe('notStarted');
    // basic: project.name, project.period, project.summary are required in the default template, and
    // the keywords rule waits for 单位性质 (pending): until it is known it counts as a missing item.
    expect(byId(p, 'basic').required).toBe(4);
    expect(byId(p, 'basic').pending).toBe(1);
    // Incompleteness is progress, never an error: nothing is red in a new draft.
    expect(p.sections.every((s) => s.errors === 0 && s.status !== 'error')).toBe(true);
    // An empty section with no required item is 选填, never 完成.
    expect(byId(p, 'partners').status).toBe('optional');
    expect(p.sections.some((s) => s.status === 'complete')).toBe(false);
  });

  it('completion and section counts come from the result list alone (the same results give the same numbers)', () => {
    const pack = packWithChecklist();
    const draft = makeDraft({ values: { 'project.name': '某项目', 'applicant.unitType': 'university' } });
    const results = engineFor(pack, 'p1', 'application')!.evaluate(draft, { today: '2020-02-01' });
    const a = sectionStatuses(pack, 'p1', 'application', draft, results)!;
    expect(completionOf(results)).toBe(a.completion);
    expect(a.required).toBe(results.filter((r) => isRequiredItem(r) && r.outcome !== 'notApplicable').length);
    expect(a.filled).toBe(results.filter((r) => isRequiredItem(r) && r.outcome === 'pass').length);
  });

  it('a section is 完成 only when nothing in it is 待填写, 无法检查 or 错误', () => {
    const pack = packWithChecklist();
    const filled = run(pack, makeDraft({ values: { 'pi.name': '张三', 'pi.idNumber': idFor('19850312'), 'pi.phone': '13912345678', 'pi.title': '高级工程师' } }));
    expect(byId(filled, 'pi').status).toBe('complete');
    const badPhone = run(pack, makeDraft({ values: { 'pi.name': '张三', 'pi.idNumber': idFor('19850312'), 'pi.phone': '12345', 'pi.title': '高级工程师' } }));
    expect(byId(badPhone, 'pi').status).toBe('error');
    expect(byId(badPhone, 'pi').errors).toBe(1);
  });

  it('a required rule whose condition does not hold is not counted; when it holds it is', () => {
    const pack = packWithChecklist();
    const notEnterprise = run(pack, makeDraft({ values: { 'applicant.unitType': 'university' } }));
    const enterprise = run(pack, makeDraft({ values: { 'applicant.unitType': 'enterprise' } }));
    expect(byId(notEnterprise, 'basic').required).toBe(3);
    expect(byId(enterprise, 'basic').required).toBe(4);
    // The licence applies only to enterprises.
    expect(byId(notEnterprise, 'attachments').required).toBe(0);
    expect(byId(enterprise, 'attachments').required).toBe(1);
  });

  it('declarations and required attachments count toward completion', () => {
    const pack = packWithChecklist();
    const before = run(pack, makeDraft({ values: { 'applicant.unitType': 'enterprise' } }));
    const after = run(
      pack,
      makeDraft({ values: { 'applicant.unitType': 'enterprise' }, declarations: { 'decl.credit': true }, attachments: { 'att.licence': [file] } }),
    );
    expect(after.filled - before.filled).toBe(2);
    expect(byId(after, 'declarations').status).toBe('complete');
    expect(byId(after, 'attachments').status).toBe('complete');
    expect(byId(before, 'declarations').status).toBe('notStarted');
  });

  it('a touched section with a failing error rule is 有错误; partially filled without errors is 填写中', () => {
    const pack = packWithChecklist();
    const old = run(pack, makeDraft({ values: { 'pi.name': '张三', 'pi.idNumber': idFor('19600312') } }));
    expect(byId(old, 'pi').status).toBe('error');
    expect(byId(old, 'pi').errors).toBe(1);
    const young = run(pack, makeDraft({ values: { 'pi.name': '张三', 'pi.idNumber': idFor('19850312') } }));
    // pi.phone is still required and empty.
    expect(byId(young, 'pi').status).toBe('inProgress');
    expect(byId(young, 'pi').filled).toBe(2);
  });

  it('completion is the share of required items filled, rounded down', () => {
    const pack = packWithChecklist();
    const p = run(pack, makeDraft({ values: { 'project.name': '某项目' } }));
    expect(p.filled).toBe(1);
    expect(p.completion).toBe(Math.floor(100 / p.required));
  });

  it('returns null for an unknown program', () => {
    expect(sectionStatuses(packWithChecklist(), 'nope', 'application', makeDraft(), [])).toBeNull();
  });
});
