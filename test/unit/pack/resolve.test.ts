import { describe, expect, it } from 'vitest';
import { DEFAULT_SECTIONS } from '../../../shared/pack/defaultTemplate';
import { fieldIndex, resolveProgram } from '../../../shared/pack/resolve';
import { makePack } from '../rules/helpers';

describe('resolveProgram', () => {
  it('starts from the default template and adds synthesized rules', () => {
    const pack = makePack([], {
      declarations: [{ id: 'decl.p', text: '承诺', clause: 'c1' }],
      attachments: [
        { id: 'att.a', name: '营业执照', required: true, clause: 'c1' },
        { id: 'att.b', name: '其他', required: false },
      ],
    }, { declarations: [{ id: 'decl.pack', text: '包级承诺', clause: 'c1', when: { field: 'x', filled: true } }] });
    const r = resolveProgram(pack, 'p1', 'application')!;
    expect(r.sections.map((s) => s.id)).toEqual(DEFAULT_SECTIONS.map((s) => s.id));
    expect(r.declarations.map((d) => d.id)).toEqual(['decl.pack', 'decl.p']);
    expect(r.sections.find((s) => s.id === 'declarations')?.declarations?.map((d) => d.id)).toEqual(['decl.pack', 'decl.p']);
    expect(r.sections.find((s) => s.id === 'attachments')?.attachments?.map((d) => d.id)).toEqual(['att.a', 'att.b']);
    const synthesized = r.rules.filter((x) => !x.clause.startsWith('form.')).map((x) => ({ id: x.id, kind: x.kind, severity: x.severity, clause: x.clause, when: x.when }));
    expect(synthesized).toEqual([
      { id: 'decl.pack.ticked', kind: 'declarationTrue', severity: 'error', clause: 'c1', when: { field: 'x', filled: true } },
      { id: 'decl.p.ticked', kind: 'declarationTrue', severity: 'error', clause: 'c1', when: undefined },
      { id: 'att.a.present', kind: 'attachmentPresent', severity: 'error', clause: 'c1', when: undefined },
    ]);
    expect(r.window?.closes).toBe('2020-03-30T18:00:00+08:00');
  });

  it('adds the form\'s own rules after the guideline\'s, each citing a form clause, none duplicating a pack rule', () => {
    const pack = makePack([{ id: 'own-name', kind: 'required', field: 'project.name', severity: 'error', message: '须填写项目名称', clause: 'c1' }], {
      attachments: [{ id: 'att.a', name: '营业执照', required: true, clause: 'c1', accept: ['.pdf'] }],
    });
    const r = resolveProgram(pack, 'p1', 'application')!;
    const form = r.rules.filter((x) => x.clause.startsWith('form.'));
    const ids = form.map((x) => x.id);
    // The pack already requires the project name: the form does not say it twice.
    expect(ids).not.toContain('form.required.project.name');
    expect(ids).toEqual(expect.arrayContaining(['form.required.project.summary', 'form.format.applicant.postcode', 'form.length.narrative.basis', 'form.cellFormat.members.idNumber', 'form.cellNonNegative.budget.fiscal', 'form.period.milestones', 'form.files.att.a', 'form.derived.pi.birthDate']));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the form\'s rules say what is asked, not that it failed: the guidance panel shows them beside 通过 too', () => {
    const r = resolveProgram(makePack([]), 'p1', 'application')!;
    const form = r.rules.filter((x) => x.clause.startsWith('form.'));
    expect(form.length).toBeGreaterThan(20);
    for (const rule of form) expect(rule.message, rule.id).not.toMatch(/不符合要求|不正确|错误/);
    expect(form.find((x) => x.id === 'form.length.project.name')!.message).toMatch(/^「项目名称」不超过 \d+ 字$/);
  });

  it('applies the pack patch, then the program patch; sections filter by document type', () => {
    const pack = makePack(
      [],
      {
        template: {
          dropFields: ['project.keywords'],
          overrideFields: { 'project.summary': { maxChars: 300, label: '项目简介' } },
          addFields: [{ section: 'basic', after: 'project.name', field: { id: 'x.extra', kind: 'text', label: '附加' } }],
          renameSections: { partners: '合作单位（援疆省市）' },
        },
      },
      {
        template: {
          dropSections: ['schedule'],
          addSections: [{ id: 'proposalOnly', title: '建议书专用', documentTypes: ['proposal'], fields: [], after: 'basic' }],
          overrideFields: { 'project.summary': { maxChars: 500 } },
        },
      },
    );
    const app = resolveProgram(pack, 'p1', 'application')!;
    const prop = resolveProgram(pack, 'p1', 'proposal')!;
    expect(app.sections.some((s) => s.id === 'schedule')).toBe(false);
    expect(app.sections.some((s) => s.id === 'proposalOnly')).toBe(false);
    expect(prop.sections[1]?.id).toBe('proposalOnly');
    const basic = app.sections.find((s) => s.id === 'basic')!;
    expect(basic.fields.map((f) => f.id).slice(0, 2)).toEqual(['project.name', 'x.extra']);
    expect(basic.fields.some((f) => f.id === 'project.keywords')).toBe(false);
    const summary = basic.fields.find((f) => f.id === 'project.summary');
    expect(summary).toMatchObject({ maxChars: 300, label: '项目简介', kind: 'longText' });
    expect(app.sections.find((s) => s.id === 'partners')?.title).toBe('合作单位（援疆省市）');
    expect(fieldIndex(app).get('x.extra')?.section).toBe('basic');
    // The default template itself is never mutated.
    expect(DEFAULT_SECTIONS.find((s) => s.id === 'schedule')).toBeDefined();
  });

  it('returns null for an unknown program', () => {
    expect(resolveProgram(makePack([]), 'nope', 'application')).toBeNull();
  });
});
