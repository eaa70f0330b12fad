/** The only source of "now" in services, so tests can move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and advance. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const CHINA_OFFSET = 8 * HOUR;

/** The calendar date (`YYYY-MM-DD`) in China Standard Time (UTC+8, no daylight saving), where the committee works. */
export function localDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET).toISOString().slice(0, 10);
}
