import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  ADR_KINDS,
  OUTCOMES,
  PATIENT_SEXES,
  REPORTER_KINDS,
  SERIOUSNESS,
  type AdrReport,
  type AdrReportInput,
} from '../../../contracts/adr.js';
import { STALE_VERSION } from '../../../contracts/versions.js';
import { ApiError } from '../../lib/api.js';
import { applyServerErrors } from '../../lib/form-errors.js';
import { ValuesAtMount } from '../../lib/ValuesAtMount.js';
import { adrApi } from './api.js';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

interface Values extends Omit<AdrReportInput, 'onsetOn' | 'reportedOn' | 'reactions'> {
  onsetOn: Dayjs;
  reportedOn: Dayjs;
  reactions: string;
}

/** A stored report as the form's values. */
function valuesOf(r: AdrReport): Values {
  return {
    kind: r.kind,
    reportCode: r.reportCode,
    reporterName: r.reporterName,
    reporterKind: r.reporterKind,
    reporterCreditCode: r.reporterCreditCode,
    jurisdictionId: r.jurisdictionId,
    patientSex: r.patientSex,
    patientAge: r.patientAge,
    drugs: r.drugs,
    reactions: r.reactions.join('、'),
    seriousness: r.seriousness,
    isNew: r.isNew,
    death: r.death,
    outcome: r.outcome,
    onsetOn: dayjs(r.onsetOn),
    reportedOn: dayjs(r.reportedOn),
  } as Values;
}

/**
 * The report form (国家系统报表的常用项): a new report, or (`report`) the correction of a stored one,
 * saved against the version it was read at (the server recomputes the deadline and re-checks clusters).
 */
export function ReportForm({
  onClose,
  onSaved,
  areas,
  report,
}: {
  onClose: () => void;
  onSaved: () => void;
  areas?: { defaultId: number | null; items: { id: number; name: string }[] };
  report?: AdrReport;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  async function save(v: Values) {
    setSaving(true);
    setError(null);
    try {
      const input = {
        ...v,
        onsetOn: v.onsetOn.format('YYYY-MM-DD'),
        reportedOn: v.reportedOn.format('YYYY-MM-DD'),
        reactions: v.reactions
          .split(/[、,，;；\n]+/)
          .map((s) => s.trim())
          .filter(Boolean),
      };
      const res = report ? await adrApi.update(report.id, { ...input, version: report.version }) : await adrApi.create(input);
      const done = report ? '已保存修改' : '已登记';
      message.success(
        res.report.late
          ? `${done}（迟报 ${res.report.daysLate} 天）`
          : done + (res.alertsOpened.length ? `，发现聚集性信号 ${res.alertsOpened.length} 个` : ''),
      );
      onSaved();
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === STALE_VERSION) {
        setError('该报告已被他人修改，请关闭后重新打开，核对后再修改');
        return;
      }
      setError(applyServerErrors(form, e));
    } finally {
      setSaving(false);
    }
  }
  return (
    <Modal
      open
      title={report ? `修改不良反应报告 ${report.reportCode}` : '登记不良反应报告'}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={saving}
      width={720}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={
          report
            ? valuesOf(report)
            : {
                kind: 'drug',
                reporterKind: 'medical',
                patientSex: 'unknown',
                seriousness: 'general',
                isNew: false,
                death: false,
                outcome: 'unknown',
                drugs: [{}],
                reportedOn: dayjs(),
                jurisdictionId: areas?.defaultId ?? undefined,
              }
        }
      >
        {report && <ValuesAtMount values={valuesOf(report)} />}
        <Space wrap style={{ width: '100%' }}>
          <Form.Item name="kind" label="报告类别" rules={[{ required: true }]}>
            <Radio.Group options={options(ADR_KINDS)} />
          </Form.Item>
          <Form.Item name="reportCode" label="报告编码" rules={[{ required: true, message: '请填写报告编码' }]}>
            <Input maxLength={40} style={{ width: 220 }} />
          </Form.Item>
        </Space>
        <Space wrap style={{ width: '100%' }}>
          <Form.Item name="reporterName" label="报告单位名称" rules={[{ required: true, message: '请填写报告单位名称' }]}>
            <Input maxLength={100} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="reporterKind" label="报告单位类别" rules={[{ required: true }]}>
            <Select options={options(REPORTER_KINDS)} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="reporterCreditCode" label="统一社会信用代码（选填）">
            <Input maxLength={18} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="jurisdictionId" label="所属辖区">
            <Select
              allowClear
              placeholder="默认为报告单位所在辖区"
              style={{ width: 220 }}
              options={(areas?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
            />
          </Form.Item>
        </Space>
        <Space wrap style={{ width: '100%' }}>
          <Form.Item name="patientSex" label="患者性别">
            <Radio.Group options={options(PATIENT_SEXES)} />
          </Form.Item>
          <Form.Item name="patientAge" label="年龄">
            <InputNumber min={0} max={150} />
          </Form.Item>
        </Space>
        <Form.List name="drugs">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} wrap align="end" style={{ width: '100%' }}>
                  <Form.Item
                    name={[f.name, 'genericName']}
                    label={i === 0 ? '怀疑药品通用名称（器械产品名称）' : '并用怀疑药品'}
                    rules={[{ required: true, message: '请填写通用名称' }]}
                  >
                    <Input maxLength={100} style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'batchNo']} label="批号">
                    <Input maxLength={50} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'manufacturer']} label="生产企业">
                    <Input maxLength={100} style={{ width: 200 }} />
                  </Form.Item>
                  {i > 0 && (
                    <Form.Item>
                      <Button icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label="删除该药品" />
                    </Form.Item>
                  )}
                </Space>
              ))}
              {fields.length < 10 && (
                <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 12 }}>
                  添加怀疑药品
                </Button>
              )}
            </>
          )}
        </Form.List>
        <Form.Item name="reactions" label="不良反应名称（多个以顿号分隔）" rules={[{ required: true, message: '请填写不良反应名称' }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Space wrap style={{ width: '100%' }}>
          <Form.Item name="seriousness" label="严重程度">
            <Radio.Group options={options(SERIOUSNESS)} />
          </Form.Item>
          <Form.Item name="isNew" valuePropName="checked" label="新的">
            <Checkbox>新的不良反应</Checkbox>
          </Form.Item>
          <Form.Item name="death" valuePropName="checked" label="死亡">
            <Checkbox>死亡病例</Checkbox>
          </Form.Item>
        </Space>
        <Space wrap style={{ width: '100%' }}>
          <Form.Item name="onsetOn" label="发生日期" rules={[{ required: true, message: '请选择发生日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="reportedOn" label="报告日期" rules={[{ required: true, message: '请选择报告日期' }]}>
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
          <Form.Item name="outcome" label="转归">
            <Select options={options(OUTCOMES)} style={{ width: 120 }} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
