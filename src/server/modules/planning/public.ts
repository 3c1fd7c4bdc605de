/** What other modules and the demo data use of planning: generating and publishing a campaign's plan. */
export { generatePlanForCampaign } from './use-cases/generate-plan.js';
export { publishPlan } from './use-cases/publish-plan.js';
