// Table types of the land module (parcels, leases, status history, standard factories, map
// layers, idle-land and low-efficiency disposal cases); schema.ts lists them in Database.

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
