import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp } from 'antd';
import { useEffect } from 'react';
import { flushOutbox } from './drafts.js';

/**
 * Sends on-site records queued on this phone (待发送) at start and whenever the network comes back,
 * from any page; says how many went out. The first look waits until the page is idle: opening the
 * phone's store (IndexedDB) costs the main thread ~30 ms, which a first load should not wait for.
 */
export function useOutbox(me: number | null) {
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  useEffect(() => {
    if (!me) return;
    const run = () =>
      void flushOutbox(me).then((n) => {
        if (!n) return;
        message.success(`已发送 ${n} 份待发送的检查记录`);
        void qc.invalidateQueries({
          predicate: (q) => ['my-tasks', 'inspections', 'inspection', 'rectifications', 'dashboard'].includes(String(q.queryKey[0])),
        });
      });
    const first = () => navigator.onLine && run();
    const idle = window.requestIdleCallback?.(first, { timeout: 3000 });
    const timer = idle === undefined ? window.setTimeout(first, 1000) : undefined;
    window.addEventListener('online', run);
    return () => {
      if (idle !== undefined) window.cancelIdleCallback(idle);
      window.clearTimeout(timer);
      window.removeEventListener('online', run);
    };
  }, [me, qc, message]);
}
