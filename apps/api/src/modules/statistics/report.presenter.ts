import type { FigureWarning, Report, ReportSource, ReportStatus } from '@yuanqu/contracts';
import { notFound } from '../../lib/errors';
import { enterpriseInScope, type Viewer } from '../auth/viewer';
import { valuesOf, type ReportRecord } from './report.repository';

/**
 * What leaves the server about a report; scope is checked again here. An enterprise sees who of
 * its own people submitted, not the committee's account names.
 */
export function presentReport(r: ReportRecord, viewer: Viewer): Report {
  if (!enterpriseInScope(viewer, { id: r.enterpriseId, unitPath: r.unitPath })) throw notFound('report');
  const outsider = viewer.role === 'enterprise';
  const values = Object.fromEntries(Object.entries(valuesOf(r)).filter(([, v]) => v !== null));
  return {
    id: r.id,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseName,
    uscc: r.uscc,
    period: r.period,
    source: r.source as ReportSource,
    status: r.status as ReportStatus,
    values,
    warnings: JSON.parse(r.warnings) as FigureWarning[],
    warningsAcknowledged: r.warningsAcknowledged === 1,
    note: r.note,
    returnReason: r.returnReason,
    submittedBy: outsider && r.source !== 'portal' ? null : r.submittedBy,
    submittedAt: r.submittedAt,
    reviewedBy: outsider ? null : r.reviewedBy,
    reviewedAt: r.reviewedAt,
    version: r.version,
  };
}
