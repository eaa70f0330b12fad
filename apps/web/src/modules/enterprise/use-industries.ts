import { computed, ref } from 'vue';
import type { Industry } from '@yuanqu/contracts';
import { listIndustries } from '../../api/platform';
import { notifyError } from '../../utils/notify';

export interface IndustryOption {
  value: string;
  label: string;
  /** 0 大类, 1 中类, 2 小类: the select indents by it. */
  depth: number;
}

/**
 * Options for the industry select: 大类/中类/小类 only (an enterprise is coded with 2–4 digits;
 * the 门类 letters are headings), labelled "code name".
 */
export function industryOptions(industries: readonly Industry[]): IndustryOption[] {
  return industries
    .filter((i) => /^\d{2,4}$/.test(i.code))
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((i) => ({ value: i.code, label: `${i.code} ${i.name}`, depth: i.code.length - 2 }));
}

const industries = ref<Industry[]>([]);
let pending: Promise<void> | null = null;

export function useIndustries() {
  if (!pending) {
    pending = listIndustries()
      .then((list) => {
        industries.value = list;
      })
      .catch((error: unknown) => {
        pending = null;
        notifyError(error);
      });
  }
  const options = computed(() => industryOptions(industries.value));
  const nameOf = (code: string) => industries.value.find((i) => i.code === code)?.name;
  return { options, nameOf };
}
