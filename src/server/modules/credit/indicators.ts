import { findingCountsSelect } from '../inspections/public.js';
import { sqlIndicator, type CreditIndicator } from './public.js';

/** Findings of done inspections by severity (the inspections module's records, read through its public.ts). */
export const inspectionFindingIndicators: CreditIndicator[] = [
  sqlIndicator({
    key: 'inspections.findings_severe',
    label: '检查发现严重问题',
    unit: '项',
    select: (q) => findingCountsSelect({ ...q, severity: 'severe' }),
  }),
  sqlIndicator({
    key: 'inspections.findings_serious',
    label: '检查发现较重问题',
    unit: '项',
    select: (q) => findingCountsSelect({ ...q, severity: 'serious' }),
  }),
  sqlIndicator({
    key: 'inspections.findings_general',
    label: '检查发现一般问题',
    unit: '项',
    select: (q) => findingCountsSelect({ ...q, severity: 'general' }),
  }),
];
