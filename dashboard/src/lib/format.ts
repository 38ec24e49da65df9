/** Formatting and small calculations shared by the screens. */
import type { RunCounts } from "./types";

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
