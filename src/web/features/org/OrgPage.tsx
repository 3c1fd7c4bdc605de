import { ApartmentOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Col, Drawer, Row, Space, Tabs, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Jurisdiction } from '../../../contracts/org.js';
import { useMobile } from '../../lib/screens.js';
import { api } from '../../lib/api.js';
import { useAuth } from '../../lib/auth.js';
import { JurisdictionDialog } from './JurisdictionDialog.js';
import { JurisdictionTree } from './JurisdictionTree.js';
import { PeopleTab } from './PeopleTab.js';
import { UnitsTab } from './UnitsTab.js';

/** 组织机构: the jurisdiction tree on the left, units and people of the selected node on the right. */
export default function OrgPage() {
  const { can } = useAuth();
  const mobile = useMobile();
  const [selected, setSelected] = useState<Jurisdiction>();
  const [treeOpen, setTreeOpen] = useState(false);
  const [dialog, setDialog] = useState<{ mode: 'create' | 'edit' } | null>(null);
  const [reload, setReload] = useState<{ parentId: number; n: number }>();
  const [patched, setPatched] = useState<Jurisdiction>();
  const [tab, setTab] = useState('people');
  const chain = useQuery({
    queryKey: ['jurisdiction-chain', selected?.id, patched],
    queryFn: () => api<Jurisdiction[]>(`/api/jurisdictions/${selected!.id}/chain`),
    enabled: !!selected,
  });

  const tree = (
    <JurisdictionTree
      selected={selected}
      reload={reload}
      patched={patched}
      onSelect={(j) => {
        setSelected(j);
        setTreeOpen(false);
      }}
    />
  );

  const manage = can('org.manage');
  const header = selected && (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}>
      <div style={{ minWidth: 0 }}>
        <Breadcrumb items={(chain.data ?? [selected]).map((j) => ({ title: j.name }))} style={{ fontSize: 12 }} />
        <Space size={6} wrap>
          <Typography.Title level={5} style={{ margin: 0 }} data-testid="org-selected">
            {selected.name}
          </Typography.Title>
          <Tag color="blue">{selected.levelLabel}</Tag>
          {selected.childCount > 0 && <Typography.Text type="secondary">下级 {selected.childCount} 个</Typography.Text>}
        </Space>
      </div>
      {manage && (
        <Space wrap>
          {selected.level !== 'village' && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create' })}>
              新增下级辖区
            </Button>
          )}
          <Button size="small" icon={<EditOutlined />} onClick={() => setDialog({ mode: 'edit' })}>
            修改
          </Button>
        </Space>
      )}
    </div>
  );

  const right = selected ? (
    <Card size="small" title={header} styles={{ header: { padding: '8px 12px' }, body: { padding: mobile ? 8 : 12 } }}>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'people', label: '人员', children: <PeopleTab key={selected.id} jurisdiction={selected} /> },
          { key: 'units', label: '机构', children: <UnitsTab key={selected.id} jurisdiction={selected} /> },
        ]}
      />
    </Card>
  ) : (
    <Card loading />
  );

  return (
    <>
      {mobile ? (
        <>
          <Button
            block
            icon={<ApartmentOutlined />}
            onClick={() => setTreeOpen(true)}
            style={{ marginBottom: 8, textAlign: 'left' }}
            data-testid="open-tree"
          >
            辖区：{selected?.name ?? '…'}
          </Button>
          <Drawer
            title="选择辖区"
            placement="left"
            size="86%"
            open={treeOpen}
            onClose={() => setTreeOpen(false)}
            forceRender
            styles={{ body: { padding: 8 } }}
          >
            {tree}
          </Drawer>
          {right}
        </>
      ) : (
        <Row gutter={12} wrap={false}>
          <Col flex="300px">
            <Card size="small" title="辖区" styles={{ body: { padding: 8, maxHeight: 'calc(100vh - 160px)', overflow: 'auto' } }}>
              {tree}
            </Card>
          </Col>
          <Col flex="auto" style={{ minWidth: 0 }}>
            {right}
          </Col>
        </Row>
      )}
      {dialog && selected && (
        <JurisdictionDialog
          mode={dialog.mode}
          current={selected}
          onClose={() => setDialog(null)}
          onDone={(j) => {
            setDialog(null);
            if (dialog.mode === 'create') {
              const parent = { ...selected, childCount: selected.childCount + 1 };
              setPatched(parent);
              setSelected(parent);
              setReload({ parentId: selected.id, n: Date.now() });
            } else {
              setPatched(j);
              setSelected(j);
            }
          }}
        />
      )}
    </>
  );
}
