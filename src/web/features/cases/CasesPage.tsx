import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Form,
  Input,
  Modal,
  Pagination,
  Radio,
  Segmented,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  CASE_PROCEDURES,
  CASE_STATUSES,
  type CaseListItem,
  type CaseProcedure,
  type CaseStatus,
  type CaseView,
} from '../../../contracts/cases.js';
import { api, download, qs } from '../../lib/api.js';
import { useAuth } from '../../lib/auth.js';
import { applyServerErrors } from '../../lib/form-errors.js';
import { ItemList } from '../../lib/ItemList.js';
import { EntityPicker } from '../entities/EntityPicker.js';
import { CASE_STATUS_COLORS, CaseDrawer, DeadlineTag } from './CaseDrawer.js';
import { CaseFactsFields, factsBody } from './CaseFactsFields.js';
import { OverdueUnits } from './OverdueUnits.js';

const PAGE_SIZE = 20;

/** 案件: the list (status, procedure, overdue, search), Excel export, the 立案 form, and one case in a drawer. */
export default function CasesPage() {
  const { can } = useAuth();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<CaseStatus | 'all'>('all');
  const [procedure, setProcedure] = useState<CaseProcedure | 'all'>('all');
  const [overdue, setOverdue] = useState(false);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [filing, setFiling] = useState(false);
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const openId = params.get('id') ? Number(params.get('id')) : null;
  const filter = {
    status: status === 'all' ? undefined : status,
    procedure: procedure === 'all' ? undefined : procedure,
    overdue: overdue ? 'true' : undefined,
    q: q || undefined,
  };
  const list = useQuery({
    queryKey: ['cases', filter, page],
    queryFn: () => api<{ items: CaseListItem[]; total: number }>(`/api/cases${qs({ ...filter, page, pageSize: PAGE_SIZE })}`),
  });

  async function submit() {
    const v = await form.validateFields();
    setBusy(true);
    setFormError(null);
    try {
      const c = await api<CaseView>('/api/cases', {
        body: { entityId: v.entityId, procedure: v.procedure, ...factsBody(v) },
      });
      message.success(c.procedure === 'simple' ? '已立案' : '已提请立案，待负责人批准');
      setFiling(false);
      await qc.invalidateQueries({ queryKey: ['cases'] });
      setParams({ id: String(c.id) });
    } catch (e) {
      setFormError(applyServerErrors(form, e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      title="案件查办"
      styles={{ body: { padding: 12 } }}
      extra={
        <Space wrap>
          <OverdueUnits
            onShowCases={() => {
              setOverdue(true);
              setStatus('all');
              setPage(1);
            }}
          />
          <Button
            icon={<DownloadOutlined />}
            onClick={() => download(`/api/cases/export${qs(filter)}`, '案件.xlsx').catch((e) => message.error(e.message))}
          >
            导出
          </Button>
          {can('cases.handle') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFiling(true)}>
              立案
            </Button>
          )}
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        <div style={{ overflowX: 'auto' }}>
          <Segmented
            value={status}
            onChange={(v) => {
              setStatus(v as CaseStatus | 'all');
              setPage(1);
            }}
            options={[{ value: 'all', label: '全部' }, ...Object.entries(CASE_STATUSES).map(([value, label]) => ({ value, label }))]}
          />
        </div>
        <Space wrap style={{ width: '100%' }}>
          <Select
            aria-label="程序"
            data-testid="procedure-filter"
            value={procedure}
            style={{ width: 120 }}
            onChange={(v) => {
              setProcedure(v);
              setPage(1);
            }}
            options={[
              { value: 'all', label: '全部程序' },
              ...Object.entries(CASE_PROCEDURES).map(([value, label]) => ({ value: value as CaseProcedure, label })),
            ]}
          />
          <Checkbox
            checked={overdue}
            onChange={(e) => {
              setOverdue(e.target.checked);
              setPage(1);
            }}
          >
            只看超期
          </Checkbox>
          <Input.Search
            allowClear
            placeholder="搜索单位名称、案件编号"
            style={{ maxWidth: 260 }}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
          />
        </Space>
        <ItemList<CaseListItem>
          loading={list.isLoading}
          items={list.data?.items}
          rowKey={(c) => c.id}
          empty={<Empty description="暂无案件：可从线索立案，或点击“立案”登记" />}
          renderItem={(c) => (
            <ItemList.Row
              data-testid="case-item"
              onClick={() => setParams({ id: String(c.id) })}
              style={{ cursor: 'pointer', display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}
            >
              <ItemList.Meta
                title={
                  <Space size={4} wrap>
                    <Tag>{CASE_PROCEDURES[c.procedure]}</Tag>
                    <span>{c.entityName}</span>
                    {c.supervised && <Tag color="volcano">挂牌督办</Tag>}
                    {c.referred && <Tag color="purple">移送公安</Tag>}
                  </Space>
                }
                description={
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {[c.caseNo ?? '未编号', c.violationLabel, c.stationName, c.filedOn && `立案 ${c.filedOn}`].filter(Boolean).join(' · ')}
                    {c.decisionDue && !c.decidedOn && <DeadlineTag d={c.decisionDue} what="办案期限" />}
                  </Typography.Text>
                }
              />
              <Tag color={CASE_STATUS_COLORS[c.status]} style={{ marginInlineEnd: 0 }}>
                {c.statusLabel}
              </Tag>
            </ItemList.Row>
          )}
        />
        {(list.data?.total ?? 0) > PAGE_SIZE && (
          <Pagination
            simple
            current={page}
            total={list.data?.total}
            pageSize={PAGE_SIZE}
            onChange={setPage}
            style={{ textAlign: 'center' }}
          />
        )}
      </Space>
      <CaseDrawer id={openId} onClose={() => setParams({})} />
      <Modal
        open={filing}
        title="立案"
        okText="提交"
        cancelText="取消"
        confirmLoading={busy}
        destroyOnHidden
        onCancel={() => setFiling(false)}
        onOk={submit}
      >
        <Form form={form} layout="vertical" preserve={false} initialValues={{ procedure: 'simple', goodsValue: 0, illegalIncome: 0 }}>
          {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
          <Form.Item name="entityId" label="当事人（本辖区监管对象）" rules={[{ required: true, message: '请选择当事人' }]}>
            <EntityPicker />
          </Form.Item>
          <Form.Item
            name="procedure"
            label="程序"
            extra="简易程序当场立案；普通程序提交负责人批准立案"
            rules={[{ required: true, message: '请选择程序' }]}
          >
            <Radio.Group options={Object.entries(CASE_PROCEDURES).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <CaseFactsFields />
        </Form>
      </Modal>
    </Card>
  );
}
