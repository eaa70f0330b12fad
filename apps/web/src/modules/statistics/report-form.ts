import { FIGURE_KEYS, type FigureKey, type FigureValues } from '@yuanqu/contracts';
import { entryText, parseEntry, type EntryError } from './figure-units';

/** The report form: one text per figure, in its display unit ('' = not reported; flags '0' / '1'). */
export type Entries = Record<FigureKey, string>;

export function emptyEntries(): Entries {
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, ''])) as Entries;
}

/** The form filled from stored values (a report being corrected). */
export function entriesFrom(values: Readonly<Record<string, number | null>>): Entries {
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, entryText(k, values[k])])) as Entries;
}

export interface ParsedEntries {
  values: FigureValues;
  errors: Partial<Record<FigureKey, EntryError>>;
  /** How many figures hold a value. */
  filled: number;
}

/** The stored values of the form, exactly, and what is wrong with any entry. */
export function valuesFromEntries(entries: Entries): ParsedEntries {
  const values: FigureValues = {};
  const errors: ParsedEntries['errors'] = {};
  let filled = 0;
  for (const key of FIGURE_KEYS) {
    const parsed = parseEntry(key, entries[key]);
    if (!parsed.ok) errors[key] = parsed.error;
    else if (parsed.value !== null) {
      values[key] = parsed.value;
      filled++;
    }
  }
  return { values, errors, filled };
}
