import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, InputNumber, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ADR_DEFAULT_SETTINGS, ADR_SETTINGS_SOURCES, type AdrSettings } from '../../../contracts/adr.js';
import { useAuth } from '../../lib/auth.js';
import { adrApi } from './api.js';
import { useSubmit } from '../../lib/submit.js';

type Values = Omit<AdrSettings, 'jurisdictionId' | 'version'>;

/** One number of the settings: its label, bounds, step and what it means. */
interface Field {
  name: keyof Values;
  label: string;
  min: number;
  max: number;
  step?: number;
  unit?: string;
  help?: string;
}

const GROUPS: { title: string; sources: string[]; fields: Field[] }[] = [
  {
    title: '报告数量目标',
    sources: [ADR_SETTINGS_SOURCES.targetPerMillion, ADR_SETTINGS_SOURCES.medicalSharePct],
    fields: [
      { name: 'targetPerMillion', label: '每百万人口报告数', min: 1, max: 100_000, unit: '份' },
      { name: 'medicalSharePct', label: '医疗机构报告比例', min: 0, max: 100, unit: '%' },
    ],
  },
  {
    title: '聚集性信号',
    sources: [ADR_SETTINGS_SOURCES.cluster],
    fields: [
      { name: 'clusterMinReports', label: '窗口内最少报告数', min: 2, max: 1000, unit: '份' },
      { name: 'clusterWindowDays', label: '窗口天数', min: 1, max: 90, unit: '天' },
      { name: 'baselineWeeks', label: '基线周数', min: 1, max: 52, unit: '周', help: '与此前若干周的平均周报告数比较' },
      { name: 'baselineFactor', label: '高于基线倍数', min: 1, max: 100, step: 0.1, unit: '倍' },
    ],
  },
  {
    title: '信号检测（比例失衡）',
    sources: [ADR_SETTINGS_SOURCES.signal],
    fields: [
      { name: 'signalMinN', label: '最少报告数 N', min: 1, max: 1000, unit: '份' },
      { name: 'signalMinPrr', label: 'PRR 不低于', min: 1, max: 100, step: 0.1 },
      { name: 'signalMinChi2', label: 'χ² 不低于', min: 0, max: 100, step: 0.1 },
      { name: 'signalMinIc025', label: 'IC025 高于', min: -10, max: 10, step: 0.1 },
      { name: 'signalMinEb05', label: 'EB05 不低于', min: 0, max: 100, step: 0.1 },
    ],
  },
];

/**
 * 监测设置: the targets, cluster thresholds and signal rule in force for a county — read by everyone
 * with the page, changed by those who manage monitoring (saved against the version read; a county
 * without its own settings uses its city's or the defaults until it saves).
 */
export function SettingsTab() {
  const { can } = useAuth();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const editable = can('adr.manage');
  const areas = useQuery({ queryKey: ['adr', 'areas'], queryFn: adrApi.areas });
  const counties = (areas.data?.items ?? []).filter((a) => a.level === 'county');
  const [county, setCounty] = useState<number | undefined>();
  const chosen = county ?? counties[0]?.id;
  const q = useQuery({
    queryKey: ['adr', 'settings', chosen ?? null],
    queryFn: () => adrApi.settings(chosen),
    enabled: !areas.isLoading,
  });
  const [form] = Form.useForm<Values>();
  const { busy, run } = useSubmit({ form, failed: '保存失败', onStale: () => q.refetch() });
  useEffect(() => {
    if (q.data) form.setFieldsValue(q.data);
  }, [q.data, form]);

  async function save(values: Values) {
    if (!q.data) return;
    const data = q.data;
    const saved = await run(() => adrApi.saveSettings({ ...values, jurisdictionId: data.jurisdictionId, version: data.version }));
    if (saved === false) return;
    qc.setQueryData(['adr', 'settings', chosen ?? null], saved);
    await qc.invalidateQueries({ queryKey: ['adr'] });
    message.success('已保存，新的目标和阈值已生效');
  }

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {counties.length > 1 && (
        <Select
          aria-label="县（区）"
          style={{ width: 200, maxWidth: '100%' }}
          value={chosen}
          options={counties.map((c) => ({ value: c.id, label: c.name }))}
          onChange={setCounty}
        />
      )}
      {q.data && q.data.version === 0 && (
        <Alert type="info" showIcon title="本县（区）尚未单独设置，现使用上级或系统默认的目标和阈值；保存后即为本县（区）的设置。" />
      )}
      <Form<Values> form={form} layout="vertical" disabled={!editable || !q.data} onFinish={save} initialValues={ADR_DEFAULT_SETTINGS}>
        {GROUPS.map((g) => (
          <Card key={g.title} size="small" title={g.title} style={{ marginBottom: 12 }}>
            {g.sources.map((t) => (
              <Typography.Paragraph key={t} type="secondary" style={{ marginBottom: 8 }}>
                默认值依据——{t}
              </Typography.Paragraph>
            ))}
            <Space wrap size={[16, 0]} align="start">
              {g.fields.map((f) => (
                <Form.Item
                  key={f.name}
                  name={f.name}
                  label={f.label}
                  extra={f.help}
                  rules={[{ required: true, message: `请填写${f.label}` }]}
                  style={{ minWidth: 160 }}
                >
                  <InputNumber
                    aria-label={f.label}
                    min={f.min}
                    max={f.max}
                    step={f.step ?? 1}
                    precision={f.step ? undefined : 0}
                    suffix={f.unit}
                    style={{ width: 160 }}
                  />
                </Form.Item>
              ))}
            </Space>
          </Card>
        ))}
        {editable && (
          <Button type="primary" htmlType="submit" loading={busy} disabled={!q.data}>
            保存设置
          </Button>
        )}
      </Form>
    </Space>
  );
}
