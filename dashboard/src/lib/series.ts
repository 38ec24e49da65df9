/** Turns result rows into the points of a plot. */
import { compareValues } from "./format";
import type { AggregatedScalar, Statistic } from "./types";

export interface CiPoint {
  x: number | string;
  series: string;
  mean: number;
  low: number;
  high: number;
  count: number;
}

export function scalarKey(row: { module: string; name: string }): string {
  return `${row.module} ${row.name}`;
}

/** Iteration variables that take more than one value among the rows. */
export function varyingItervars(rows: { itervars: Record<string, string> }[]): string[] {
  const values = new Map<string, Set<string>>();
  for (const r of rows) for (const [k, v] of Object.entries(r.itervars ?? {})) {
    if (!values.has(k)) values.set(k, new Set());
    values.get(k)!.add(v);
  }
  return [...values.entries()].filter(([, v]) => v.size > 1).map(([k]) => k);
}

/**
 * The mean of one scalar against the iteration variable `xVar`, one series per value of `seriesVar`, with the 95 %
 * confidence interval over repetitions (a half width of 0 where only one repetition was run). Numeric x values are
 * numbers, so the axis is spaced by value.
 */
export function ciPoints(rows: AggregatedScalar[], key: string, xVar: string, seriesVar: string): CiPoint[] {
  const chosen = rows.filter((r) => scalarKey(r) === key);
  const numeric = chosen.every((r) => r.itervars?.[xVar] !== undefined && Number.isFinite(Number(r.itervars[xVar])));
  return chosen
    .map((r) => {
      const half = r.ci95HalfWidth ?? 0;
      const raw = r.itervars?.[xVar] ?? "";
      return {
        x: numeric ? Number(raw) : raw,
        series: seriesVar ? `${seriesVar}=${r.itervars?.[seriesVar] ?? ""}` : r.name,
        mean: r.mean,
        low: r.mean - half,
        high: r.mean + half,
        count: r.count,
      };
    })
    .sort((a, b) => a.series.localeCompare(b.series) || compareValues(String(a.x), String(b.x)));
}

export interface Bin {
  x1: number;
  x2: number;
  count: number;
}

/** The bins of a histogram statistic: each lower bound up to the next; the last bin as wide as the one before. */
export function bins(stat: Statistic): Bin[] {
  const lower = stat.binLowerBounds ?? [];
  const counts = stat.binCounts ?? [];
  const result: Bin[] = [];
  for (let i = 0; i < lower.length && i < counts.length; i++) {
    if (!Number.isFinite(lower[i])) continue;
    const width = i > 0 && Number.isFinite(lower[i - 1]) ? lower[i] - lower[i - 1] : 1;
    const next = i + 1 < lower.length && Number.isFinite(lower[i + 1]) ? lower[i + 1] : lower[i] + width;
    result.push({ x1: lower[i], x2: next, count: counts[i] });
  }
  return result;
}
