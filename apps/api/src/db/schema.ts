import type { FigureKey } from '@yuanqu/contracts';
import type { ChainedRow } from '../modules/audit/audit';

/**
 * Kysely table types. Timestamps are ISO-8601 UTC text and booleans 0/1 integers on both
 * databases, so rows read the same from SQLite and PostgreSQL.
 */
export interface UnitTable {
  id: string;
  parentId: string | null;
  kind: string;
  code: string;
  name: string;
  /** Materialised path of ids, `/root/…/self/`, for subtree scope checks by prefix. */
  path: string;
  sortOrder: number;
  createdAt: string;
}

export interface UserTable {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  role: string;
  departments: string;
  enterpriseId: string | null;
  unitIds: string | null;
  status: string;
  failedLogins: number;
  lockedUntil: string | null;
  passwordChangedAt: string;
  mustChangePassword: number;
  lastLoginAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface PasswordHistoryTable {
  id: string;
  userId: string;
  passwordHash: string;
  createdAt: string;
}

export interface SessionTable {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
}

export interface EnterpriseTable {
  id: string;
  uscc: string;
  name: string;
  legalRepresentative: string | null;
  address: string | null;
  unitId: string;
  industryChain: string;
  industryCode: string;
  category: string;
  scale: string;
  scaleSince: string | null;
  establishedOn: string | null;
  twoHigh: number;
  nearYangtze: number;
  cloudAdopted: number;
  cncRate: number | null;
  contactName: string | null;
  contactPhone: string | null;
  description: string | null;
  status: string;
  isDemo: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface EnterpriseQualificationTable {
  id: string;
  enterpriseId: string;
  type: string;
  grantedOn: string;
  expiresOn: string | null;
  certificateNo: string | null;
  position: number;
}

/** The hash-chained audit row, as the audit module defines it. */
export type AuditLogTable = ChainedRow;

/** One row: the chain's last sequence number and hash; updating it serialises audit writers. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface ImportBatchTable {
  id: string;
  kind: string;
  fileHash: string;
  idempotencyKey: string | null;
  userId: string | null;
  createdAt: string;
  rowCount: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** A statistical report: one enterprise, one period, its figures (stored units) and its review state. */
export type StatReportTable = Record<FigureKey, number | null> & {
  id: string;
  enterpriseId: string;
  period: string;
  source: string;
  status: string;
  /** JSON array of FigureWarning. */
  warnings: string;
  warningsAcknowledged: number;
  note: string | null;
  returnReason: string | null;
  submittedBy: string | null;
  submittedAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  importBatchId: string | null;
  version: number;
};

/** A tracked target of the plan (committee data; the plan's ten ship as defaults). */
export interface StatTargetTable {
  id: string;
  code: string;
  name: string;
  metric: string;
  figure: string | null;
  scale: string | null;
  qualification: string | null;
  threshold: number | null;
  unit: string;
  targetValue: number;
  baselineYear: number;
  targetYear: number;
  trendOnly: number;
  riskRatio: number;
  department: string;
  source: string | null;
  sortOrder: number;
  status: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A message to one user, shown in the app; kind and params are rendered in the user's language. */
export interface NotificationTable {
  id: string;
  userId: string;
  kind: string;
  /** JSON object of the kind's parameters. */
  params: string;
  /** What the message is about, to find earlier ones (a reminder: `period/enterpriseId`). */
  ref: string | null;
  createdAt: string;
  readAt: string | null;
}

/** Counted figures pre-added per period, unit (and every ancestor), industry and scale: sums and reporter counts. */
export type StatRollupTable = Record<FigureKey, number> &
  Record<`${FigureKey}N`, number> & {
    period: string;
    unitId: string;
    industryChain: string;
    scale: string;
    reporters: number;
  };

/** A land parcel (地块): outline as GeoJSON text with its bounding box, contract, promises, status. */
export interface ParcelTable {
  id: string;
  code: string;
  name: string | null;
  geometry: string;
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
  registeredAreaSqm: number;
  computedAreaSqm: number;
  landUse: string;
  unitId: string;
  holderEnterpriseId: string | null;
  tenure: string | null;
  priceYuan: number | null;
  contractSignedOn: string | null;
  agreedStartOn: string | null;
  agreedCompletionOn: string | null;
  /** JSON of StandardLand, or null when not 标准地. */
  standard: string | null;
  status: string;
  actualStartOn: string | null;
  developedAreaSqm: number | null;
  investmentYuan: number | null;
  /** JSON of GovernmentDelay, or null. */
  governmentDelay: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ParcelLeaseTable {
  id: string;
  parcelId: string;
  lesseeEnterpriseId: string;
  areaSqm: number;
  fromOn: string;
  toOn: string | null;
  position: number;
}

export interface ParcelStatusTable {
  id: string;
  parcelId: string;
  status: string;
  since: string;
  actor: string | null;
  createdAt: string;
}

/** A standard factory building (标准厂房) and who occupies it. */
export interface StandardFactoryTable {
  id: string;
  code: string;
  name: string;
  unitId: string;
  parcelId: string | null;
  completedOn: string | null;
  floors: number;
  floorAreaSqm: number;
  /** JSON array of { enterpriseId, areaSqm }. */
  occupants: string;
  /** Where the building stands (longitude/latitude), when known. */
  lon: number | null;
  lat: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** An idle-land case: what the rules found, where the procedure stands, how it ended. */
export interface IdleCaseTable {
  id: string;
  parcelId: string;
  holderEnterpriseId: string | null;
  kind: string;
  rule: string;
  idleSince: string;
  /** bigint: PostgreSQL returns it as a string. */
  priceYuan: number | string | null;
  feeYuan: number | string | null;
  cause: string | null;
  option: string | null;
  /** 'fee' | 'recovery' once decided. */
  decision: string | null;
  stage: string;
  outcome: string | null;
  openedOn: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A feature of a map layer (park, zone, axis, shoreline) as GeoJSON text with its bounding box. */
export interface MapLayerTable {
  id: string;
  kind: string;
  name: string;
  unitId: string | null;
  geometry: string;
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
  /** 1 when drawn for illustration, not from survey data. */
  approximate: number;
  source: string | null;
  /** The feature's place in its import file, so the layer reads back in the file's order. */
  position: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One act recorded on an idle-land case; `document` and `detail` are JSON. */
export interface IdleCaseStepTable {
  id: string;
  caseId: string;
  stage: string;
  action: string;
  doneOn: string;
  actor: string;
  document: string | null;
  note: string | null;
  detail: string | null;
  createdAt: string;
}

/** A low-efficiency land disposal case (低效用地处置): kind, reason, who, dates, state. */
export interface DisposalCaseTable {
  id: string;
  code: string;
  kind: string;
  title: string;
  enterpriseId: string | null;
  reason: string;
  /** JSON of EfficiencyFigure, or null. */
  figure: string | null;
  incomingEnterpriseId: string | null;
  incomingProject: string | null;
  department: string;
  responsiblePerson: string | null;
  startOn: string | null;
  deadlineOn: string | null;
  completedOn: string | null;
  state: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface DisposalCaseParcelTable {
  caseId: string;
  parcelId: string;
  position: number;
}

export interface DisposalCaseStateTable {
  id: string;
  caseId: string;
  state: string;
  since: string;
  actor: string | null;
  note: string | null;
  createdAt: string;
}

export interface DisposalMilestoneTable {
  id: string;
  caseId: string;
  title: string;
  dueOn: string | null;
  owner: string | null;
  doneOn: string | null;
  doneBy: string | null;
  position: number;
  createdAt: string;
  updatedAt: string;
}

/** A 亩产效益 run: a copy of the scheme used, the year, the viewer's scope (JSON unit ids, null = all). */
export interface EvaluationRunTable {
  id: string;
  year: number;
  schemeCode: string;
  schemeVersion: number;
  /** JSON of the EvaluationScheme as it was. */
  scheme: string;
  scope: string | null;
  state: string;
  enterprises: number;
  createdBy: string;
  createdAt: string;
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
  inputs: string;
  result: string;
}

/** Committee-editable parameters, one JSON value per key. */
export interface SettingTable {
  key: string;
  value: string;
  version: number;
  updatedAt: string;
}

export interface Database {
  unit: UnitTable;
  user: UserTable;
  passwordHistory: PasswordHistoryTable;
  session: SessionTable;
  enterprise: EnterpriseTable;
  enterpriseQualification: EnterpriseQualificationTable;
  auditLog: AuditLogTable;
  auditHead: AuditHeadTable;
  importBatch: ImportBatchTable;
  statReport: StatReportTable;
  setting: SettingTable;
  statTarget: StatTargetTable;
  notification: NotificationTable;
  statRollup: StatRollupTable;
  parcel: ParcelTable;
  parcelLease: ParcelLeaseTable;
  parcelStatus: ParcelStatusTable;
  standardFactory: StandardFactoryTable;
  idleCase: IdleCaseTable;
  idleCaseStep: IdleCaseStepTable;
  disposalCase: DisposalCaseTable;
  disposalCaseParcel: DisposalCaseParcelTable;
  disposalCaseState: DisposalCaseStateTable;
  disposalMilestone: DisposalMilestoneTable;
  mapLayer: MapLayerTable;
  evaluationRun: EvaluationRunTable;
  evaluationResult: EvaluationResultTable;
}
