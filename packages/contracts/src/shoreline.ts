import { z } from 'zod';

/** The Yangtze buffers (methodology §6): 1 km of either shoreline; 3 km of the mainstream. */
export const SHORELINE_BUFFERS_M = { near: 1_000, mainstreamFar: 3_000 } as const;

/**
 * How far something lies from the nearest mainstream and tributary shoreline, in metres on the
 * ellipsoid (null when no such layer has been imported), and the buffers it falls in.
 */
export const shorelineDistanceSchema = z.object({
  mainstream: z.object({
    distanceM: z.number().nullable(),
    within1Km: z.boolean(),
    within3Km: z.boolean(),
    /** The layer measured from is approximate (e.g. the demo's). */
    approximate: z.boolean(),
  }),
  tributary: z.object({
    distanceM: z.number().nullable(),
    within1Km: z.boolean(),
    approximate: z.boolean(),
  }),
});
export type ShorelineDistance = z.infer<typeof shorelineDistanceSchema>;
