import proj4 from 'proj4';

/**
 * Coordinate systems a parcel file may come in: CGCS2000 longitude/latitude, or CGCS2000 3-degree
 * Gauss-Krüger on the 117°E central meridian (zone 39, the base's), with or without the zone
 * number before the easting. CGCS2000's ellipsoid is GRS80 to within 0.1 mm.
 */
export type Crs = 'lonlat' | 'gk117' | 'gk117zone';

const GK117 = '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const GK117_ZONE = '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=39500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const LONLAT = '+proj=longlat +ellps=GRS80 +no_defs';

const inChina = ([x, y]: number[]) => x! >= 73 && x! <= 136 && y! >= 3 && y! <= 54;

/** Which system the positions are in, judged from their ranges; null when none fits. */
export function guessCrs(positions: number[][]): Crs | null {
  if (positions.every(inChina)) return 'lonlat';
  if (positions.every(([x, y]) => x! > 39_000_000 && x! < 40_000_000 && y! > 300_000 && y! < 6_000_000)) return 'gk117zone';
  if (positions.every(([x, y]) => x! > 0 && x! < 1_000_000 && y! > 300_000 && y! < 6_000_000)) return 'gk117';
  return null;
}

/** Positions in longitude/latitude, rounded to 1e-8° (about a millimetre). */
export function toLonLat(positions: number[][], crs: Crs): number[][] {
  if (crs === 'lonlat') return positions.map(([x, y]) => [x!, y!]);
  const convert = proj4(crs === 'gk117' ? GK117 : GK117_ZONE, LONLAT);
  return positions.map(([x, y]) => convert.forward([x!, y!]).map((v) => Math.round(v * 1e8) / 1e8));
}
