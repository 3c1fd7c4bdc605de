import { describe, expect, it } from 'vitest';
import type { FieldDraft } from '../drafts.js';
import { draftProblems } from './problems.js';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const ME = 7;
const OTHER = 15;

/** A draft that may be submitted as it is: every item answered, the finding described, all signed. */
function draft(over: Partial<FieldDraft['values']> = {}, extra: Partial<FieldDraft> = {}): FieldDraft {
  return {
    clientId: 'c1',
    entityId: 9,
    entityName: '万光药店',
    openRectifications: [],
    pool: [
      { id: ME, name: '甲' },
      { id: OTHER, name: '乙' },
    ],
    sheet: {
      checklist: {
        key: 'pharmacy',
        label: '药店',
        sections: [
          {
            title: '一',
            items: [
              { key: 'a', text: '进货查验记录是否完整真实' },
              { key: 'b', text: 'B' },
            ],
          },
        ],
      },
      violationTypes: [],
    },
    values: {
      kind: 'special',
      date: '2026-12-01',
      inspectorIds: [ME, OTHER],
      jointDepartments: [],
      answers: { a: { result: 'fail' }, b: { result: 'pass' } },
      findings: { a: { severity: 'general', description: '未索证' } },
      measures: [{ kind: 'rectify', deadline: '2026-12-20' }],
      rectificationResults: {},
      inspectorSignatures: { [ME]: { image: PNG }, [OTHER]: { image: PNG } },
      unitSignature: { name: '王店长', image: PNG },
      ...over,
    },
    photos: [],
    state: 'editing',
    updatedAt: 0,
    ...extra,
  };
}

const passwords = { [OTHER]: 'secret' };

describe('draftProblems: what keeps a field record from being sent', () => {
  it('finds nothing in a complete draft', () => {
    expect(draftProblems(draft(), ME, passwords)).toEqual([]);
  });

  it('needs two different inspectors', () => {
    expect(draftProblems(draft({ inspectorIds: [ME, ME], inspectorSignatures: { [ME]: { image: PNG } } }), ME, {})).toEqual([
      '现场检查人员不得少于2人',
    ]);
  });

  it('needs the departments of a 联合检查', () => {
    expect(draftProblems(draft({ kind: 'joint' }), ME, passwords)).toEqual(['联合检查须写明参加的其他部门']);
    expect(draftProblems(draft({ kind: 'joint', jointDepartments: ['卫健局'] }), ME, passwords)).toEqual([]);
  });

  it('counts unanswered items and asks for the description of each 不符合 (blank is not a description)', () => {
    expect(draftProblems(draft({ answers: { a: { result: 'pass' } } }), ME, passwords)).toEqual(['检查表还有 1 项未填写']);
    expect(draftProblems(draft({ findings: { a: { severity: 'general', description: '   ' } } }), ME, passwords)).toEqual([
      '“进货查验记录是否完整真实…”不符合，请填写问题描述',
    ]);
    // Without a checklist (none applies), nothing is counted.
    expect(draftProblems(draft({ answers: {}, findings: {} }, { sheet: undefined }), ME, passwords)).toEqual([]);
  });

  it('needs a deadline for 责令限期整改 and the amount and party of 当场处罚', () => {
    expect(draftProblems(draft({ measures: [{ kind: 'rectify' }] }), ME, passwords)).toEqual(['责令限期整改须填写整改期限']);
    expect(draftProblems(draft({ measures: [{ kind: 'on_site_penalty', amount: 200 }] }), ME, passwords)).toEqual([
      '当场处罚须填写罚款金额和被处罚人类别',
    ]);
    expect(draftProblems(draft({ measures: [{ kind: 'on_site_penalty', party: 'organisation' }] }), ME, passwords)).toEqual([
      '当场处罚须填写罚款金额和被处罚人类别',
    ]);
    expect(draftProblems(draft({ measures: [{ kind: 'on_site_penalty', party: 'organisation', amount: 0 }] }), ME, passwords)).toEqual([]);
  });

  it('needs 销号 or 延期 for every open rectification of a 复查', () => {
    const recheck = { openRectifications: [{ id: 3, deadline: '2026-11-01' }] };
    expect(draftProblems(draft({}, recheck), ME, passwords)).toEqual(['请确定每项整改是销号还是延期']);
    expect(draftProblems(draft({ rectificationResults: { 3: { result: 'closed' } } }, recheck), ME, passwords)).toEqual([]);
  });

  it("needs the unit's signer by name", () => {
    expect(draftProblems(draft({ unitSignature: { name: ' ', image: PNG } }), ME, passwords)).toEqual(['请填写被检查单位签名人姓名']);
  });

  it("asks for another inspector's password and drawing when they sign here, nothing when they sign later or it is me", () => {
    expect(draftProblems(draft(), ME, {})).toEqual(['请输入乙的密码，或选择“在其本人账号签名”']);
    expect(draftProblems(draft({ inspectorSignatures: { [ME]: { image: PNG }, [OTHER]: { image: '' } } }), ME, passwords)).toEqual([
      '请乙签名',
    ]);
    expect(draftProblems(draft({ inspectorSignatures: { [ME]: { image: PNG } } }), ME, {})).toEqual([]);
    // Signed in as the other one: my own signature needs no password.
    expect(draftProblems(draft({ inspectorSignatures: { [OTHER]: { image: PNG } } }), OTHER, {})).toEqual([]);
  });

  it('lists every problem in the order the form shows them', () => {
    const p = draftProblems(draft({ inspectorIds: [ME], measures: [{ kind: 'rectify' }], answers: {} }), ME, {});
    expect(p).toEqual(['现场检查人员不得少于2人', '检查表还有 2 项未填写', '责令限期整改须填写整改期限']);
  });
});
