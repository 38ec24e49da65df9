import { useEffect, useRef, useState } from "preact/hooks";
import { html } from "../lib/html";
import { ApiError, getJson, getText } from "../lib/api";
import { duration, when } from "../lib/format";
import { href } from "../lib/route";
import type { Attempt, ItervarValues, Page, Run } from "../lib/types";
import { Badge, ErrorBox, useLoad } from "../components";

export const ROW_HEIGHT = 28;
const PAGE = 200;
const VIEW_ROWS = 20;
const STATES = ["PENDING", "RUNNING", "UPLOADED", "SUCCEEDED", "FAILED", "CANCELLED"];
const SORTS: [string, string][] = [
  ["runNumber", "Run"],
  ["state", "State"],
  ["node", "Node"],
  ["attempts", "Attempts"],
  ["durationMs", "Duration"],
  ["startedAt", "Started"],
];

/** The rows of a virtualised list to render for a scroll position: a window of the visible rows plus a margin. */
export function visibleRange(scrollTop: number, viewRows: number, total: number, margin = 5): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - margin);
  return [first, Math.min(total, first + viewRows + 2 * margin)];
}

/** Filters of iteration variables live in the screen's URL as `iv.NAME=VALUE`. */
const ITERVAR_PARAM = "iv.";
/** Sorting by an iteration variable, in the URL and in the API: `sort=itervar:NAME`. */
const ITERVAR_SORT = "itervar:";
/** A variable with more values than this is filtered with a text box (an exact value) instead of a list. */
const MAX_CHOICES = 100;

/**
 * What the runs page asks the scheduler for, from the screen's URL: state, node, the iteration variables as repeated
 * `itervar=NAME=VALUE` (exact values, all must hold), the sort field (or `itervar:NAME`) and its direction.
 */
export type RunsQuery = { state: string; node: string; itervar: string[]; sort: string; desc: boolean };

export function runsQuery(query: URLSearchParams): RunsQuery {
  const itervar = [...query.entries()]
    .filter(([k, v]) => k.startsWith(ITERVAR_PARAM) && k.length > ITERVAR_PARAM.length && v !== "")
    .map(([k, v]) => `${k.slice(ITERVAR_PARAM.length)}=${v}`);
  return {
    state: query.get("state") ?? "",
    node: query.get("node") ?? "",
    itervar,
    sort: query.get("sort") ?? "runNumber",
    desc: query.get("desc") === "true",
  };
}

/**
 * A campaign's runs: sorted and filtered by the scheduler (state, node, iteration variables), fetched a page at a time
 * as the table scrolls, only the visible rows in the document. A failed run opens its exit code and log tail; its
 * full log is a click away.
 */
export function Runs({ id, query }: { id: string; query: URLSearchParams }) {
  const filter = runsQuery(query);
  const { sort, desc } = filter;
  const filterKey = JSON.stringify(filter);
  const [pages, setPages] = useState<Map<number, Run[]>>(new Map());
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [open, setOpen] = useState<Run | null>(null);
  const loading = useRef(new Set<number>());
  const generation = useRef(0);
  const [nodes] = useLoad(() => getJson<string[]>("scheduler", `/campaigns/${id}/nodes`), [id]);
  const [variables] = useLoad(() => getJson<ItervarValues[]>("scheduler", `/campaigns/${id}/itervars`), [id]);
  const names = (variables ?? []).map((v) => v.name);

  const fetchPage = (index: number) => {
    if (loading.current.has(index)) return;
    loading.current.add(index);
    const asked = generation.current;
    getJson<Page<Run>>("scheduler", `/campaigns/${id}/runs/page`, { ...filter, offset: index * PAGE, limit: PAGE }).then(
      (page) => {
        if (asked !== generation.current) return; // an answer for the filter before the last change
        setTotal(page.total);
        setPages((old) => new Map(old).set(index, page.items));
      },
      (e) => {
        if (asked !== generation.current) return;
        loading.current.delete(index);
        setError(e);
      },
    );
  };
  useEffect(() => {
    generation.current++;
    loading.current = new Set();
    setPages(new Map());
    setTotal(null);
    setError(null);
    fetchPage(0);
  }, [id, filterKey]);

  const [first, last] = visibleRange(scrollTop, VIEW_ROWS, total ?? 0);
  useEffect(() => {
    if (total === null) return;
    for (let p = Math.floor(first / PAGE); p <= Math.floor(Math.max(first, last - 1) / PAGE); p++) {
      if (!pages.has(p)) fetchPage(p);
    }
  }, [first, last, total, pages]);

  const go = (changes: Record<string, unknown>) => {
    const current = Object.fromEntries(query.entries());
    location.hash = href(`/campaigns/${id}/runs`, { ...current, ...changes });
  };
  const sortButton = (key: string, label: string, title?: string) =>
    html`<button class="sort" title=${title} data-sort=${key}
      onClick=${() => go({ sort: key, desc: sort === key ? !desc : false })}>
      ${label}${sort === key ? (desc ? " ▼" : " ▲") : ""}</button>`;
  const rows: (Run | undefined)[] = [];
  for (let i = first; i < last; i++) rows.push(pages.get(Math.floor(i / PAGE))?.[i % PAGE]);
  const columns = `70px 100px 160px 70px 90px 160px 60px ${names.map(() => "90px").join(" ")}`;

  return html`<section>
    <h1>Runs of <a href=${href("/campaigns/" + id)}><code>${id.slice(0, 8)}</code></a></h1>
    <form class="filters" onSubmit=${(e: Event) => e.preventDefault()}>
      <label>State <select name="state" value=${filter.state} onChange=${(e: Event) => go({ state: (e.target as HTMLSelectElement).value })}>
        <option value="">any</option>${STATES.map((s) => html`<option value=${s}>${s}</option>`)}</select></label>
      <label>Node <select name="node" value=${filter.node} onChange=${(e: Event) => go({ node: (e.target as HTMLSelectElement).value })}>
        <option value="">any</option>${(nodes ?? []).map((n) => html`<option value=${n}>${n}</option>`)}</select></label>
      ${(variables ?? []).map((v) => html`<${ItervarFilter} variable=${v} value=${query.get(ITERVAR_PARAM + v.name) ?? ""}
        onChange=${(value: string) => go({ [ITERVAR_PARAM + v.name]: value })} />`)}
      <span data-testid="runs-total">${total === null ? "…" : `${total} runs`}</span>
    </form>
    <${ErrorBox} error=${error} />
    <div class="vtable" style=${`--columns:${columns}`} data-testid="runs">
      <div class="vrow vhead">
        ${SORTS.map(([key, label]) => sortButton(key, label))}
        <span>Exit</span>
        ${names.map((n) => sortButton(ITERVAR_SORT + n, n, "iteration variable"))}
      </div>
      <div class="vbody" style=${`height:${VIEW_ROWS * ROW_HEIGHT}px`}
        onScroll=${(e: Event) => setScrollTop((e.target as HTMLElement).scrollTop)}>
        <div style=${`height:${(total ?? 0) * ROW_HEIGHT}px;position:relative`}>
          ${rows.map((run, k) => {
            const top = (first + k) * ROW_HEIGHT;
            if (!run) return html`<div class="vrow" style=${`top:${top}px`}>…</div>`;
            const failed = run.state === "FAILED";
            return html`<div class=${"vrow" + (failed ? " failed" : "")}
              style=${`top:${top}px`} data-run=${run.runNumber}
              onClick=${() => setOpen(open?.runNumber === run.runNumber ? null : run)}>
              <span>${run.runNumber}</span><span><${Badge} status=${run.state} /></span>
              <span>${run.node ?? "—"}</span><span>${run.attempts}</span>
              <span>${duration(run.durationMs)}</span><span>${when(run.startedAt)}</span>
              <span>${run.exitCode ?? ""}</span>
              ${names.map((n) => html`<span>${run.itervars?.[n] ?? ""}</span>`)}
            </div>`;
          })}
        </div>
      </div>
    </div>
    ${open && html`<${RunDetail} id=${id} run=${open} />`}
  </section>`;
}

