import { z } from 'zod';

/**
 * The progress of a large 亩产效益 run (`GET /api/v1/evaluation/runs/progress/:token`): the client
 * makes a UUID, sends it as `progressToken` with `POST /api/v1/evaluation/runs`, and polls while
 * the POST runs. `done` of `total` counts the run's enterprises within the stage.
 */
export const RUN_PROGRESS_STAGES = ['gathering', 'computing', 'storing', 'done'] as const;
export type RunProgressStage = (typeof RUN_PROGRESS_STAGES)[number];

export const runProgressSchema = z.object({ stage: z.enum(RUN_PROGRESS_STAGES), done: z.number().int().min(0), total: z.number().int().min(0) });
export type RunProgress = z.infer<typeof runProgressSchema>;
