import type { EnterpriseLand, Factory, FactoryInput, FactorySummary, FactoryUpdate, ImportResult, MapLayerCollection, Parcel, ParcelCollection, ParcelMapCollection, ParcelStatus } from '@yuanqu/contracts';
import type { BasemapConfig } from '../components/map/basemap';
import { request } from './client';
import { uploadImport, type UploadOptions } from './upload';

/** The list filters of the land page; the server matches `q` against code, name and holder. */
export interface ParcelFilters {
  status?: ParcelStatus;
  q?: string;
}

/** The parcels in scope as a GeoJSON FeatureCollection (lon/lat). */
export function listParcels(filters: ParcelFilters): Promise<ParcelCollection> {
  return request<ParcelCollection>('/land/parcels', { query: { ...filters } });
}

/** The parcels for the map and its table: outline, code, name, status, holder, unit and 亩. */
export function listParcelMap(filters: ParcelFilters): Promise<ParcelMapCollection> {
  return request<ParcelMapCollection>('/land/parcels/map', { query: { ...filters } });
}

/** One parcel, whole: contract, promises, status history, leases, distance to the shoreline. */
export function getParcel(id: string): Promise<Parcel> {
  return request<Parcel>(`/land/parcels/${encodeURIComponent(id)}`);
}

/** Imports parcels from a GeoJSON file or a zipped Shapefile: all of them, or none with the problems listed. */
export function importParcels(file: File, options: UploadOptions): Promise<ImportResult> {
  return uploadImport('/land/parcels/import', file, options);
}

/** The map layers (parks, zones, the axis, the shorelines) in scope, as GeoJSON (lon/lat). */
export function listMapLayers(): Promise<MapLayerCollection> {
  return request<MapLayerCollection>('/land/layers');
}

/** The basemap the server has configured (天地图 with its key), or none. */
export function getBasemap(): Promise<BasemapConfig> {
  return request<BasemapConfig>('/land/basemap');
}

/** An enterprise's land today: own + leased in − leased out. */
export function getEnterpriseLand(enterpriseId: string): Promise<EnterpriseLand> {
  return request<EnterpriseLand>(`/land/enterprises/${encodeURIComponent(enterpriseId)}/area`);
}

/** The idle-land rules applied to every parcel on a day (default today). */
export interface IdleCheck {
  asOf: string;
  items: { parcelId: string; code: string; name: string | null; holderName: string | null; kind: 'idleFee' | 'recovery' | 'governmentDelay'; idleSince: string; fullYears: number; feeYuan: number | null }[];
}

export function getIdleCheck(): Promise<IdleCheck> {
  return request<IdleCheck>('/land/idle-check');
}

/** Standard factory buildings in scope, newest completion first, with their zone's and occupants' names. */
export function listFactories(): Promise<Factory[]> {
  return request<Factory[]>('/land/factories');
}

/** Floor area completed each year (this year up to today) against the yearly goal of the plan's target. */
export function getFactorySummary(): Promise<FactorySummary> {
  return request<FactorySummary>('/land/factories/summary');
}

export function createFactory(body: FactoryInput): Promise<Factory> {
  return request<Factory>('/land/factories', { method: 'POST', body });
}

/** A stale version answers 409 CONFLICT with the building as it now stands in `details.current`. */
export function updateFactory(id: string, patch: FactoryUpdate): Promise<Factory> {
  return request<Factory>(`/land/factories/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch });
}
