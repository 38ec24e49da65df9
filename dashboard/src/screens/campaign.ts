import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { html } from "../lib/html";
import { campaignPoints, ConditionalGet, postJson } from "../lib/api";
import { allows, type Identity } from "../lib/auth";
import {
  duration, itervarText, limitRatio, pointRuns, pointState, pointsSummary, precision, significant, when,
} from "../lib/format";
import { href } from "../lib/route";
import type { Campaign as CampaignData, Measure, Point } from "../lib/types";
import { Badge, ErrorBox, StatusBar, useInterval } from "../components";

const ENDED = ["SUCCEEDED", "FAILED", "CANCELLED"];
const POLL_MS = 2000;

/**
 * A campaign: its settings, a live status bar (conditional polling of its progress), its actions and, for a campaign
 * with precision targets, its parameter points, asked for again whenever the campaign changed.
 */
export function Campaign({ id, identity }: { id: string; identity: Identity }) {
  const poll = useMemo(() => new ConditionalGet<CampaignData>("scheduler", `/campaigns/${id}/progress`), [id]);
  const [campaign, setCampaign] = useState<CampaignData | null>(null);
  const [points, setPoints] = useState<Point[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // the points are due after every change of the campaign, and stay due until they were read
  const pointsDue = useRef(true);
  const refresh = () =>
    poll
      .next()
      .then(async (changed) => {
        if (changed) {
          setCampaign(changed);
          pointsDue.current = true;
        }
        if ((changed ?? campaign)?.until && pointsDue.current) {
          setPoints(await campaignPoints(id));
          pointsDue.current = false;
        }
      })
      .then(() => setError(null), setError);
  useEffect(() => void refresh(), [poll]);
  useInterval(() => {
    const live = !campaign || !ENDED.includes(campaign.status) || campaign.runs.running > 0;
    if (live || (campaign.until && pointsDue.current)) void refresh();
  }, POLL_MS);

  const act = (action: "cancel" | "retry-failed") => {
    setBusy(true);
    postJson<CampaignData>("scheduler", `/campaigns/${id}/${action}`)
      .then((c) => setCampaign(c), setError)
      .finally(() => setBusy(false));
  };
  if (!campaign) return html`<section><h1>Campaign ${id}</h1><${ErrorBox} error=${error} /><p>Loading…</p></section>`;
  const c = campaign;
  // the services let a runner cancel or retry only its own campaigns; an admin any
  const mayRun = identity.role === "admin" || (allows(identity.role, "runner") && c.owner === identity.name);
  const ended = ENDED.includes(c.status);
  return html`<section>
    <h1>Campaign <code>${c.id.slice(0, 8)}</code> <${Badge} status=${c.status} /></h1>
    <nav class="tabs">
      <a href=${href(`/campaigns/${id}/runs`)}>Runs</a>
      <a href=${href(`/campaigns/${id}/results`)}>Results</a>
      <a href=${href(`/campaigns/${id}/timeline`)}>Timeline</a>
    </nav>
    <${ErrorBox} error=${error} />
    <${StatusBar} runs=${c.runs} startedAt=${c.startedAt} />
    <div class="actions">
      ${mayRun && !ended && html`<button class="danger" disabled=${busy} onClick=${() => act("cancel")}>Cancel campaign</button>`}
      ${mayRun && c.runs.failed > 0 && html`<button disabled=${busy} onClick=${() => act("retry-failed")}>Retry failed runs</button>`}
    </div>
    ${c.error && html`<p class="error">${c.error}</p>`}
    <dl class="header">
      <dt>Owner</dt><dd data-testid="owner">${c.owner ?? "—"}</dd>
      <dt>Repository</dt><dd>${c.repoUrl}${c.ref ? ` (${c.ref})` : ""}${c.workdir ? `, folder ${c.workdir}` : ""}</dd>
      <dt>Commit</dt><dd><code>${c.commit ?? "—"}</code></dd>
      <dt>Build</dt><dd data-testid="build">${c.buildId ? html`<code>${c.buildId}</code>` : "—"}${c.baseImage ? html` on <code>${c.baseImage}</code>` : ""}${c.buildCommand ? html`, <code>${c.buildCommand}</code>` : ""}</dd>
      <dt>Image</dt><dd data-testid="image"><code>${c.image ?? "—"}</code></dd>
      ${c.imageDigest && html`<dt>Digests</dt><dd data-testid="digests"><code>${c.imageDigest}</code>${c.baseImageDigest ? html`, base image <code>${c.baseImageDigest}</code>` : ""}</dd>`}
      <dt>Simulator</dt><dd data-testid="simulator">${c.simulatorVersion ?? "—"}</dd>
      <dt>Config</dt><dd>${c.config}${c.iniFile ? ` in ${c.iniFile}` : ""}</dd>
      <dt>Run filter</dt><dd>${c.runFilter || "all runs"}</dd>
      <dt>Cluster</dt><dd>${c.cluster}</dd>
      <dt>Settings</dt><dd>${c.maxParallel} in parallel, ${c.retries} retries, ${c.cpusPerRun} CPU${c.memoryPerRun ? ` and ${c.memoryPerRun} memory` : ""} per run,
        timeout ${duration(c.runTimeoutSeconds * 1000)}; <code>${c.runCommand}</code>${c.simArgs ? html` <code>${c.simArgs}</code>` : ""}</dd>
      <dt>Submitted</dt><dd>${when(c.submittedAt)}</dd>
      <dt>Started</dt><dd>${when(c.startedAt)}</dd>
      <dt>Finished</dt><dd>${when(c.finishedAt)} ${c.durationMs !== undefined && c.durationMs !== null ? `(${duration(c.durationMs)})` : ""}</dd>
    </dl>
    ${c.until && html`<${Precision} campaign=${c} points=${points} />`}
  </section>`;
}

/** The targets of a campaign that repeats its parameter points until they are met, and how far each point got. */
export function Precision({ campaign, points }: { campaign: CampaignData; points: Point[] | null }) {
  const targets = campaign.until ?? [];
  const most = campaign.maxRepetitions;
  return html`<div class="panel precision" data-testid="precision">
    <h2>Precision</h2>
    <p data-testid="targets">Repetitions until ${targets.map((t, i) => html`${i > 0 ? ", " : ""}<code>${t}</code>`)}${
      typeof most === "number" ? `, at most ${most} per point` : ", with no limit on repetitions"}</p>
    ${campaign.points && html`<p data-testid="points-summary">${pointsSummary(campaign.points)}</p>`}
    ${points === null ? html`<p>Loading points…</p>`
      : points.length === 0 ? html`<p>No parameter points yet.</p>`
      : html`<table class="grid">
          <thead><tr>
            <th>Point</th><th class="num">Runs</th>${targets.map((t) => html`<th>${t}</th>`)}<th>State</th>
          </tr></thead>
          <tbody>${points.map((p, i) => html`<${PointRow} key=${i} index=${i} point=${p} targets=${targets} />`)}</tbody>
        </table>`}
  </div>`;
}

function PointRow({ point, index, targets }: { point: Point; index: number; targets: string[] }) {
  const evaluated = point.evaluatedAt ? `evaluated ${when(point.evaluatedAt)}` : "not evaluated yet";
  return html`<tr data-point=${index}>
    <td>${itervarText(point.itervars)}</td>
    <td class="num" title=${`${point.succeeded} succeeded, ${point.failed} failed`}>${pointRuns(point)}</td>
    ${targets.map((target) => {
      const measures = point.measures.filter((m) => m.target === target);
      return html`<td>${measures.length === 0 ? "—"
        : measures.map((m) => html`<${MeasureLine} measure=${m} withModule=${measures.length > 1} />`)}</td>`;
    })}
    <td title=${evaluated}><${Badge} status=${point.state} label=${pointState(point.state)} /></td>
  </tr>`;
}

/** A scalar's half-width against its limit, in words and as a bar that is full at the limit. */
function MeasureLine({ measure: m, withModule }: { measure: Measure; withModule: boolean }) {
  const ratio = limitRatio(m);
  const detail = `${m.module} ${m.name}: ${m.count} values, mean ${significant(m.mean)}, `
    + `half-width ${significant(m.halfWidth)}, limit ${significant(m.limit)}`;
  return html`<div class="measure" title=${detail}>
    ${withModule && html`<span class="module">${m.module}</span> `}<span class="precision-value">${precision(m)}</span>
    ${ratio !== null && html`<span class="ratio"><span class=${ratio <= 1 ? "within" : "over"}
      style=${`width:${100 * Math.min(ratio, 1)}%`}></span></span>`}
  </div>`;
}
