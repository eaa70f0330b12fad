import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CLASS_LABELS, DEFAULT_SCHEME, FIGURE_KEYS } from '@yuanqu/contracts';
import { COMMITTEE } from '../../http/access';
import type { AppDeps } from '../../app';
import { evaluate } from './evaluation';
import { explain } from './explain';
import { gatherInputs } from './gather';

const tags = ['evaluation'];
const num = z.number().nullable();

const previewSchema = z.object({
  year: z.number().int(),
  scheme: z.object({ code: z.string(), version: z.number().int(), name: z.string(), reference: z.boolean() }),
  results: z.array(
    z.object({
      enterpriseId: z.string(),
      name: z.string(),
      groupKey: z.string().nullable(),
      status: z.enum(['ranked', 'vetoed', 'exempt', 'outOfScope']),
      total: num,
      rank: z.number().int().nullable(),
      class: z.enum([...CLASS_LABELS, 'T']).nullable(),
      exemptReason: z.string().nullable(),
      landMu: num,
      missing: z.array(z.enum(FIGURE_KEYS)),
      indicators: z.array(z.object({ key: z.string(), weight: z.number(), value: num, benchmark: num, score: z.number(), handling: z.enum(['scored', 'zero', 'groupAverage', 'excluded']) })),
      shortfalls: z.array(z.object({ key: z.string(), lost: z.number() })),
      nextClass: z.object({ class: z.enum(CLASS_LABELS), total: z.number(), gap: z.number() }).nullable(),
    }),
  ),
});

/**
 * 亩产效益: a preview of the reference scheme on a year (computed on request, nothing stored) —
 * every enterprise's indicators against the benchmarks, total, rank, class and why.
 */
export const evaluationRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/evaluation/preview',
    {
      config: { access: { roles: COMMITTEE } },
      schema: { tags, summary: 'The reference scheme on a year’s figures and land, computed now and not stored', querystring: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) }), response: { 200: previewSchema } },
    },
    async (request) => {
      const { year } = request.query;
      const gathered = await gatherInputs(deps, request.viewer!, year);
      const run = evaluate(DEFAULT_SCHEME, gathered.map((g) => g.input));
      const byId = new Map(gathered.map((g) => [g.input.enterpriseId, g]));
      const { code, version, name, reference } = DEFAULT_SCHEME;
      return {
        year,
        scheme: { code, version, name, reference },
        results: run.results.map((r) => {
          const g = byId.get(r.enterpriseId)!;
          const why = explain(DEFAULT_SCHEME, run, r.enterpriseId);
          return {
            ...r,
            name: g.name,
            landMu: g.input.landMu,
            missing: g.missing,
            indicators: r.indicators.map(({ key, weight, value, benchmark, score, handling }) => ({ key, weight, value, benchmark, score, handling })),
            shortfalls: why?.shortfalls.map(({ key, lost }) => ({ key, lost })) ?? [],
            nextClass: why?.nextClass ?? null,
          };
        }),
      };
    },
  );
};
