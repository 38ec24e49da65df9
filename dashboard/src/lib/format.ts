/** Formatting and small calculations shared by the screens. */
import type { Measure, Point, PointCounts, PointState, RunCounts } from "./types";

export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "—";
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  const h = Math.floor(m / 60);
  return `${h} h ${m % 60} min`;
}

export function when(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "—" : d.toISOString().replace("T", " ").slice(0, 19);
}

export function shortCommit(commit: string | null | undefined): string {
  return commit ? commit.slice(0, 10) : "—";
}

/** Runs that have ended (succeeded, failed or cancelled). */
export function done(runs: RunCounts): number {
  return runs.succeeded + runs.failed + runs.cancelled;
}

export function percent(runs: RunCounts): number {
  return runs.total === 0 ? 0 : Math.floor((100 * done(runs)) / runs.total);
}

/**
 * Milliseconds until the remaining runs end, at the pace the campaign kept since it started; null before the first
 * run ended, or once all have.
 */
export function eta(runs: RunCounts, startedAt: string | null | undefined, now: number = Date.now()): number | null {
  const ended = done(runs);
  const remaining = runs.total - ended;
  if (!startedAt || ended === 0 || remaining <= 0) return null;
  const elapsed = now - new Date(startedAt).getTime();
  if (!(elapsed > 0)) return null;
  return (elapsed / ended) * remaining;
}

/** The rows as CSV (RFC 4180 quoting), columns in the order given. */
export function csv(columns: string[], rows: Record<string, unknown>[]): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? "" : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.map(cell).join(","), ...rows.map((r) => columns.map((c) => cell(r[c])).join(","))].join("\r\n") + "\r\n";
}

/** Sorts itervar values numerically when they all are numbers, as text otherwise. */
export function compareValues(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (a.trim() !== "" && b.trim() !== "" && Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a.localeCompare(b);
}

/** A number to three significant digits, without trailing zeros. */
export function significant(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "—";
  return String(Number(x.toPrecision(3)));
}

/** The percentage of a relative target ("queueingTime:mean ci95<=2%"), or null for an absolute one. */
export function relativeLimit(target: string): number | null {
  const match = /ci95\s*<=\s*([0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)\s*%\s*$/.exec(target);
  return match ? Number(match[1]) : null;
}

/**
 * A measure's half-width against its limit: as percentages of the mean for a relative target ("1.4 % ≤ 2 %"),
 * as numbers for an absolute one or a mean of 0 ("0.00031 > 0.000246"), "— (≤ 2 %)" while there is no interval.
 */
export function precision(m: Measure): string {
  const percent = relativeLimit(m.target);
  const relative = percent !== null && Number.isFinite(m.mean) && m.mean !== 0;
  const shown = (x: number) => (relative ? `${significant((100 * x) / Math.abs(m.mean))} %` : significant(x));
  const limit = relative ? `${significant(percent)} %` : significant(m.limit);
  if (m.halfWidth === null || !Number.isFinite(m.halfWidth)) return `— (≤ ${limit})`;
  return `${shown(m.halfWidth)} ${m.halfWidth <= m.limit ? "≤" : ">"} ${limit}`;
}

/** The half-width as a share of the limit (1 is just within it); null while there is no interval or no positive limit. */
export function limitRatio(m: Measure): number | null {
  if (m.halfWidth === null || !Number.isFinite(m.halfWidth) || !(m.limit > 0)) return null;
  return m.halfWidth / m.limit;
}

const POINT_STATES: Record<PointState, string> = { OPEN: "open", MET: "met", BUDGET: "at budget", NO_DATA: "no data" };

export function pointState(state: PointState): string {
  return POINT_STATES[state] ?? state.toLowerCase();
}

/** "2 of 3 points within target, 1 open", with the points at their budget and without data when there are any. */
export function pointsSummary(points: PointCounts): string {
  const parts = [`${points.met} of ${points.total} ${points.total === 1 ? "point" : "points"} within target`];
  if (points.open > 0) parts.push(`${points.open} open`);
  if (points.budget > 0) parts.push(`${points.budget} at budget`);
  if (points.noData > 0) parts.push(`${points.noData} without data`);
  return parts.join(", ");
}

/** A point's runs so far and, when it has a limit, the most it gets: "6 / 50". */
export function pointRuns(point: Point): string {
  return point.maxRuns === null || point.maxRuns === undefined ? String(point.runs) : `${point.runs} / ${point.maxRuns}`;
}

/** A point's iteration variables as OMNeT++ writes them: "rho=0.5, n=2"; "—" for a campaign without any. */
export function itervarText(itervars: { name: string; value: string }[]): string {
  return itervars.map((v) => `${v.name}=${v.value}`).join(", ") || "—";
}
