import { ScatterChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import type { AdrFunnel, AdrTrend } from '../../../contracts/adr.js';
import { EChart, type ChartOption } from '../overview/EChart.js';

// The overview's wrapper registers bars, lines and rings; the funnel plot adds scatter points.
echarts.use([ScatterChart]);

/** Reports per month of report date: all and serious (two lines). */
export function TrendChart({ data }: { data: AdrTrend }) {
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: data.map((d) => d.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '全部报告', type: 'line', data: data.map((d) => d.reports) },
        { name: '严重报告', type: 'line', data: data.map((d) => d.serious) },
      ],
    }),
    [data],
  );
  return <EChart option={option} height={240} testId="adr-trend-chart" />;
}

/** Drug reports per million against population per county, with the area's rate and its 95% control limits. */
export function FunnelChart({ data }: { data: AdrFunnel }) {
  const option = useMemo<ChartOption>(() => {
    const pts = data.points.filter((p) => p.population && p.perMillion !== null);
    const line = (name: string, ys: [number, number][], dashed: boolean) => ({
      name,
      type: 'line',
      showSymbol: false,
      data: ys,
      lineStyle: { type: dashed ? 'dashed' : 'solid', width: 1 },
    });
    return {
      tooltip: { trigger: 'item' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 32, bottom: 36 },
      xAxis: { type: 'value', name: '人口（万）', nameLocation: 'middle', nameGap: 24, scale: true },
      yAxis: { type: 'value', name: '每百万人口', scale: true },
      series: [
        {
          name: '县（区）',
          type: 'scatter',
          symbolSize: 10,
          data: pts.map((p) => ({ name: p.countyName, value: [p.population! / 1e4, p.perMillion!] })),
        },
        line(
          '95% 上限',
          data.limits.map((l) => [l.population / 1e4, l.upper]),
          true,
        ),
        line(
          '95% 下限',
          data.limits.map((l) => [l.population / 1e4, l.lower]),
          true,
        ),
        line(
          '全辖区',
          data.limits.map((l) => [l.population / 1e4, data.overallPerMillion ?? 0]),
          false,
        ),
      ],
    };
  }, [data]);
  return <EChart option={option} height={280} testId="adr-funnel-chart" />;
}
