import { type EvaluationScheme, type RunSummary } from '@yuanqu/contracts';
import type { EvaluationRunTable } from '../../db/schema';

export const schemeRef = (s: EvaluationScheme) => ({ code: s.code, version: s.version, name: s.name, reference: s.reference });

/** A run as lists and review steps show it. */
export function runSummary(r: EvaluationRunTable): RunSummary {
  return {
    id: r.id,
    year: r.year,
    scheme: schemeRef(JSON.parse(r.scheme) as EvaluationScheme),
    state: r.state as RunSummary['state'],
    enterprises: r.enterprises,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    submittedBy: r.submittedBy,
    submittedAt: r.submittedAt,
    reviewedBy: r.reviewedBy,
    reviewedAt: r.reviewedAt,
    reviewNote: r.reviewNote,
    publishedBy: r.publishedBy,
    publishedAt: r.publishedAt,
    version: r.version,
  };
}
