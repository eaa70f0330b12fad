// Table types of the 亩产效益 evaluation (scheme versions, runs, results, staff adjustments, objections);
// schema.ts lists them in Database.

/** A 亩产效益 run: a copy of the scheme used, the year, the viewer's scope (JSON unit ids, null = all), its review. */
export interface EvaluationRunTable {
  id: string;
  year: number;
  schemeCode: string;
  schemeVersion: number;
  /** JSON of the EvaluationScheme as it was. */
  scheme: string;
  scope: string | null;
  /** draft → submitted → approved → published (→ superseded by a later publication of the year). */
  state: string;
  enterprises: number;
  createdBy: string;
  createdAt: string;
  submittedBy: string | null;
  submittedAt: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  publishedBy: string | null;
  publishedAt: string | null;
  version: number;
  /** The scheme version the run used (null for runs made before schemes were data). */
  schemeId: string | null;
  /** JSON RunBasis: per group, the benchmarks and class floors its results share (null: a run whose results were kept whole). */
  basis: string | null;
}

/** One version of a 亩产效益 scheme; `body` is the EvaluationScheme as JSON. Frozen (1) once a run used it. */
export interface EvaluationSchemeTable {
  id: string;
  code: string;
  schemeVersion: number;
  name: string;
  body: string;
  frozen: number;
  basedOn: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** One enterprise's result in a run, with the inputs (JSON) it was computed from. */
export interface EvaluationResultTable {
  runId: string;
  enterpriseId: string;
  groupKey: string | null;
  status: string;
  total: number | null;
  rank: number | null;
  class: string | null;
  /** Years in this class without a break, this one included; set when the run is published. */
  consecutive: number | null;
  inputs: string;
  result: string;
}

/** A staff adjustment to one enterprise in a draft run: 加分, 减分, 一票否决 or T, with reason and evidence. */
export interface EvaluationAdjustmentTable {
  id: string;
  runId: string;
  enterpriseId: string;
  kind: string;
  code: string;
  points: number | null;
  reason: string;
  evidence: string;
  createdBy: string;
  createdAt: string;
}

/** An enterprise's objection (异议) to its published result, and the committee's answer. */
export interface EvaluationObjectionTable {
  id: string;
  runId: string;
  enterpriseId: string;
  text: string;
  filedBy: string;
  filedAt: string;
  /** open | answered */
  state: string;
  /** maintained (维持) | corrected (予以更正) */
  outcome: string | null;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  version: number;
}
