import { defineAsyncComponent, type Component } from 'vue';

/**
 * A tab of the run page. Its component gets the run as the `run` prop and may emit `changed`
 * when it altered the run, so the page reloads it. A new tab is one more entry here, with its
 * label in the locales (evaluationRun.tabs.<name>).
 */
export interface RunTab {
  name: string;
  component: Component;
}

/** The run page's tabs in order; each loads with its first opening. */
export const RUN_TABS: readonly RunTab[] = [
  { name: 'ranking', component: defineAsyncComponent(() => import('./RankingTab.vue')) },
  { name: 'distribution', component: defineAsyncComponent(() => import('./DistributionTab.vue')) },
  { name: 'map', component: defineAsyncComponent(() => import('./ClassMapTab.vue')) },
  { name: 'compare', component: defineAsyncComponent(() => import('./CompareTab.vue')) },
];
