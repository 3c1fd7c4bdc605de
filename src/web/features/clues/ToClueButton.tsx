import { useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { Clue } from '../../../contracts/clues.js';
import { api } from '../../lib/api.js';
import { useAuth } from '../../lib/auth.js';
import { useSubmit } from '../../lib/submit.js';

/**
 * 转为线索 from another record (a reviewed tip, a signed inspection's finding): one click makes the
 * clue and opens it; a record already made into a clue says so (409 names its number).
 */
export function ToClueButton(props: { from: 'tip'; tipId: number } | { from: 'inspection'; inspectionId: number; findingId?: number }) {
  const { can } = useAuth();
  const nav = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { busy, run } = useSubmit({ failed: '转为线索失败' });
  if (!can('clues.manage')) return null;
  const body = props.from === 'tip' ? { tipId: props.tipId } : { inspectionId: props.inspectionId, findingId: props.findingId };
  return (
    <Button
      size="small"
      loading={busy}
      data-testid="to-clue"
      onClick={async () => {
        const c = await run(() => api<Clue>(`/api/clues/from-${props.from}`, { body }));
        if (c === false) return;
        message.success(`已转为线索（编号 ${c.id}）`);
        await qc.invalidateQueries({ queryKey: ['clues'] });
        nav(`/clues?id=${c.id}`);
      }}
    >
      转为线索
    </Button>
  );
}
