import type { Pack } from '../../../shared/pack/pack';
import { makePack } from './helpers';

const fiscal = { table: 'budget', column: 'fiscal' };
const selfRaised = { table: 'budget', column: 'selfRaised' };
const base = (id: string, kind: string, params: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id,
  kind,
  severity: 'error',
  message: `规则 ${id}`,
  clause: 'c1',
  ...params,
  ...extra,
});

/** A pack with at least one rule of every kind, several behind conditions, for property tests. */
export function allKindsPack(): Pack {
  return makePack(
    [
      base('req', 'required', { field: 'project.name' }),
      base('dir', 'directionChosen', { leaf: true }),
      base('fmt', 'format', { field: 'pi.idNumber', format: 'idNumber' }),
      base('len', 'textLength', { field: 'project.summary', max: 20, min: 2 }),
      base('age', 'ageAtDate', { person: { idNumberField: 'pi.idNumber' }, at: { windowClose: true }, max: 58 }),
      base('age2', 'ageAtDate', { person: { birthDateField: 'pi.birthDate' }, at: { date: '2020-01-01' }, min: 18 }),
      base('born', 'bornOnOrAfter', { person: { idNumberField: 'pi.idNumber' }, date: '1972-01-01' }, { when: { field: 'applicant.unitType', equals: 'enterprise' } }),
      base('period', 'periodMonths', { field: 'project.period', max: 36, min: 12 }),
      base('order', 'dateOrder', { earlier: 'pi.birthDate', later: 'x.date' }),
      base('after', 'dateOnOrAfter', { field: 'x.date', date: '2019-01-01' }),
      base('before', 'dateOnOrBefore', { field: 'x.date', date: '2022-01-01' }),
      base('years', 'yearsSince', { field: 'x.date', at: { windowClose: true }, min: 3 }),
      base('money', 'moneyRange', { amount: fiscal, min: 100_000, max: 500_000 }),
      base('num', 'numberRange', { field: 'x.count', min: 1, max: 10 }),
      base('ratio', 'ratioAtLeast', { numerator: selfRaised, denominator: fiscal, ratio: 2 }, { when: { any: [{ field: 'applicant.unitType', in: ['enterprise'] }, { not: { program: ['p1'] } }] } }),
      base('share', 'shareOfTotalAtLeast', { part: selfRaised, others: [fiscal], percent: 70 }),
      base('sum', 'sumEquals', { amounts: [fiscal, selfRaised], equals: { field: 'x.total' } }),
      base('rows', 'tableRowCount', { table: 'members', min: 1, max: 5, where: [{ column: 'title', constraint: { notIn: ['无'] } }] }),
      base('col', 'columnConstraint', { table: 'members', column: 'idNumber', constraint: { format: 'idNumber' } }),
      base('in', 'valueIn', { field: 'applicant.province', values: ['65', '66'] }),
      base('notin', 'valueNotIn', { field: 'x.flags', values: ['bad'] }, { when: { field: 'x.flags', includes: 'check' } }),
      base('decl', 'declarationTrue', { declaration: 'decl.credit' }),
      base('att', 'attachmentPresent', { slot: 'att.licence' }),
      base('region', 'regionWithin', { field: 'applicant.regionCode', regions: ['620102'] }),
      base('partner', 'partnerOutsideRegion', { table: 'partners', column: 'region', regions: ['65'], min: 1 }, { when: { directionUnder: ['a'] } }),
      base('window', 'applicationWindow', {}, { severity: 'warning' }),
      base('dated', 'dateInWindow', { field: 'x.date' }, { severity: 'warning' }),
      base('accepting', 'programAccepting', {}),
      base('prio', 'priorityClaimed', { field: 'x.flags', option: 'hightech' }, { severity: 'info' }),
      base('cross', 'crossDraftLimit', { key: 'pi.idNumber', max: 1, scope: 'sameYear', groupBy: 'directionRoot' }, { when: { documentType: 'application' } }),
    ],
    {
      declarations: [{ id: 'decl.honest', text: '承诺所填内容真实', clause: 'c1', when: { field: 'x.count', filled: true } }],
      attachments: [
        { id: 'att.licence', name: '营业执照', required: true, clause: 'c1', when: { field: 'applicant.unitType', equals: 'enterprise' } },
        { id: 'att.other', name: '其他', required: false },
      ],
    },
  );
}

/** Ids the property tests write to: every id the rules read, plus noise. */
export const VALUE_IDS = [
  'project.name', 'pi.idNumber', 'project.summary', 'pi.birthDate', 'applicant.unitType', 'project.period', 'x.date', 'x.count',
  'x.total', 'applicant.province', 'applicant.regionCode', 'x.flags', 'noise',
];
export const TABLE_IDS = ['budget', 'members', 'partners', 'noise'];
export const COLUMN_IDS = ['key', 'fiscal', 'selfRaised', 'name', 'idNumber', 'title', 'region'];
export const SLOT_IDS = ['att.licence', 'att.other'];
export const DECLARATION_IDS = ['decl.credit', 'decl.honest'];
