import { DEPARTMENTS, ROLES, type Department, type Role } from '@yuanqu/contracts';
import type { Config } from '../config';
import { migrateToLatest } from '../db/database';
import { AppError } from '../lib/errors';
import { findUserById } from '../modules/auth/user.repository';
import { findUserIdByUsername, createUser, resetPassword, updateUserAccount } from '../modules/auth/user.service';
import { findEnterprisesByUscc } from '../modules/enterprise/enterprise.repository';
import { findUnitByCode } from '../modules/unit/unit.repository';
import { cliContext, withDatabase } from './context';

type Flags = { username?: string; password?: string; role?: string; enterprise?: string; name?: string; departments?: string; units?: string };

function need(v: string | undefined, flag: string): string {
  if (!v) throw new Error(`--${flag} is required`);
  return v;
}

/** `yuanqu user create|reset|disable|enable`: how a production install gets its first admin. */
export async function runUser(config: Config, action: string | undefined, f: Flags): Promise<number> {
  await migrateToLatest(config.database);
  return withDatabase(config, async ({ db }) => {
    const deps = { db, config };
    const username = need(f.username, 'username');
    try {
      if (action === 'create') {
        const role = need(f.role, 'role') as Role;
        if (!ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
        const departments = (f.departments ? f.departments.split(',') : []) as Department[];
        if (departments.some((d) => !DEPARTMENTS.includes(d))) throw new Error(`--departments must be among ${DEPARTMENTS.join(', ')}`);
        let enterpriseId: string | null = null;
        if (f.enterprise) {
          const e = (await findEnterprisesByUscc(db, [f.enterprise.toUpperCase()])).values().next().value;
          if (!e) throw new Error(`no enterprise with USCC ${f.enterprise}`);
          enterpriseId = e.id;
        }
        let unitIds: string[] | null = null;
        if (f.units) {
          unitIds = [];
          for (const code of f.units.split(',')) {
            const unit = await findUnitByCode(db, code);
            if (!unit) throw new Error(`no unit with code ${code}`);
            unitIds.push(unit.id);
          }
        }
        const user = await createUser(deps, cliContext, {
          username,
          displayName: f.name ?? username,
          password: need(f.password, 'password'),
          role,
          departments,
          enterpriseId,
          unitIds,
          mustChangePassword: false,
        });
        console.log(`created ${user.role} ${user.username}`);
        return 0;
      }
      const id = await findUserIdByUsername(deps, username);
      if (action === 'reset') {
        await resetPassword(deps, cliContext, id, need(f.password, 'password'));
        console.log(`password of ${username} reset; it must be changed at next login`);
        return 0;
      }
      if (action === 'disable' || action === 'enable') {
        const current = (await findUserById(db, id))!;
        await updateUserAccount(deps, cliContext, id, { status: action === 'disable' ? 'disabled' : 'active', version: current.version });
        console.log(`${username} ${action}d`);
        return 0;
      }
      throw new Error('user needs create, reset, disable or enable');
    } catch (err) {
      if (err instanceof AppError) {
        console.error(`${err.code}: ${err.message}${err.details ? ` ${JSON.stringify(err.details)}` : ''}`);
        return 1;
      }
      throw err;
    }
  });
}
