import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { ApiError } from './api.js';
import { staleCurrent } from './conflict.js';
import { applyServerErrors } from './form-errors.js';

interface SubmitOptions {
  /** Server refusals that name a field are shown next to it. */
  form?: FormInstance;
  /** Shown when the write failed without the server's word (the network, say). */
  failed?: string;
  /**
   * Someone else saved the record first (409 STALE_VERSION): reload it instead of showing the
   * refusal, and tell the user to check and act again.
   */
  onStale?(): unknown;
}

/**
 * A form's or a button's write, one at a time: `busy` while it runs; a refusal is shown where it
 * belongs (next to its field, or as a message). `run` resolves to the write's result (undefined for a
 * write that returns nothing), or `false` when it was refused.
 */
export function useSubmit({ form, failed = '操作失败', onStale }: SubmitOptions = {}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  async function run<T>(write: () => Promise<T>): Promise<T | false> {
    setBusy(true);
    try {
      return await write();
    } catch (e) {
      if (onStale && staleCurrent(e)) {
        message.warning('该记录已被他人修改，已载入最新情况，请核对后再操作');
        await onStale();
        return false;
      }
      const shown = !(e instanceof ApiError) ? failed : form ? applyServerErrors(form, e) : e.message;
      if (shown) message.error(shown);
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, run };
}
