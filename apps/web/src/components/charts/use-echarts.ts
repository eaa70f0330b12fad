import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue';
import type { EChartsType } from 'echarts/core';
import type { ChartOption } from './echarts';

/**
 * Owns one chart's life: loads ECharts on first mount (its own chunk, fetched only by pages that
 * draw), follows the container's size, re-renders when the option changes, and disposes on unmount.
 */
export function useECharts(el: Ref<HTMLElement | null>, option: Ref<ChartOption>): void {
  let chart: EChartsType | undefined;
  let observer: ResizeObserver | undefined;
  let unmounted = false;

  onMounted(async () => {
    const { init } = await import('./echarts');
    // The page may have been left while the chunk was loading.
    if (unmounted || !el.value) return;
    chart = init(el.value);
    chart.setOption(option.value, true);
    observer = new ResizeObserver(() => chart?.resize());
    observer.observe(el.value);
  });

  watch(option, (next) => chart?.setOption(next, true));

  onBeforeUnmount(() => {
    unmounted = true;
    observer?.disconnect();
    chart?.dispose();
    chart = undefined;
  });
}
