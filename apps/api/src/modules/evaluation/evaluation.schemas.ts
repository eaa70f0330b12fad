/** The 亩产效益 responses live in the contracts (evaluation-results.ts), shared with the web app. */
export { compareQuerySchema, compareSchema, previewSchema, runSchema, runSummarySchema } from '@yuanqu/contracts';
export type { ResultRow, RunSummary } from '@yuanqu/contracts';
