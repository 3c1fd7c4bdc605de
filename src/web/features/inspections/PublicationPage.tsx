import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, DatePicker, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { download } from '../../lib/api.js';
import { ItemList } from '../../lib/ItemList.js';
import { inspectionsApi } from './api.js';
import type { PublicationItem } from '../../../contracts/inspections.js';
import { useMobile } from '../../lib/screens.js';

/** How long is left to publish it (working days as the server counts them). */
function deadlineTag(daysLeft: number) {
  return daysLeft < 0 ? <Tag color="red">已超期 {-daysLeft} 天</Tag> : daysLeft <= 3 ? <Tag color="orange">剩 {daysLeft} 天</Tag> : null;
}

const day = (d: Dayjs | null | undefined) => d?.format('YYYY-MM-DD');

/** 双随机抽查结果公示: random inspections' results to publish, with the day publication ends; Excel export. */
export default function PublicationPage() {
  const mobile = useMobile();
  const { message } = AntApp.useApp();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const from = day(range?.[0]);
  const to = day(range?.[1]);
  const q = useQuery({ queryKey: ['inspections-publication', from, to], queryFn: () => inspectionsApi.publication(from, to) });
  const rows = q.data ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Card
        size="small"
        title="双随机抽查结果公示"
        extra={
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              download(inspectionsApi.publicationExportUrl(from, to), '双随机抽查结果公示.xlsx').catch((e) =>
                message.error((e as Error).message),
              )
            }
          >
            导出Excel
          </Button>
        }
      >
        <DatePicker.RangePicker
          style={{ width: mobile ? '100%' : 280 }}
          inputReadOnly
          value={range}
          onChange={setRange}
          placeholder={['抽查开始日期', '抽查结束日期']}
        />
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          抽查结果应自作出之日起20个工作日内向社会公示，公示截止日期见各条记录。
        </Typography.Paragraph>
      </Card>
      {q.isError && <Alert type="error" showIcon title={(q.error as Error).message} />}
      {mobile ? (
        <ItemList
          loading={q.isLoading}
          items={rows}
          rowKey={(r) => r.inspectionId}
          renderItem={(r) => (
            <Card size="small" style={{ marginBottom: 8 }} data-testid="publication-card">
              <div style={{ fontWeight: 600, wordBreak: 'break-all' }}>{r.entityName}</div>
              {r.creditCode && <div style={{ fontSize: 12, color: '#888' }}>{r.creditCode}</div>}
              <div style={{ fontSize: 13, color: '#666', margin: '4px 0' }}>抽查日期 {r.date}</div>
              {r.result && <div style={{ fontSize: 13 }}>检查结果：{r.result}</div>}
              {r.measures && <div style={{ fontSize: 13, wordBreak: 'break-all' }}>处理情况：{r.measures}</div>}
              <div style={{ fontSize: 13 }}>
                公示截止：{r.publishBy} {deadlineTag(r.daysLeft)}
              </div>
            </Card>
          )}
        />
      ) : (
        <Table<PublicationItem>
          size="small"
          rowKey="inspectionId"
          loading={q.isLoading}
          dataSource={rows}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          columns={[
            { title: '抽查对象', dataIndex: 'entityName' },
            { title: '统一社会信用代码', dataIndex: 'creditCode', width: 190 },
            { title: '抽查日期', dataIndex: 'date', width: 110 },
            { title: '检查结果', dataIndex: 'result', width: 160 },
            { title: '处理情况', dataIndex: 'measures', ellipsis: true },
            {
              title: '公示截止日期',
              dataIndex: 'publishBy',
              width: 200,
              render: (v: string, r) => (
                <>
                  {v} {deadlineTag(r.daysLeft)}
                </>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}
