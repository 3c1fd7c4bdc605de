import { addDays, addWorkingDays, daysBetween, type WorkCalendar } from '../../../contracts/calendar.js';
import {
  CASE_DECISION_DAYS,
  CASE_PUBLICATION_WORKING_DAYS,
  LIMITATION_YEARS,
  REFERRAL_DECIDE_DAYS,
  REFERRAL_SEND_HOURS,
} from '../../../contracts/cases.js';

/**
 * The deadlines of a case, from the law:
 *  - 行政处罚法 (2021) 第六十条: decide within 90 days of filing (立案); an extension is recorded
 *    with the head's approval and its reason;
 *  - 行政处罚法 第三十六条: no penalty for conduct not discovered within 2 years (5 when citizens'
 *    life or health is endangered with harmful consequences), counted from the day it happened or,
 *    if continuing, ended;
 *  - publication of penalty information within 20 working days of the decision (domain brief; the
 *    working days over the holiday calendar kept as data);
 *  - referral (行政执法机关移送涉嫌犯罪案件的规定, 2020): the head decides within 3 days of the
 *    proposal, the case is referred within 24 hours of approval.
 */
export const decisionDue = (filedOn: string) => addDays(filedOn, CASE_DECISION_DAYS);
export const publicationDue = (cal: WorkCalendar, decidedOn: string) => addWorkingDays(cal, decidedOn, CASE_PUBLICATION_WORKING_DAYS);

/** The same day `years` later (29 February → 28 February). */
export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  if (md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return `${y}-02-28`;
  return `${y}-${md}`;
}

export interface Limitation {
  years: number;
  expiresOn: string;
  /** The discovery lies after the limitation. */
  expired: boolean;
  /** Days left on the discovery day (negative when expired). */
  daysLeft: number;
}
export function limitation(violationDate: string, discoveredOn: string, healthHarm: boolean): Limitation {
  const years = healthHarm ? LIMITATION_YEARS.healthHarm : LIMITATION_YEARS.ordinary;
  const expiresOn = addYears(violationDate, years);
  const daysLeft = daysBetween(discoveredOn, expiresOn);
  return { years, expiresOn, expired: daysLeft < 0, daysLeft };
}

/** A limitation close to running out on filing is worth a warning. */
export const LIMITATION_WARN_DAYS = 60;

export const referralDecideDue = (proposedAt: Date) => new Date(proposedAt.getTime() + REFERRAL_DECIDE_DAYS * 86_400_000);
export const referralSendDue = (approvedAt: Date) => new Date(approvedAt.getTime() + REFERRAL_SEND_HOURS * 3_600_000);
