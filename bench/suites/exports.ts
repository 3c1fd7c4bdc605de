import { IMPORT_COLUMNS } from '../../src/contracts/entities.js';
import { entityWorkbook } from '../../src/server/modules/entities/entity-sheet.js';
import { syntheticOutput } from '../../src/server/modules/planning/fixtures/output-rows.js';
import { planWorkbook } from '../../src/server/modules/planning/use-cases/export-plan.js';
import { printHtml } from '../../src/server/modules/planning/use-cases/print-plan.js';
import { sample as sampleWall, type BenchSuite } from '../lib.js';

/** p50 wall time, plus this process's CPU time per run (the wall time is inflated on a busy machine). */
async function sample(n: number, fn: () => Promise<unknown>, warmup: number) {
  const c0 = process.cpuUsage();
  const s = await sampleWall(n, fn, warmup);
  const c = process.cpuUsage(c0);
  return { ...s, cpu: (c.user + c.system) / 1000 / (n + warmup) };
}

const ROWS = 50_000;

/**
 * The output builders at 50,000 rows (target < 2 s each): the plan workbook (streamed), the print
 * page, and the entity workbook in the import layout (the export's upper limit). The rows are
 * generated in memory, so these figures are the building cost alone, not the queries before it.
 */
const suite: BenchSuite = {
  name: 'exports',
  async run(env) {
    const n = env.scale === 'province' ? ROWS : 5_000;
    const { tasks, coverage } = syntheticOutput(n, 40);
    let bytes = 0;
    const plan = await sample(3, async () => (bytes = (await planWorkbook(tasks, coverage)).length), 1);
    env.figure(
      `plan Excel export, ${n.toLocaleString('en')} tasks p50`,
      plan.p50,
      'ms',
      `${(bytes / 2 ** 20).toFixed(1)} MiB; max ${plan.max.toFixed(0)} ms; CPU ${plan.cpu.toFixed(0)} ms/run; target < 2 s`,
    );
    const head = { name: '基准方案', campaignName: '基准专项行动', status: '已发布', seed: env.seed };
    const print = await sample(3, async () => (bytes = printHtml(head, tasks, coverage, '2026-12-01 09:00').length), 1);
    env.figure(
      `print view, ${n.toLocaleString('en')} tasks p50`,
      print.p50,
      'ms',
      `${(bytes / 2 ** 20).toFixed(1)} MiB of HTML; max ${print.max.toFixed(0)} ms; CPU ${print.cpu.toFixed(0)} ms/run; target < 2 s`,
    );
    const units = Array.from({ length: n }, (_, i) => {
      const r: Record<string, string> = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.field, '']));
      return Object.assign(r, {
        name: `基准大药房（第${i}分店）`,
        creditCode: `91211103${String(10_000_000 + i)}`,
        kind: '零售药店（连锁门店）',
        licenceKind: '药品经营许可证',
        licenceNumber: `辽CB${String(i).padStart(7, '0')}`,
        licenceValidTo: '2027-06-30',
        station: `基准${i % 40}所`,
        address: `基准路${i}号`,
        phone: '13900000000',
        riskLevel: '低',
        creditGrade: 'B',
        status: '正常经营',
        tags: i % 3 ? '' : '集采中选药品',
      });
    });
    const entities = await sample(3, async () => (bytes = (await entityWorkbook(units, 0)).length), 1);
    env.figure(
      `entity Excel export, ${n.toLocaleString('en')} units p50`,
      entities.p50,
      'ms',
      `${(bytes / 2 ** 20).toFixed(1)} MiB; max ${entities.max.toFixed(0)} ms; CPU ${entities.cpu.toFixed(0)} ms/run; target < 2 s`,
    );
  },
};
export default suite;
