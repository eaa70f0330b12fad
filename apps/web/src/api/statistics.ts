import type {
  EnterpriseFigures,
  FigureKey,
  FigureValues,
  FigureWarning,
  FigureImportWarning,
  Frequency,
  GroupBy,
  ImportResult,
  IndustryChain,
  Overdue,
  ReminderResult,
  Report,
  ReportList,
  ReportStatus,
  Scale,
  Series,
  StatisticsSettings,
  Summary,
} from '@yuanqu/contracts';
import { API_BASE, ApiError, queryString, request } from './client';
import { uploadImport, type UploadOptions } from './upload';

/** Which enterprises an aggregate covers (the API's statistics filter). */
export interface StatisticsFilters {
  unitId?: string;
  industryChain?: IndustryChain;
  scale?: Scale;
}

export function getSummary(query: StatisticsFilters & { period: string; groupBy: GroupBy }): Promise<Summary> {
  return request<Summary>('/statistics/summary', { query: { ...query } });
}

export function getSeries(query: StatisticsFilters & { figure: FigureKey; frequency: Frequency; from: number; to: number }): Promise<Series> {
  return request<Series>('/statistics/series', { query: { ...query } });
}

/** An enterprise's counted figures of a year, with 当月 and 同比 (an enterprise user: only its own). */
export function getEnterpriseFigures(enterpriseId: string, year: number): Promise<EnterpriseFigures> {
  return request<EnterpriseFigures>(`/statistics/enterprises/${encodeURIComponent(enterpriseId)}/figures`, { query: { year } });
}

export interface ReportQuery {
  status: ReportStatus | 'all';
  period?: string;
  enterpriseId?: string;
  page: number;
  pageSize: number;
}

export function listReports(query: ReportQuery): Promise<ReportList> {
  return request<ReportList>('/statistics/reports', { query: { ...query } });
}

export interface ReportBody {
  enterpriseId: string;
  period: string;
  values: FigureValues;
  note: string | null;
  acknowledgeWarnings: boolean;
}

/**
 * An enterprise's report waits for review; the committee's counts at once, after a 422
 * WARNINGS_UNACKNOWLEDGED the user must confirm (resend with acknowledgeWarnings).
 */
export function submitReport(body: ReportBody): Promise<Report> {
  return request<Report>('/statistics/reports', { method: 'POST', body });
}

const reportPath = (id: string, action: string) => `/statistics/reports/${encodeURIComponent(id)}/${action}`;

export function approveReport(id: string, version: number, acknowledgeWarnings: boolean): Promise<Report> {
  return request<Report>(reportPath(id, 'approve'), { method: 'POST', body: { version, acknowledgeWarnings } });
}

export function returnReport(id: string, version: number, reason: string): Promise<Report> {
  return request<Report>(reportPath(id, 'return'), { method: 'POST', body: { version, reason } });
}

/** Enterprises that owe a period's report: none counted and none waiting for review. */
export function getOverdue(period: string): Promise<Overdue> {
  return request<Overdue>('/statistics/overdue', { query: { period } });
}

/** Sends an in-app reminder to the accounts of the enterprises that owe a period (all of them when none are named). */
export function remindOverdue(period: string, enterpriseIds?: string[]): Promise<ReminderResult> {
  return request<ReminderResult>('/statistics/reminders', { method: 'POST', body: { period, enterpriseIds } });
}

export const FIGURES_TEMPLATE_URL = `${API_BASE}/statistics/import-template`;

/** Imports a figures workbook, all rows or none; warnings stop it until confirmed (acknowledgeWarnings). */
export function importFigures(file: File, options: UploadOptions & { acknowledgeWarnings?: boolean }): Promise<ImportResult> {
  return uploadImport(`/statistics/import${options.acknowledgeWarnings ? '?acknowledgeWarnings=true' : ''}`, file, options);
}

/** The summary table of the view as xlsx (a plain link: the browser streams the file). */
export function statisticsExportUrl(query: StatisticsFilters & { period: string; groupBy: GroupBy }): string {
  return `${API_BASE}/statistics/export${queryString({ ...query })}`;
}

/** The day a period's report is due (any role; an enterprise sees its own deadline). */
export function getDue(period: string): Promise<{ period: string; dueOn: string }> {
  return request('/statistics/due', { query: { period } });
}

export function getStatisticsSettings(): Promise<StatisticsSettings> {
  return request<StatisticsSettings>('/statistics/settings');
}

export function updateStatisticsSettings(body: StatisticsSettings): Promise<StatisticsSettings> {
  return request<StatisticsSettings>('/statistics/settings', { method: 'PUT', body });
}

/** The warnings a 422 WARNINGS_UNACKNOWLEDGED carries, or null for any other failure. */
export function unacknowledgedWarnings(error: unknown): FigureWarning[] | null {
  if (!(error instanceof ApiError) || error.code !== 'WARNINGS_UNACKNOWLEDGED') return null;
  const warnings = (error.details as { warnings?: unknown } | null)?.warnings;
  return Array.isArray(warnings) ? (warnings as FigureWarning[]) : [];
}

/** The warnings of a figures import refused until they are confirmed, or null for any other error. */
export function importWarnings(error: unknown): FigureImportWarning[] | null {
  if (!(error instanceof ApiError) || error.code !== 'WARNINGS_UNACKNOWLEDGED') return null;
  const list = (error.details as { warnings?: unknown } | null)?.warnings;
  return Array.isArray(list) ? (list as FigureImportWarning[]) : [];
}
