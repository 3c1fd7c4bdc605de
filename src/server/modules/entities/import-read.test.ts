import { describe, expect, it } from 'vitest';
import { autoMapping, parseDate } from './import-read.js';

describe('import columns and values', () => {
  it('maps headers by name and synonym', () => {
    expect(autoMapping(['企业名称', '统一社会信用代码 ', '乡镇(街道)', '其他'])).toMatchObject({
      name: 0,
      creditCode: 1,
      township: 2,
      kind: null,
    });
  });

  it('reads the date forms bureaus write', () => {
    for (const s of ['2027-06-30', '2027/6/30', '2027.6.30', '2027年6月30日', '20270630', '46568'])
      expect(parseDate(s), s).toBe('2027-06-30');
    expect(parseDate('2027-02-30')).toBeUndefined();
    expect(parseDate('明年')).toBeUndefined();
  });
});
