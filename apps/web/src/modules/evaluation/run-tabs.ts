import { defineAsyncComponent, type Component } from 'vue';
import type { EvaluationRunDetail } from '@yuanqu/contracts';

/**
 * A tab of the run page: its name (kept in the address as ?tab=), its label (an i18n key), its
 * component and the props it takes from the run. The component may emit `changed` when it altered
 * the run, so the page reloads it. A new tab is one more entry here.
 */
export interface RunTab {
  name: string;
  label: string;
  component: Component;
  props: (run: EvaluationRunDetail) => Record<string, unknown>;
}

const withRun = (run: EvaluationRunDetail) => ({ run });

/** The run page's tabs in order; each loads with its first opening. */
export const RUN_TABS: readonly RunTab[] = [
  { name: 'ranking', label: 'evaluationRun.tabs.ranking', component: defineAsyncComponent(() => import('./RankingTab.vue')), props: withRun },
  { name: 'distribution', label: 'evaluationRun.tabs.distribution', component: defineAsyncComponent(() => import('./DistributionTab.vue')), props: withRun },
  { name: 'map', label: 'evaluationRun.tabs.map', component: defineAsyncComponent(() => import('./ClassMapTab.vue')), props: withRun },
  { name: 'compare', label: 'evaluationRun.tabs.compare', component: defineAsyncComponent(() => import('./CompareTab.vue')), props: withRun },
  { name: 'adjustments', label: 'evaluationReview.tabs.adjustments', component: defineAsyncComponent(() => import('./AdjustmentsPanel.vue')), props: withRun },
  { name: 'review', label: 'evaluationReview.tabs.review', component: defineAsyncComponent(() => import('./ReviewPanel.vue')), props: withRun },
  { name: 'objections', label: 'evaluationReview.tabs.objections', component: defineAsyncComponent(() => import('./ObjectionsPanel.vue')), props: (run) => ({ runId: run.id }) },
  { name: 'policies', label: 'evaluationReview.tabs.policies', component: defineAsyncComponent(() => import('./PolicyListsPanel.vue')), props: withRun },
];
