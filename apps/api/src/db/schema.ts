import type { FigureKey } from '@yuanqu/contracts';
import type { ChainedRow } from '../modules/audit/audit';
import type { DisposalCaseParcelTable, DisposalCaseStateTable, DisposalCaseTable, DisposalMilestoneTable, IdleCaseStepTable, IdleCaseTable, MapLayerTable, ParcelLeaseTable, ParcelStatusTable, ParcelTable, StandardFactoryTable } from './schema-land';
import type { EvaluationAdjustmentTable, EvaluationObjectionTable, EvaluationResultTable, EvaluationRunTable, EvaluationSchemeTable } from './schema-evaluation';
export type { EvaluationAdjustmentTable, EvaluationObjectionTable, EvaluationResultTable, EvaluationRunTable, EvaluationSchemeTable } from './schema-evaluation';
export type { DisposalCaseParcelTable, DisposalCaseStateTable, DisposalCaseTable, DisposalMilestoneTable, IdleCaseStepTable, IdleCaseTable, MapLayerTable, ParcelLeaseTable, ParcelStatusTable, ParcelTable, StandardFactoryTable } from './schema-land';

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

/** Committee-editable parameters, one JSON value per key. */
export interface SettingTable {
  key: string;
  value: string;
  version: number;
  updatedAt: string;
}

/** Writes per table, counted by triggers (see the 20261127T0330 migration): a cheap "has it changed?". */
export interface ChangeCounterTable {
  tableName: string;
  changes: number;
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
  evaluationScheme: EvaluationSchemeTable;
  evaluationAdjustment: EvaluationAdjustmentTable;
  evaluationObjection: EvaluationObjectionTable;
  changeCounter: ChangeCounterTable;
}
