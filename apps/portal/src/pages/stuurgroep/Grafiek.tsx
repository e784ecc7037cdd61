import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { init, use as registreer, type ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { Figuur } from './cijfers';

// Only what the dashboard draws, so the rest of ECharts stays out of the bundle. SVG prints sharply.
registreer([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

type Optie = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption>;

/** Colours of the series, dark enough against white for text and bars (WCAG 1.4.11). */
const KLEUREN = ['#1a4b9c', '#8a3c00', '#2e6b30', '#6a2c91'];

/** A series of bars or a line: one figure per label; a suppressed figure is drawn as the word "onderdrukt", never as colour alone. */
export interface Reeks {
  readonly naam: string;
  readonly figuren: readonly Figuur[];
  readonly soort?: 'staaf' | 'lijn';
}

/**
 * The chart option for labelled figures (pure): bars run horizontally with their labels on the
 * left, so long labels stay readable; a line runs over the periods. Every point carries the
 * table's text as its label ("onderdrukt (minder dan 5)", "geen gegevens" at the axis).
 */
export function optieVoor(labels: readonly string[], reeksen: readonly Reeks[], eenheid: '' | '%' = ''): Optie {
  const lijn = reeksen.some((r) => r.soort === 'lijn');
  const tekst = (r: Reeks) => (p: { dataIndex: number }) => r.figuren[p.dataIndex]?.tekst ?? '';
  const categorieen = {
    type: 'category' as const,
    data: [...labels],
    axisLabel: { color: '#000', interval: 0, overflow: 'truncate' as const, width: lijn ? 110 : 165 },
  };
  const waarden = {
    type: 'value' as const,
    minInterval: 1,
    axisLabel: { color: '#000', formatter: `{value}${eenheid}` },
    ...(eenheid === '%' ? { max: 100 } : {}),
  };
  return {
    animation: false,
    color: KLEUREN,
    textStyle: { fontFamily: 'inherit', fontSize: 13 },
    legend: reeksen.length > 1 ? { top: 0, textStyle: { color: '#000' } } : { show: false },
    // Bars: a fixed left margin for their labels (cut short with an ellipsis; the table beside the chart has them in full).
    grid: lijn
      ? { left: 8, right: 24, top: reeksen.length > 1 ? 32 : 12, bottom: 8, containLabel: true }
      : { left: 180, right: 72, top: 12, bottom: 28, containLabel: false },
    xAxis: lijn ? categorieen : waarden,
    yAxis: lijn ? waarden : { ...categorieen, inverse: true },
    series: reeksen.map((r) =>
      lijn
        ? {
            type: 'line' as const,
            name: r.naam,
            connectNulls: false,
            label: { show: true, color: '#000', formatter: tekst(r) },
            data: r.figuren.map((f) => (f.waarde === null ? '-' : f.waarde)),
          }
        : {
            type: 'bar' as const,
            name: r.naam,
            barMaxWidth: 28,
            label: { show: true, position: 'right' as const, color: '#000', formatter: tekst(r) },
            data: r.figuren.map((f) => f.waarde ?? 0),
          },
    ),
  };
}

/**
 * A chart as an image with its summary in words (`role="img"`); the table beside it holds the
 * same numbers and is the accessible equivalent.
 */
export function Grafiek(props: {
  readonly labels: readonly string[];
  readonly reeksen: readonly Reeks[];
  readonly eenheid?: '' | '%';
  readonly samenvatting: string;
  readonly hoogte?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const { labels, reeksen, eenheid } = props;
  const sleutel = JSON.stringify([labels, reeksen, eenheid]);
  const hoogte = props.hoogte ?? (reeksen.some((r) => r.soort === 'lijn') ? 260 : Math.max(140, 56 * labels.length + 40));
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const grafiek = init(element, undefined, { renderer: 'svg' });
    grafiek.setOption(optieVoor(labels, reeksen, eenheid));
    const waarnemer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => grafiek.resize());
    waarnemer?.observe(element);
    return () => {
      waarnemer?.disconnect();
      grafiek.dispose();
    };
    // `sleutel` stands for the figures drawn.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sleutel]);
  return <div ref={ref} role="img" aria-label={props.samenvatting} className="kr-grafiek" style={{ blockSize: `${hoogte}px` }} />;
}
