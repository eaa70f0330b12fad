import type { EnterpriseListQuery } from '@yuanqu/contracts';
import { keptUnderChanges, readChanges, type Changes } from '../../db/change-counter';
import { likeOperator } from '../../db/dialect';
import type { JsonBytes } from '../../http/json-bytes';
import { enterpriseInScope, type Viewer } from '../auth/viewer';
import { unitMap } from '../unit/unit.repository';
import { scopeKey } from './enterprise-filter';
import { presentListItem } from './enterprise.presenter';
import * as repo from './enterprise.repository';
import { unitPathOf, type EnterpriseDeps } from './enterprise.service';

/** An enterprise's list item as JSON bytes, with the unit it was presented in (for the scope check). */
interface KeptRow {
  unitId: string;
  json: Buffer;
}

/**
 * The list items kept under the change counters (at most 10,000): an item is the same for every
 * viewer allowed to see it (the presenter hides nothing per role in a list row), and it changes
 * only with the enterprise, qualification or unit table.
 */
const keptRows = keptUnderChanges<KeptRow>(10_000);

/**
 * Whole pages kept under the change counters (at most 500), by everything that decides them: the
 * viewer's scope, the filters, the sort and the page. The staff of a park asking for the same first
 * page share one answer until the enterprise, qualification or unit table changes.
 */
const keptPages = keptUnderChanges<JsonBytes>(500);

const OPEN = Buffer.from('{"items":[');
const COMMA = Buffer.from(',');

/**
 * A page of the enterprise list as the bytes of its JSON (`EnterpriseList`, exactly as
 * JSON.stringify writes it), under the change counters the request read with its session (read
 * here when it has none). A page kept under the same counters for the same scope and query is
 * answered as it is; otherwise the database picks the page within the viewer's scope (the total is
 * kept per scope and filter), the items come from the kept rows, each checked against the viewer's
 * scope again as the presenter does, and only rows not kept are read and presented.
 */
export async function listPageJson(deps: EnterpriseDeps, viewer: Viewer, query: EnterpriseListQuery, counters: Changes | null): Promise<JsonBytes> {
  const changes = counters ?? (await readChanges(deps.db));
  const like = likeOperator(deps.config.database);
  return keptPages(deps.db, changes).keep(scopeKey(viewer, like, query), async () => ({ json: await pageJson(deps, viewer, query, like, changes) }));
}

async function pageJson(deps: EnterpriseDeps, viewer: Viewer, query: EnterpriseListQuery, like: 'like' | 'ilike', changes: Changes): Promise<Buffer> {
  let units = await unitMap(deps.db, changes);
  const { ids, total } = await repo.listEnterpriseIds(deps.db, viewer, { ...query, unitPath: unitPathOf(units, query.unitId) }, like, changes);
  const rows = keptRows(deps.db, changes);
  const inScope = (id: string, unitId: string) => enterpriseInScope(viewer, { id, unitPath: units.get(unitId)?.path ?? '' });
  // A kept row outside the viewer's scope is older than the page (the enterprise moved into it
  // after the counters were read): it is read again, like a row not kept.
  const page = ids.map((id) => {
    const row = rows.get(id);
    return row && inScope(id, row.unitId) ? row : undefined;
  });
  const missing = ids.filter((_id, i) => !page[i]);
  if (missing.length > 0) {
    const fetched = await repo.listRowsById(deps.db, missing);
    // Rows name their unit by id: one placed in a unit added since the tree was read needs it re-read.
    if (fetched.some((r) => !units.has(r.unitId))) units = await unitMap(deps.db);
    // One moved out of the viewer's scope since the page was read is left out (the presenter would refuse it).
    const shown = fetched.filter((r) => inScope(r.id, r.unitId));
    const fresh = new Map(shown.map((r) => [r.id, { unitId: r.unitId, json: Buffer.from(JSON.stringify(presentListItem(r, viewer, units))) }]));
    for (const [id, row] of fresh) rows.set(id, row);
    for (let i = 0; i < ids.length; i++) page[i] ??= fresh.get(ids[i]!);
  }
  const parts: Buffer[] = [OPEN];
  for (let i = 0; i < ids.length; i++) {
    const row = page[i];
    // An enterprise deleted or moved out of the viewer's scope since the page was read has no row.
    if (!row) continue;
    if (parts.length > 1) parts.push(COMMA);
    parts.push(row.json);
  }
  parts.push(Buffer.from(`],"total":${total},"page":${query.page},"pageSize":${query.pageSize}}`));
  return Buffer.concat(parts);
}