/**
 * The filter of one iteration variable: a list of its values (any, or one exactly), or for a variable of very many
 * values a text box whose value must match exactly.
 */
export function ItervarFilter({ variable, value, onChange }: {
  variable: ItervarValues;
  value: string;
  onChange: (value: string) => void;
}) {
  const name = ITERVAR_PARAM + variable.name;
  if (variable.values.length > MAX_CHOICES) {
    return html`<label>${variable.name} <input size="8" name=${name} value=${value} placeholder="any"
      title="exact value, as OMNeT++ lists it" onChange=${(e: Event) => onChange((e.target as HTMLInputElement).value)} /></label>`;
  }
  return html`<label>${variable.name} <select name=${name} value=${value}
    onChange=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
    <option value="">any</option>${variable.values.map((v) => html`<option value=${v}>${v}</option>`)}</select></label>`;
}

/**
 * A run's full output: the .out file the results service stored; a run that uploaded nothing (a failed run uploads
 * no results) has only the last lines of each attempt, kept by the scheduler, shown attempt by attempt.
 */
export async function fullLog(id: string, run: number, attempts: Attempt[]): Promise<string> {
  try {
    return await getText("results", `/campaigns/${id}/runs/${run}/log`);
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 404) throw e;
    const tails = attempts.map(
      (a) => `--- attempt ${a.number}${a.worker ? " on " + a.worker : ""}, exit code ${a.exitCode ?? "none"} ---\n${a.logTail ?? "(no output)"}`,
    );
    return `No output of run ${run} was uploaded; the last lines of each attempt:\n\n${tails.join("\n\n")}`;
  }
}

/** A run's latest attempt: exit code and log tail, and its full log on request. */
export function RunDetail({ id, run }: { id: string; run: Run }) {
  const [attempts, error] = useLoad(
    () => getJson<Attempt[]>("scheduler", `/campaigns/${id}/runs/${run.runNumber}/attempts`),
    [id, run.runNumber],
  );
  const [log, setLog] = useState<string | null>(null);
  const [logError, setLogError] = useState<unknown>(null);
  const latest = attempts?.[attempts.length - 1];
  return html`<div class="detail" data-testid="run-detail">
    <h2>Run ${run.runNumber} <${Badge} status=${run.state} /></h2>
    <${ErrorBox} error=${error} />
    <p>Exit code <strong data-testid="exit-code">${latest?.exitCode ?? run.exitCode ?? "—"}</strong>,
      ${attempts?.length ?? run.attempts} attempt(s)${latest?.worker ? `, last on ${latest.worker}` : ""}.</p>
    ${run.error && html`<p class="error">${run.error}</p>`}
    ${latest?.logTail && html`<pre class="log" data-testid="log-tail">${latest.logTail}</pre>`}
    <button onClick=${() => fullLog(id, run.runNumber, attempts ?? []).then(setLog, setLogError)}>Full log</button>
    <${ErrorBox} error=${logError} />
    ${log !== null && html`<pre class="log full" data-testid="full-log">${log}</pre>`}
  </div>`;
}
