/**
 * Where a vehicle stands relative to the intersection's conflict zone, s being its front bumper on
 * its path and the zone [-zoneHalfWidth, zoneHalfWidth] on both paths, plus margin either side.
 */
import type { IntersectionParams } from './intersection.js';

/** The parameters that place the zone and a vehicle's extent. */
export type ZoneParams = Pick<IntersectionParams, 'zoneHalfWidth' | 'margin' | 'vehicleLength'>;

/** Whether a vehicle with its front at s, occupying [s - length, s], overlaps the zone plus margin. */
export function inZone(s: number, p: Readonly<ZoneParams>): boolean {
  const edge = p.zoneHalfWidth + p.margin;
  return s >= -edge && s - p.vehicleLength <= edge;
}

/** Whether a vehicle's rear (front at s) has left the zone plus margin. */
export function clearedZone(s: number, p: Readonly<ZoneParams>): boolean {
  return s - p.vehicleLength > p.zoneHalfWidth + p.margin;
}

/** advanceIntersection's flags for the step's outcome, judged by the zone (OTHER_WENT, 1, is O's decision). */
export const COLLISION = 2;
export const SUCCESS = 4;
