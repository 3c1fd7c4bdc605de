import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { html } from '../../../contracts/html.js';
import type { CoverageRowDto } from '../../../contracts/plans.js';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Required vs done per rule for one station (horizontal bars, readable on a phone). */
export function StationChart({ rows }: { rows: CoverageRowDto[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const labels = rows.map((r) => (r.label.length > 14 ? `${r.label.slice(0, 14)}…` : r.label) + (r.grade ? `（${r.grade}级）` : ''));
    chart.setOption({
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (ps: any[]) => {
          const r = rows[ps[0].dataIndex];
          // The tooltip is HTML: the label is a campaign manager's text, so it is escaped by `html`.
          return html`${r.label}<br/>应检 ${r.required} 家（现有 ${r.available}）<br/>已检 ${r.done} 家，尚缺 ${r.remaining} 家${r.times > 1 ? html`<br/>每家至少 ${r.times} 次` : ''}`.toString();
        },
      },
      legend: { data: ['应检', '已检'], top: 0 },
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      // One label per bar, cut to the space a phone has (the whole label is in the tooltip).
      yAxis: {
        type: 'category',
        data: labels,
        inverse: true,
        axisLabel: { fontSize: 11, interval: 0, width: Math.min(220, Math.max(96, ref.current.clientWidth * 0.4)), overflow: 'truncate' },
      },
      series: [
        { name: '应检', type: 'bar', data: rows.map((r) => r.required), itemStyle: { color: '#d9d9d9' }, barGap: '-100%', z: 1 },
        {
          name: '已检',
          type: 'bar',
          data: rows.map((r) => Math.min(r.done, r.required)),
          itemStyle: { color: '#52c41a' },
          z: 2,
          label: { show: true, position: 'right', formatter: (p: any) => `${rows[p.dataIndex].done}/${rows[p.dataIndex].required}` },
        },
      ],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [rows]);
  return <div ref={ref} style={{ width: '100%', height: Math.max(160, rows.length * 28 + 48) }} />;
}
