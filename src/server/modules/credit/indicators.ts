import type { FindingSeverity } from '../../../contracts/inspections.js';
import { findingCountsBySeverity } from '../inspections/public.js';
import { sqlIndicator, type CreditIndicator } from './public.js';

const SEVERITY_OF: Record<string, FindingSeverity> = {
  'inspections.findings_severe': 'severe',
  'inspections.findings_serious': 'serious',
  'inspections.findings_general': 'general',
};
/** The three severities of one rule are counted in a single scan of the findings. */
const findingsFamily: CreditIndicator['family'] = {
  key: 'inspections.findings',
  select: (keys, q) => findingCountsBySeverity({ ...q, severities: keys.map((k) => SEVERITY_OF[k]!) }),
};
const finding = (key: string, label: string): CreditIndicator => ({
  ...sqlIndicator({ key, label, unit: '项', select: (q) => findingCountsBySeverity({ ...q, severities: [SEVERITY_OF[key]!] }) }),
  family: findingsFamily,
});

/** Findings of done inspections by severity (the inspections module's records, read through its public.ts). */
export const inspectionFindingIndicators: CreditIndicator[] = [
  finding('inspections.findings_severe', '检查发现严重问题'),
  finding('inspections.findings_serious', '检查发现较重问题'),
  finding('inspections.findings_general', '检查发现一般问题'),
];
