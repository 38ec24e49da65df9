import { html } from "../lib/html";
import { getJson } from "../lib/api";
import { duration, shortCommit, when } from "../lib/format";
import { href } from "../lib/route";
import type { Campaign, Page } from "../lib/types";
import { claims, type Identity } from "../lib/auth";
import { Badge, ErrorBox, useLoad } from "../components";

export const STATUSES = ["BUILDING", "EXPANDING", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"];
const LIMIT = 25;

/** Campaigns, newest first, paged and filtered (status, owner) by the scheduler. */
export function Campaigns({ query, identity }: { query: URLSearchParams; identity: Identity }) {
  const status = query.get("status") ?? "";
  const owner = query.get("owner") ?? "";
  const offset = Number(query.get("offset") ?? 0);
  const [page, error] = useLoad(
    () => getJson<Page<Campaign>>("scheduler", "/campaigns/page", { status, owner, offset, limit: LIMIT }),
    [status, owner, offset],
  );
  const [owners] = useLoad(() => getJson<string[]>("scheduler", "/campaigns/owners"), []);
  // who "mine" is: the signed-in user's name, as the scheduler records it; none for a token that names nobody
  const me = claims(identity.token) ? identity.name : null;
  const choices = [...new Set([...(owners ?? []), ...(me ? [me] : []), ...(owner ? [owner] : [])])].sort();
  const go = (changes: Record<string, unknown>) => {
    location.hash = href("/campaigns", { status, owner, offset: 0, ...changes });
  };
  return html`<section>
    <h1>Campaigns</h1>
    <form class="filters" onSubmit=${(e: Event) => e.preventDefault()}>
      <label>Status
        <select name="status" value=${status} onChange=${(e: Event) => go({ status: (e.target as HTMLSelectElement).value })}>
          <option value="">any</option>
          ${STATUSES.map((s) => html`<option value=${s}>${s}</option>`)}
        </select>
      </label>
      <label>Owner
        <select name="owner" value=${owner} onChange=${(e: Event) => go({ owner: (e.target as HTMLSelectElement).value })}>
          <option value="">anyone</option>
          ${choices.map((o) => html`<option value=${o}>${o === me ? `${o} (me)` : o}</option>`)}
        </select>
      </label>
      ${me && html`<button type="button" data-testid="mine" disabled=${owner === me} onClick=${() => go({ owner: me })}>
        Mine</button>`}
    </form>
    <${ErrorBox} error=${error} />
    <table class="grid" data-testid="campaigns">
      <thead><tr><th>Campaign</th><th>Status</th><th>Owner</th><th>Config</th><th>Commit</th>
        <th>Done</th><th>Failed</th><th>Total</th><th>Created</th><th>Duration</th></tr></thead>
      <tbody>
        ${page?.items.map(
          (c) => html`<tr>
            <td><a href=${href("/campaigns/" + c.id)}>${c.id.slice(0, 8)}</a></td>
            <td><${Badge} status=${c.status} /></td>
            <td>${c.owner ? html`<a href=${href("/campaigns", { status, owner: c.owner })}>${c.owner}</a>` : "—"}</td>
            <td>${c.config}</td>
            <td><code>${shortCommit(c.commit)}</code></td>
            <td class="num">${c.runs.succeeded}</td>
            <td class="num">${c.runs.failed}</td>
            <td class="num">${c.runs.total}</td>
            <td>${when(c.submittedAt)}</td>
            <td>${duration(c.durationMs)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
    ${page &&
    html`<nav class="pager">
      <button disabled=${offset === 0} onClick=${() => go({ offset: Math.max(0, offset - LIMIT) })}>Newer</button>
      <span>${page.total === 0 ? "none" : `${offset + 1}–${Math.min(offset + LIMIT, page.total)} of ${page.total}`}</span>
      <button disabled=${offset + LIMIT >= page.total} onClick=${() => go({ offset: offset + LIMIT })}>Older</button>
    </nav>`}
  </section>`;
}
