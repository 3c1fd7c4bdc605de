import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { provenanceOf, type CampaignDefinition } from '../../../contracts/campaigns.js';
import { pathLabel } from '../../../contracts/definition-labels.js';
import { getAtPath } from '../../../contracts/definition-paths.js';
import { ItemList } from '../../lib/ItemList.js';
import { campaignsApi } from './api.js';
import { definitionValueText } from './value-text.js';

/** A 推定 / 方案未定 tag for the value at `path`, the reason on hover; nothing for quoted values. */
export function ProvenanceTag({ def, path }: { def: CampaignDefinition; path: string }) {
  const p = def.provenance ? provenanceOf(def, path) : undefined;
  if (!p || (p.kind !== 'inferred' && p.kind !== 'unset')) return null;
  return (
    <Tooltip title={`${p.kind === 'unset' ? '方案未定' : '推定'}：${p.reason ?? ''}`}>
      <Tag data-testid="inferred-tag" color={p.kind === 'unset' ? 'red' : 'orange'} style={{ marginLeft: 4, cursor: 'help' }}>
        {p.kind === 'unset' ? '方案未定' : '推定'}
      </Tag>
    </Tooltip>
  );
}

interface Pending {
  inferred: { path: string; kind: 'inferred' | 'unset'; source: string | null; reason: string; value: unknown }[];
  readings: CampaignDefinition['readings'];
}

/**
 * 待确认: the values this campaign's plan does not state (推定, with the reason) or leaves open
 * (方案未定), and its open readings with the inspections each would need. The office confirms an
 * inference (a new version marking it the bureau's), or changes it through 修订.
 */
export function PendingDecisions({
  campaignId,
  def,
  pending,
  canManage,
  closed,
}: {
  campaignId: number;
  def: CampaignDefinition;
  pending: Pending;
  canManage: boolean;
  closed: boolean;
}) {
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const numbers = useQuery({
    queryKey: ['campaign-readings', campaignId, def],
    queryFn: () => campaignsApi.readings(campaignId),
    enabled: pending.readings.length > 0,
  });
  if (!pending.inferred.length && !pending.readings.length) return null;
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['campaign-home', campaignId] }),
      qc.invalidateQueries({ queryKey: ['campaign-versions', campaignId] }),
    ]);
  const act = async (f: () => Promise<unknown>, done: string) => {
    try {
      await f();
      message.success(done);
      await refresh();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const may = canManage && !closed;
  return (
    <Card
      size="small"
      title={
        <span>
          待确认{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            方案未写明、由模板推定或尚未规定的值，请本局确认或修订
          </Typography.Text>
        </span>
      }
      data-testid="pending-decisions"
    >
      {pending.readings.length > 0 && (
        <ItemList
          header={<b>两种理解</b>}
          items={pending.readings}
          rowKey={(r) => r.key}
          renderItem={(r) => {
            const nums = numbers.data?.readings.find((x) => x.key === r.key);
            return (
              <ItemList.Row>
                <div data-testid="reading" style={{ width: '100%' }}>
                  <div style={{ fontWeight: 600 }}>
                    {r.question}
                    {r.source && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        （{r.source}）
                      </Typography.Text>
                    )}
                  </div>
                  {r.options.map((o) => {
                    const n = nums?.options.find((x) => x.key === o.key);
                    const chosen = r.chosen === o.key;
                    return (
                      <div key={o.key} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginTop: 4 }}>
                        {chosen ? <Tag color="blue">当前采用</Tag> : <Tag>备选</Tag>}
                        <span style={{ flex: '1 1 240px' }}>{o.label}</span>
                        <span data-testid="reading-inspections" style={{ whiteSpace: 'nowrap' }}>
                          {n
                            ? n.inspections === null
                              ? '不影响检查量'
                              : `最少检查 ${n.inspections} 次`
                            : numbers.isLoading
                              ? '计算中…'
                              : ''}
                        </span>
                        {!chosen && may && (
                          <Popconfirm
                            title="改采这种理解？"
                            description="将生成新版本并记入审计日志；检查计划须重新生成。"
                            okText="改采"
                            cancelText="取消"
                            onConfirm={() => act(() => campaignsApi.chooseReading(campaignId, r.key, o.key), '已改采，生成新版本')}
                          >
                            <Button size="small">改采</Button>
                          </Popconfirm>
                        )}
                      </div>
                    );
                  })}
                </div>
              </ItemList.Row>
            );
          }}
        />
      )}
      {pending.inferred.length > 0 && (
        <ItemList
          header={<b>推定与未定的值（{pending.inferred.length}）</b>}
          items={pending.inferred}
          rowKey={(p) => p.path}
          renderItem={(p) => (
            <ItemList.Row>
              <div data-testid="pending-item" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, width: '100%', alignItems: 'center' }}>
                <div style={{ flex: '1 1 280px', minWidth: 0 }}>
                  <div>
                    {pathLabel(def, p.path)}：<b>{definitionValueText(p.path, getAtPath(def, p.path).value, def)}</b>
                    <Tag color={p.kind === 'unset' ? 'red' : 'orange'} style={{ marginLeft: 4 }}>
                      {p.kind === 'unset' ? '方案未定' : '推定'}
                    </Tag>
                  </div>
                  <div style={{ fontSize: 12, color: '#666', overflowWrap: 'anywhere' }}>
                    {p.reason}
                    {p.source ? `（${p.source}）` : ''}
                  </div>
                </div>
                {may && p.kind === 'inferred' && (
                  <Space>
                    <Popconfirm
                      title="确认采用该值？"
                      description="将生成新版本，标为本局确定，并记入审计日志。"
                      okText="确认"
                      cancelText="取消"
                      onConfirm={() => act(() => campaignsApi.confirm(campaignId, p.path), '已确认，生成新版本')}
                    >
                      <Button size="small" type="primary">
                        确认
                      </Button>
                    </Popconfirm>
                  </Space>
                )}
                {may && p.kind === 'unset' && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    请在“修订”中填写
                  </Typography.Text>
                )}
              </div>
            </ItemList.Row>
          )}
        />
      )}
    </Card>
  );
}
