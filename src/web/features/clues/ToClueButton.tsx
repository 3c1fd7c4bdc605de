import { useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Clue } from '../../../contracts/clues.js';
import { api, ApiError } from '../../lib/api.js';
import { useAuth } from '../../lib/auth.js';

/**
 * 转为线索 from another record (a reviewed tip, a signed inspection's finding): one click makes the
 * clue and opens it; a record already made into a clue says so (409 names its number).
 */
export function ToClueButton(props: { from: 'tip'; tipId: number } | { from: 'inspection'; inspectionId: number; findingId?: number }) {
  const { can } = useAuth();
  const nav = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  if (!can('clues.manage')) return null;
  const body = props.from === 'tip' ? { tipId: props.tipId } : { inspectionId: props.inspectionId, findingId: props.findingId };
  return (
    <Button
      size="small"
      loading={busy}
      data-testid="to-clue"
      onClick={async () => {
        setBusy(true);
        try {
          const c = await api<Clue>(`/api/clues/from-${props.from}`, { body });
          message.success(`已转为线索（编号 ${c.id}）`);
          await qc.invalidateQueries({ queryKey: ['clues'] });
          nav(`/clues?id=${c.id}`);
        } catch (e) {
          message.error(e instanceof ApiError ? e.message : '转为线索失败');
        } finally {
          setBusy(false);
        }
      }}
    >
      转为线索
    </Button>
  );
}
