/** Limits shared by the API and the web forms. */
export const LIMITS = {
  pageSizeMax: 200,
  pageSizeDefault: 20,
  nameMax: 100,
  textMax: 500,
  passwordMin: 8,
  passwordMinAdmin: 12,
  passwordMax: 128,
  importBytesMax: 20 * 1024 * 1024,
  importRowsMax: 200_000,
} as const;

/** 1 亩 = 10000/15 ㎡. */
export const SQM_PER_MU = 10000 / 15;
