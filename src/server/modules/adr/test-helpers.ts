import iconv from 'iconv-lite';
import { ADR_IMPORT_COLUMNS } from '../../../contracts/adr.js';
import type { Client } from '../../../test/app.js';
import { multipartFile } from '../../../test/multipart.js';

/** A CSV with the import's headers (UTF-8 or GBK, as Excel on Chinese Windows saves it). */
export function adrCsv(
  rows: Record<string, string>[],
  encoding: 'utf8' | 'gbk' = 'utf8',
  headers: string[] = ADR_IMPORT_COLUMNS.map((c) => c.header),
) {
  const esc = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const text = [headers.join(','), ...rows.map((r) => headers.map((h) => esc(r[h] ?? '')).join(','))].join('\r\n') + '\r\n';
  return encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8');
}

export function uploadAdr(client: Client, fileName: string, content: Buffer, duplicates?: 'update' | 'skip') {
  const m = multipartFile('file', fileName, content, 'text/csv', duplicates ? { duplicates } : {});
  return client.request({ method: 'POST', url: '/api/adr-imports', payload: m.payload, headers: m.headers });
}

/** One import row keyed by header. */
export function adrRow(code: string, over: Record<string, string> = {}): Record<string, string> {
  return {
    报告编码: code,
    报告类别: '药品不良反应',
    报告单位名称: '兴隆台区人民医院',
    报告单位类别: '医疗机构',
    患者性别: '女',
    年龄: '45',
    通用名称: '头孢曲松钠',
    批号: '230401',
    生产企业: '某某制药有限公司',
    不良反应名称: '皮疹、瘙痒',
    严重程度: '一般',
    新的: '否',
    发生日期: '2026-03-01',
    报告日期: '2026-03-05',
    转归: '好转',
    是否死亡: '否',
    ...over,
  };
}
