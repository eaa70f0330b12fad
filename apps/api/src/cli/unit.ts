import { UNIT_KINDS, unitCreateSchema, type UnitKind } from '@yuanqu/contracts';
import type { Config } from '../config';
import { migrateToLatest } from '../db/database';
import { AppError } from '../lib/errors';
import { findUnitByCode, listUnits } from '../modules/unit/unit.repository';
import { createUnit } from '../modules/unit/unit.service';
import { cliContext, withDatabase } from './context';

/** `yuanqu unit create|list`: how a production install builds its district → base → park → zone tree. */
export async function runUnit(config: Config, action: string | undefined, f: { code?: string; name?: string; kind?: string; parent?: string }): Promise<number> {
  await migrateToLatest(config.database);
  return withDatabase(config, async ({ db }) => {
    if (action === 'list') {
      const units = await listUnits(db);
      const byId = new Map(units.map((u) => [u.id, u]));
      for (const u of units) console.log(`${'  '.repeat(u.path.split('/').length - 3)}${u.code}  ${u.name}  (${u.kind}${u.parentId ? `, in ${byId.get(u.parentId)?.code}` : ''})`);
      return 0;
    }
    if (action !== 'create' || !f.code || !f.name || !f.kind) throw new Error('unit create needs --code, --name and --kind (and --parent CODE below the top)');
    if (!UNIT_KINDS.includes(f.kind as UnitKind)) throw new Error(`--kind must be one of ${UNIT_KINDS.join(', ')}`);
    const parent = f.parent ? await findUnitByCode(db, f.parent) : null;
    if (f.parent && !parent) throw new Error(`no unit with code ${f.parent}`);
    try {
      const input = unitCreateSchema.safeParse({ parentId: parent?.id ?? null, kind: f.kind, code: f.code, name: f.name });
      if (!input.success) throw new Error(input.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; '));
      const unit = await createUnit({ db }, cliContext, input.data);
      console.log(`created ${unit.kind} ${unit.code} ${unit.name}`);
      return 0;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      console.error(`${err.code}: ${err.message}`);
      return 1;
    }
  });
}
