import { scoreSeeds } from '../../src/server/modules/campaigns/draft/seeds.js';
import type { BenchSuite } from '../lib.js';

/**
 * The drafting assistant (起草助手) on the five seed notices: the share of each seed definition's
 * quoted dates, deadlines and quota numbers its draft gets exactly right (same figures as
 * `npm run draft:score`), and the time to draft each notice. No database is used.
 */
const suite: BenchSuite = {
  name: 'draft',
  async run(env) {
    for (const { code, score } of scoreSeeds()) {
      env.figure(`${code} exactly right`, score.share * 100, '%', `${score.right}/${score.total}`);
    }
    const t0 = performance.now();
    const n = 20;
    for (let i = 0; i < n; i++) scoreSeeds();
    env.figure('draft + score, five notices', (performance.now() - t0) / n, 'ms');
  },
};
export default suite;
