/**
 * npm run draft:score — the drafting assistant (起草助手) on the five seed notices: the share of each
 * seed definition's quoted dates, deadlines and quota numbers the draft from the notice's text gets
 * exactly right. `-- --missed` lists the values missed.
 */
import { scoreSeeds, scoreTable } from '../src/server/modules/campaigns/draft/seeds.js';

const rows = scoreSeeds();
console.log(scoreTable(rows));
if (process.argv.includes('--missed'))
  for (const r of rows) if (r.score.missed.length) console.log(`\n${r.code} missed:\n  ${r.score.missed.join('\n  ')}`);
