import { z } from 'zod';
import { shorelineDistanceSchema } from './shoreline';

/** How a parcel is held: 出让 (transfer), 划拨 (allocation), 租赁 (lease). */
export const TENURES = ['transfer', 'allocation', 'lease'] as const;
export type Tenure = (typeof TENURES)[number];

/** 未供 / 已供未动工 / 在建 / 投产 / 停产 / 收回. */
export const PARCEL_STATUSES = ['unsupplied', 'suppliedNotStarted', 'underConstruction', 'producing', 'suspended', 'recovered'] as const;
export type ParcelStatus = (typeof PARCEL_STATUSES)[number];

export const LAND_USES = ['industrial', 'warehousing', 'commercial', 'public', 'other'] as const;
export type LandUse = (typeof LAND_USES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const position = z.tuple([z.number(), z.number()]).rest(z.number());
const ring = z.array(position).min(4).max(10_000);

/** A parcel's outline: GeoJSON Polygon or MultiPolygon in longitude/latitude (CGCS2000 ≈ WGS84). */
export const parcelGeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1).max(50) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1).max(50)).min(1).max(50) }),
]);
export type ParcelGeometry = z.infer<typeof parcelGeometrySchema>;

/** An enterprise renting part of a parcel from its holder. */
export const parcelLeaseSchema = z.strictObject({
  lesseeEnterpriseId: z.string().max(40),
  areaSqm: z.number().positive(),
  from: isoDate,
  to: isoDate.nullable(),
});
export type ParcelLease = z.infer<typeof parcelLeaseSchema>;

/**
 * Causes that make an idle parcel the government's doing (闲置土地处置办法 第八条): no fee and no
 * forfeiture; the lawful options are offered instead.
 */
export const GOVERNMENT_DELAY_CAUSES = ['landNotDelivered', 'planRevised', 'policyChange', 'petition', 'militaryOrRelics', 'otherGovernment', 'forceMajeure'] as const;
export type GovernmentDelayCause = (typeof GOVERNMENT_DELAY_CAUSES)[number];
/** 延长动工期限（≤1年）、调整用途或规划条件、临时使用（≤2年）、协议有偿收回、置换土地. */
export const GOVERNMENT_DELAY_OPTIONS = ['extendStart', 'changeUse', 'temporaryUse', 'paidRecovery', 'landSwap'] as const;

export const governmentDelaySchema = z.strictObject({
  cause: z.enum(GOVERNMENT_DELAY_CAUSES),
  note: z.string().trim().max(500).nullable(),
  recordedOn: isoDate,
});
export type GovernmentDelay = z.infer<typeof governmentDelaySchema>;

/** What a 标准地 parcel's holder promised in its contract (methodology §3). */
export const standardLandSchema = z.strictObject({
  /** 固定资产投资强度, 万元/亩. */
  investmentIntensity: z.number().min(0).nullable(),
  plotRatio: z.number().min(0).nullable(),
  /** 亩均税收, 万元/亩. */
  taxPerMu: z.number().min(0).nullable(),
  /** 单位能耗标准, 吨标准煤/万元. */
  energyPerValue: z.number().min(0).nullable(),
  /** 单位排放标准, 千克/万元. */
  emissionPerValue: z.number().min(0).nullable(),
});
export type StandardLand = z.infer<typeof standardLandSchema>;

const parcelShape = {
  code: z.string().trim().regex(/^[A-Za-z0-9\-_]{2,40}$/, 'parcel.code'),
  name: z.string().trim().max(100).nullable(),
  geometry: parcelGeometrySchema,
  /** The area on the land certificate or contract, ㎡. */
  registeredAreaSqm: z.number().positive(),
  landUse: z.enum(LAND_USES),
  unitId: z.string().max(40),
  holderEnterpriseId: z.string().max(40).nullable(),
  tenure: z.enum(TENURES).nullable(),
  /** Land price, 元. */
  priceYuan: z.number().int().min(0).nullable(),
  contractSignedOn: isoDate.nullable(),
  agreedStartOn: isoDate.nullable(),
  agreedCompletionOn: isoDate.nullable(),
  standard: standardLandSchema.nullable(),
  status: z.enum(PARCEL_STATUSES),
  actualStartOn: isoDate.nullable(),
  developedAreaSqm: z.number().min(0).nullable(),
  /** Investment to date excluding land price and taxes, 元. */
  investmentYuan: z.number().int().min(0).nullable(),
  /** A recorded government-caused delay: the idle-land rules then charge no fee. */
  governmentDelay: governmentDelaySchema.nullable().default(null),
  leases: z.array(parcelLeaseSchema).max(50),
};

export const parcelInputSchema = z.strictObject(parcelShape);
export type ParcelInput = z.infer<typeof parcelInputSchema>;
export const parcelUpdateSchema = z.strictObject(parcelShape).partial().extend({ version: z.number().int().min(1), statusSince: isoDate.optional() });
export type ParcelUpdate = z.infer<typeof parcelUpdateSchema>;

