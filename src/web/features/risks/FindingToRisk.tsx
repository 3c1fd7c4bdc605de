import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, DatePicker, Input, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { RISK_GRADES, type RiskGrade } from '../../../contracts/risks.js';
import { useAuth } from '../../lib/auth.js';
import { risksApi, useRiskPeople } from './api.js';

/** 转为风险: a button beside an inspection's finding that registers it as a risk of the station. */
export function FindingToRiskButton({ findingId, description }: { findingId: number; description: string }) {
  const { can, me } = useAuth();
  const [open, setOpen] = useState(false);
  const [ownerId, setOwnerId] = useState<number | undefined>(me?.id);
  const [deadline, setDeadline] = useState<Dayjs | null>(dayjs().add(30, 'day'));
  const [level, setLevel] = useState<RiskGrade | undefined>();
  const [measure, setMeasure] = useState('');
  const [busy, setBusy] = useState(false);
  const [riskId, setRiskId] = useState<number | null>(null);
  const { message } = AntApp.useApp();
  const qc = useQueryClient();
  const people = useRiskPeople(open);
  if (!can('risks.manage')) return null;
  if (riskId)
    return (
      <Link to={`/risks?id=${riskId}`} data-testid="finding-risk-link">
        已转为风险
      </Link>
    );
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="finding-to-risk">
        转为风险
      </Button>
      <Modal
        open={open}
        title="转为风险隐患"
        okText="登记"
        cancelText="返回"
        okButtonProps={{ disabled: !ownerId || !deadline }}
        confirmLoading={busy}
        destroyOnHidden
        onCancel={() => setOpen(false)}
        onOk={async () => {
          setBusy(true);
          try {
            const r = await risksApi.fromFinding({
              findingId,
              ownerId: ownerId!,
              deadline: deadline!.format('YYYY-MM-DD'),
              level,
              controlMeasure: measure.trim() || undefined,
            });
            message.success('已登记到风险清单');
            setRiskId(r.id);
            setOpen(false);
            await qc.invalidateQueries({ queryKey: ['risks'] });
          } catch (e) {
            const err = e as { code?: string; message: string; details?: { riskId?: number } };
            if (err.code === 'CONFLICT' && err.details?.riskId) {
              setRiskId(err.details.riskId);
              setOpen(false);
            }
            message.error(err.message);
          } finally {
            setBusy(false);
          }
        }}
      >
        <div style={{ marginBottom: 8, wordBreak: 'break-all' }}>{description}</div>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Select
            style={{ width: '100%' }}
            placeholder="责任人"
            value={ownerId}
            onChange={setOwnerId}
            options={people}
            showSearch={{ optionFilterProp: 'label' }}
            aria-label="责任人"
          />
          <DatePicker
            style={{ width: '100%' }}
            inputReadOnly
            placeholder="管控期限"
            value={deadline}
            onChange={setDeadline}
            disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            aria-label="管控期限"
          />
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder="风险等级（默认按问题严重程度）"
            value={level}
            onChange={setLevel}
            options={Object.entries(RISK_GRADES).map(([value, label]) => ({ value, label }))}
            aria-label="风险等级"
          />
          <Input.TextArea
            rows={2}
            maxLength={1000}
            value={measure}
            onChange={(e) => setMeasure(e.target.value)}
            placeholder="管控措施"
            aria-label="管控措施"
          />
        </Space>
      </Modal>
    </>
  );
}
