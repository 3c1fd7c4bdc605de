import type { FastifyPluginAsync } from 'fastify';
import {
  assessmentQuery,
  assessmentRuleView,
  assessmentView,
  overviewQuery,
  overviewView,
  saveAssessmentRuleInput,
} from '../../../contracts/overview.js';
import { VERSIONED_UPDATE } from '../../core/http.js';
import { router } from '../../core/route.js';
import { getAssessment } from './use-cases/get-assessment.js';
import { getAssessmentRule } from './use-cases/get-assessment-rule.js';
import { getOverview } from './use-cases/get-overview.js';
import { saveAssessmentRule } from './use-cases/save-assessment-rule.js';

export const overviewRoutes: FastifyPluginAsync = async (app) => {
  const r = router(app, ['工作概览与考核']);
  r.get(
    '/api/overview',
    {
      access: 'overview.read',
      summary: '工作概览（领导驾驶舱）：本辖区专项行动进度、各单位检查指标完成情况、问题类型、每月立案与罚没款、各单位排名',
      description:
        "All figures for the caller's area. `campaignId` (optional) selects the campaign whose progress and quota coverage are shown; unknown or not visible → 404. `from`/`to` (Beijing dates) default to the campaign's period up to today, or the last 12 months; a date outside the campaign's period → 400 PERIOD_OUTSIDE_CAMPAIGN. The monthly series covers the 12 months ending with the month of `to`.",
      query: overviewQuery,
      response: overviewView,
    },
    ({ ctx, query }) => getOverview(ctx, query),
  );
  r.get(
    '/api/assessment',
    {
      access: 'overview.read',
      summary: '专项行动考核：本辖区下级各单位得分、排名及各项指标明细',
      description:
        'Scores each unit below the caller (stations under a county bureau, counties under a city; a station sees itself) by the assessment rule in force. Indicators no module contributes show null (暂无数据) and add no points. Period rules as in GET /api/overview.',
      query: assessmentQuery,
      response: assessmentView,
    },
    ({ ctx, query }) => getAssessment(ctx, query),
  );
  r.get(
    '/api/assessment-rule',
    { access: 'overview.read', summary: '现行考核规则（指标与权重）、历次版本与可用指标', response: assessmentRuleView },
    ({ ctx }) => getAssessmentRule(ctx),
  );
  r.put(
    '/api/assessment-rule',
    {
      access: 'overview.manage',
      summary: '修订考核指标与权重（须填修订理由，保存为新版本）',
      description: `${VERSIONED_UPDATE} The version is the rule version read (0 = the bundled default). Weights must add up to 100 (400 VALIDATION); an indicator neither contributed nor reserved → 400 UNKNOWN_INDICATOR.`,
      body: saveAssessmentRuleInput,
      response: assessmentRuleView,
    },
    ({ ctx, body }) => saveAssessmentRule(ctx, body),
  );
};
