/** The 亩产效益 responses live in the contracts, shared with the web app. */
export { compareQuerySchema, compareSchema, previewSchema, resultRowSchema, runSchema, runSummarySchema, schemeRefSchema } from '@yuanqu/contracts';
export type { ResultRow, RunSummary } from '@yuanqu/contracts';
