import { describe, expect, it } from 'vitest';
import { recordInspectionInput } from '../../../contracts/inspections.js';
import { passwords, toInput, type FieldDraft } from './drafts.js';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const ME = 7;
const OTHER = 15;

function draft(over: Partial<FieldDraft['values']> = {}, extra: Partial<FieldDraft> = {}): FieldDraft {
  return {
    clientId: '6f1c2b1e-0c51-4a8e-9a53-2f4c1c9c7d10',
    planTaskId: 3,
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
              { key: 'a', text: 'A' },
              { key: 'b', text: 'B' },
              { key: 'c', text: 'C' },
            ],
          },
        ],
      },
      violationTypes: [{ key: 'v1', label: '无证经营' }],
    },
    values: {
      kind: 'plan',
      date: '2026-12-01',
      inspectorIds: [ME, OTHER],
      jointDepartments: ['卫健局'],
      answers: { c: { result: 'na' }, a: { result: 'fail', note: ' 货架 ' }, b: { result: 'pass' } },
      findings: {
        a: { severity: 'serious', violationType: 'v1', legalBasis: ' 第五十五条 ', description: ' 未索证 ' },
        b: { severity: 'general', description: 'stale' },
      },
      measures: [{ kind: 'rectify', deadline: '2026-12-20', note: '  ' }],
      rectificationResults: {},
      inspectorSignatures: { [ME]: { image: PNG }, [OTHER]: { image: PNG } },
      unitSignature: { name: ' 王店长 ', title: '', image: PNG },
      ...over,
    },
    photos: [],
    state: 'editing',
    updatedAt: 0,
    ...extra,
  };
}

describe('toInput: a stored draft as the record request', () => {
  it('answers in checklist order, a finding only for each 不符合, trimmed text, and a body the contract accepts', () => {
    passwords.set(draft().clientId, { [OTHER]: 'pw' });
    const input = toInput(draft(), ME);
    expect(input.answers).toEqual([
      { itemKey: 'a', result: 'fail', note: '货架' },
      { itemKey: 'b', result: 'pass', note: undefined },
      { itemKey: 'c', result: 'na', note: undefined },
    ]);
    expect(input.findings).toEqual([
      { itemKey: 'a', severity: 'serious', violationType: 'v1', legalBasis: '第五十五条', description: '未索证' },
    ]);
    expect(input.measures).toEqual([{ kind: 'rectify', deadline: '2026-12-20', note: undefined }]);
    expect(input.planTaskId).toBe(3);
    expect(input.entityId).toBeUndefined();
    expect(input.jointDepartments).toBeUndefined(); // only for 联合检查
    expect(input.signatures).toEqual([
      { signer: 'inspector', userId: ME, image: PNG, password: undefined },
      { signer: 'inspector', userId: OTHER, image: PNG, password: 'pw' },
      { signer: 'unit', name: '王店长', title: undefined, image: PNG },
    ]);
    expect(recordInspectionInput.safeParse(input).success).toBe(true);
  });

  it("leaves out another inspector's signature without their password (kept in memory only, e.g. lost on reload)", () => {
    passwords.delete(draft().clientId);
    const input = toInput(draft(), ME);
    expect(input.signatures!.map((s) => (s.signer === 'inspector' ? s.userId : s.name))).toEqual([ME, '王店长']);
  });

  it('a signature of someone no longer on the inspection, or never drawn, is not sent; a 复查 sends its outcomes', () => {
    const d = draft(
      {
        kind: 'recheck',
        inspectorIds: [ME],
        inspectorSignatures: { [ME]: { image: '' }, [OTHER]: { image: PNG } },
        unitSignature: { name: '', image: PNG },
        rectificationResults: {
          4: { result: 'extended', deadline: '2027-01-05' },
          5: { result: 'closed', deadline: '2027-01-09', note: ' 已整改 ' },
        },
      },
      { planTaskId: undefined, recheckOf: 11 },
    );
    const input = toInput(d, ME);
    expect(input.signatures).toEqual([]);
    expect(input.entityId).toBe(9);
    expect(input.recheckOf).toBe(11);
    expect(input.rectificationResults).toEqual([
      { rectificationId: 4, result: 'extended', deadline: '2027-01-05', note: undefined },
      { rectificationId: 5, result: 'closed', deadline: undefined, note: '已整改' },
    ]);
  });
});