export const parcelSchema = z.object({
  id: z.string(),
  ...parcelShape,
  leases: z.array(parcelLeaseSchema.extend({ lesseeName: z.string().nullable() })),
  /** The park or zone the parcel lies in. */
  unitName: z.string(),
  /** The area of the outline on the CGCS2000 ellipsoid, ㎡. */
  computedAreaSqm: z.number(),
  /** The registered area in 亩 (1 亩 = 10000/15 ㎡). */
  areaMu: z.number(),
  /** The outline's area differs from the registered one by more than the tolerance. */
  areaMismatch: z.boolean(),
  holderName: z.string().nullable(),
  /** Metres to the Yangtze mainstream and tributary shorelines, and the buffers the parcel falls in. */
  shorelineDistance: shorelineDistanceSchema,
  statusHistory: z.array(z.object({ status: z.enum(PARCEL_STATUSES), since: z.string(), actor: z.string().nullable() })),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Parcel = z.infer<typeof parcelSchema>;

export const parcelListQuerySchema = z.strictObject({
  unitId: z.string().max(40).optional(),
  status: z.enum(PARCEL_STATUSES).optional(),
  holderEnterpriseId: z.string().max(40).optional(),
  q: z.string().trim().max(50).optional(),
});
export type ParcelListQuery = z.infer<typeof parcelListQuerySchema>;

/** The parcels as a GeoJSON FeatureCollection, properties without the outline. */
export const parcelCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.object({ type: z.literal('Feature'), id: z.string(), geometry: parcelGeometrySchema, properties: parcelSchema.omit({ geometry: true }) })),
});
export type ParcelCollection = z.infer<typeof parcelCollectionSchema>;

/** What the land map and its table need of each parcel (the card loads the whole parcel by id). */
export const parcelMapCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string(),
      geometry: parcelGeometrySchema,
      properties: parcelSchema.pick({ id: true, code: true, name: true, status: true, holderEnterpriseId: true, holderName: true, unitName: true, areaMu: true }),
    }),
  ),
});
export type ParcelMapCollection = z.infer<typeof parcelMapCollectionSchema>;

/** An enterprise's land for the 亩产效益 evaluation: own + leased in − leased out. */
export const enterpriseLandSchema = z.object({
  enterpriseId: z.string(),
  ownSqm: z.number(),
  leasedInSqm: z.number(),
  leasedOutSqm: z.number(),
  totalSqm: z.number(),
  totalMu: z.number(),
  asOf: z.string(),
});
export type EnterpriseLand = z.infer<typeof enterpriseLandSchema>;

/** A standard factory building (标准厂房): floor area, completion, and who occupies how much. */
export const factoryInputSchema = z.strictObject({
  code: z.string().trim().regex(/^[A-Za-z0-9\-_]{2,40}$/, 'factory.code'),
  name: z.string().trim().min(2).max(100),
  unitId: z.string().max(40),
  parcelId: z.string().max(40).nullable(),
  completedOn: isoDate.nullable(),
  floors: z.number().int().min(1).max(60),
  floorAreaSqm: z.number().positive(),
  occupants: z.array(z.strictObject({ enterpriseId: z.string().max(40), areaSqm: z.number().positive() })).max(100),
  /** Where the building stands, [longitude, latitude] in CGCS2000 (within China); null when not placed. */
  location: z.tuple([z.number().min(73).max(136), z.number().min(3).max(54)]).nullable().optional(),
});
export type FactoryInput = z.infer<typeof factoryInputSchema>;
export const factoryUpdateSchema = factoryInputSchema.partial().extend({ version: z.number().int().min(1) });
export type FactoryUpdate = z.infer<typeof factoryUpdateSchema>;

export const factorySchema = factoryInputSchema.extend({
  id: z.string(),
  /** The park or zone the building lies in. */
  unitName: z.string(),
  occupants: z.array(z.object({ enterpriseId: z.string(), name: z.string().nullable(), areaSqm: z.number() })),
  occupiedSqm: z.number(),
  /** Occupied floor area as a share of the whole (0–1). */
  occupancy: z.number(),
  version: z.number().int(),
});
export type Factory = z.infer<typeof factorySchema>;

/** The floor area completed in one year (completion dated in it, up to today). */
export const factoryYearSchema = z.object({ year: z.number().int(), completedSqm: z.number(), buildings: z.number().int() });
export type FactoryYear = z.infer<typeof factoryYearSchema>;

/** Standard factory buildings against the plan's yearly goal (target standardFactory2025), in the viewer's scope. */
export const factorySummarySchema = z.object({
  /** The target's yearly goal, ㎡; null when there is no such target or it has no number. */
  goalSqmPerYear: z.number().nullable(),
  /** Every year from the first completion to the current one, years without a completion included. */
  years: z.array(factoryYearSchema),
  currentYear: z.number().int(),
  /** Completed so far this year, ㎡. */
  currentYearSqm: z.number(),
  /** currentYearSqm / goal (may pass 1); null without a goal. */
  progress: z.number().nullable(),
  /** Floor area of the buildings completed by today, and how much of it is occupied. */
  completedSqm: z.number(),
  occupiedSqm: z.number(),
  /** occupiedSqm / completedSqm (0–1); null with no building. */
  occupancy: z.number().nullable(),
  /** Today in China, the day the figures stand at. */
  asOf: z.string(),
});
export type FactorySummary = z.infer<typeof factorySummarySchema>;
