import { Card, Tree } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Jurisdiction } from '../../../contracts/org.js';
import { api } from '../../lib/api.js';

export default function OrgPage() {
  const roots = useQuery({ queryKey: ['jurisdictions', 'roots'], queryFn: () => api<Jurisdiction[]>('/api/jurisdictions') });
  return (
    <Card title="组织机构">
      <Tree treeData={(roots.data ?? []).map((j) => ({ key: j.id, title: j.name, isLeaf: j.childCount === 0 }))} />
    </Card>
  );
}
