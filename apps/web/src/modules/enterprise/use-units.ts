import { computed, ref } from 'vue';
import type { Unit } from '@yuanqu/contracts';
import { listUnits } from '../../api/platform';
import { notifyError } from '../../utils/notify';

export interface UnitNode {
  value: string;
  label: string;
  kind: Unit['kind'];
  code: string;
  children: UnitNode[];
}

/** The flat unit list as a tree (district → base → park → zone), siblings in code order. */
export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  for (const u of units) nodes.set(u.id, { value: u.id, label: u.name, kind: u.kind, code: u.code, children: [] });
  const roots: UnitNode[] = [];
  const sorted = [...units].sort((a, b) => a.code.localeCompare(b.code));
  for (const u of sorted) {
    const node = nodes.get(u.id)!;
    const parent = u.parentId ? nodes.get(u.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

// Units change rarely; one fetch per page load is shared by every page that needs them.
const units = ref<Unit[]>([]);
let pending: Promise<void> | null = null;

/** Fetches the units again, for every page that shows them (after a unit was added). */
function reload(): Promise<void> {
  pending = listUnits()
    .then((list) => {
      units.value = list;
    })
    .catch((error: unknown) => {
      pending = null;
      notifyError(error);
    });
  return pending;
}

export function useUnits() {
  if (!pending) void reload();
  const tree = computed(() => buildUnitTree(units.value));
  const nameOf = (id: string) => units.value.find((u) => u.id === id)?.name;
  return { units, tree, nameOf, reload };
}
