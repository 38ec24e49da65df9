import { useEffect, useRef, useState } from "preact/hooks";
import { html } from "./lib/html";
import { duration, eta, percent } from "./lib/format";
import type { RunCounts } from "./lib/types";

const SEGMENTS: [keyof RunCounts, string][] = [
  ["succeeded", "#2e9e4f"],
  ["failed", "#d1352b"],
  ["cancelled", "#8c8c8c"],
  ["running", "#2f6fdb"],
  ["queued", "#9dbbef"],
  ["pending", "#d9dde3"],
];

/** The live bar of a campaign: one segment per run state, with the share done and the time still to go. */
export function StatusBar({ runs, startedAt, now }: { runs: RunCounts; startedAt?: string; now?: number }) {
  const total = Math.max(runs.total, 1);
  const left = eta(runs, startedAt, now);
  return html`<div class="status">
    <div class="bar" role="progressbar" aria-valuenow=${percent(runs)} aria-valuemin="0" aria-valuemax="100">
      ${SEGMENTS.filter(([key]) => (runs[key] ?? 0) > 0).map(
        ([key, colour]) =>
          html`<span class=${"seg seg-" + key} title=${`${key}: ${runs[key] ?? 0}`}
            style=${`width:${(100 * (runs[key] ?? 0)) / total}%;background:${colour}`}></span>`,
      )}
    </div>
    <div class="legend">
      <strong data-testid="percent">${percent(runs)} %</strong>
      ${SEGMENTS.map(([key]) => html`<span class=${"count-" + key}>${key} ${runs[key] ?? 0}</span>`)}
      <span>total ${runs.total}</span>
      ${left !== null && html`<span data-testid="eta">ETA ${duration(left)}</span>`}
    </div>
  </div>`;
}

/** A state as a coloured badge, styled by the state and showing `label` when given, the state otherwise. */
export function Badge({ status, label }: { status: string; label?: string }) {
  return html`<span class=${"badge badge-" + status.toLowerCase()}>${label ?? status}</span>`;
}

export function ErrorBox({ error }: { error: unknown }) {
  if (!error) return null;
  return html`<p class="error" role="alert">${error instanceof Error ? error.message : String(error)}</p>`;
}

/** Loads data when its inputs change; answers [data, error, reload]. */
export function useLoad<T>(load: () => Promise<T>, inputs: unknown[]): [T | undefined, unknown, () => void] {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (d) => live && (setData(d), setError(null)),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [...inputs, tick]);
  return [data, error, () => setTick((t) => t + 1)];
}

/** Calls `tick` every `ms` while the component is shown. */
export function useInterval(tick: () => void, ms: number) {
  const saved = useRef(tick);
  saved.current = tick;
  useEffect(() => {
    const id = setInterval(() => saved.current(), ms);
    return () => clearInterval(id);
  }, [ms]);
}
