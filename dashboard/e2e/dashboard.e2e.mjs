// The dashboard in a real browser (Debian's chromium through playwright-core) against running services:
// sign in, start the example campaign through the API, watch its bar reach 100 %, open a failing run's log,
// plot a scalar with CI bars, and check that a viewer gets no cancel button while a runner cancels.
// Writes a screenshot of each screen to $SCREENSHOTS. Exits non-zero at the first check that fails.
//
//   DASHBOARD_URL  the dashboard with its /api proxy (serve.mjs), e.g. http://127.0.0.1:18080
//   PROJECT_URI    git repository of examples/queueing (file:///...)
//   RUNNER_TOKEN, VIEWER_TOKEN  bearer tokens (default: JWTs with the groups runner and viewer, unsigned)
//   OIDC_LOGIN     when set, also sign in through the identity provider the dashboard names (its development login
//                  form, test-support/oidc) as this user, who must be a runner there
//   CHROMIUM       the browser (default /usr/bin/chromium)
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

const base = (process.env.DASHBOARD_URL ?? "http://127.0.0.1:8080").replace(/\/$/, "");
const project = process.env.PROJECT_URI;
const shots = process.env.SCREENSHOTS ?? "screenshots";
const WAIT = { timeout: 30_000 };
const CAMPAIGN_WAIT = { timeout: Number(process.env.CAMPAIGN_TIMEOUT_MS ?? 420_000) };

function jwt(name, group) {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  return `${b64({ alg: "RS256", typ: "JWT" })}.${b64({ sub: name, preferred_username: name, groups: [group], iat: now, exp: now + 3600 })}.unsigned`;
}
const runnerToken = process.env.RUNNER_TOKEN || jwt("rita", "runner");
const viewerToken = process.env.VIEWER_TOKEN || jwt("victor", "viewer");

function step(message) {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
}

async function submit(config, simArgs) {
  const response = await fetch(`${base}/api/campaigns`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${runnerToken}` },
    body: JSON.stringify({ repoUrl: project, config, buildCommand: "make", runCommand: "./queueing", maxParallel: 3, retries: 0, simArgs }),
  });
  const body = await response.json();
  if (response.status !== 201) throw new Error(`submit ${config}: ${response.status} ${JSON.stringify(body)}`);
  return body.id;
}

async function signIn(page, token) {
  await page.goto(`${base}/#/signin`);
  await page.fill("#token", token);
  await page.click("button[type=submit]");
  await page.waitForSelector("[data-testid=who]", WAIT);
}

async function shot(page, name) {
  await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const runner = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
  runner.on("pageerror", (e) => console.log("page error:", e.message));

  step("sign in as a runner");
  await runner.goto(`${base}/#/signin`);
  await runner.waitForSelector("#token", WAIT);
  await shot(runner, "signin");
  await signIn(runner, runnerToken);
  check((await runner.textContent("[data-testid=who]")).includes("runner"), "the header shows the runner role");

  step("start the example campaign (examples/queueing, config Faulty: runs 1 and 4 fail) through the API");
  const id = await submit("Faulty");
  await runner.goto(`${base}/#/campaigns/${id}`);
  await runner.waitForSelector("[data-testid=percent]", WAIT);
  step(`campaign ${id}: watching its bar`);
  await runner.waitForFunction(() => document.querySelector("[data-testid=percent]")?.textContent === "100 %", null, CAMPAIGN_WAIT);
  await runner.waitForSelector(".badge-failed, .badge-succeeded", WAIT);
  check(await runner.isVisible("text=Retry failed runs"), "a runner sees the retry button of a campaign with failed runs");
  await shot(runner, "campaign");

  step("open a failing run's exit code, log tail and full log");
  await runner.goto(`${base}/#/campaigns/${id}/runs?state=FAILED`);
  await runner.waitForSelector("[data-testid=runs] .vrow.failed", WAIT);
  await runner.click("[data-testid=runs] .vrow.failed");
  await runner.waitForSelector("[data-testid=exit-code]", WAIT);
  await runner.waitForFunction(() => /^[1-9]/.test(document.querySelector("[data-testid=exit-code]")?.textContent ?? ""), null, WAIT);
  await runner.waitForSelector("[data-testid=log-tail]", WAIT);
  await runner.click("text=Full log");
  await runner.waitForSelector("[data-testid=full-log]", WAIT);
  check((await runner.textContent("[data-testid=full-log]")).includes("Error"), "the full log holds the run's error");
  await shot(runner, "runs");

  step("plot a scalar against rho with 95 % CI bars");
  await runner.goto(`${base}/#/campaigns/${id}/results?scalar=queueingTime:mean&x=rho`);
  await runner.waitForSelector("[data-testid=chart-scalar] svg g[aria-label=rule]", WAIT);
  const rules = await runner.$$eval("[data-testid=chart-scalar] svg g[aria-label=rule] line", (ls) => ls.length);
  check(rules >= 3, `one CI bar per value of rho (found ${rules})`);
  await runner.waitForSelector("[data-testid=chart-histogram] svg", WAIT);
  await runner.waitForSelector("[data-testid=chart-vector] svg", WAIT);
  await shot(runner, "results");

  step("timeline, clusters, campaigns");
  await runner.goto(`${base}/#/campaigns/${id}/timeline`);
  await runner.waitForSelector("[data-testid=timeline] svg", WAIT);
  await shot(runner, "timeline");
  await runner.goto(`${base}/#/clusters`);
  await runner.waitForSelector("[data-testid^=cluster-]", WAIT);
  await shot(runner, "clusters");
  await runner.goto(`${base}/#/campaigns`);
  await runner.waitForSelector(`[data-testid=campaigns] a[href="#/campaigns/${id}"]`, WAIT);
  await shot(runner, "campaigns");

  if (process.env.OIDC_LOGIN) {
    const login = process.env.OIDC_LOGIN;
    step(`sign in through the identity provider as ${login}`);
    const person = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
    person.on("pageerror", (e) => console.log("page error:", e.message));
    await person.goto(`${base}/#/signin`);
    await person.click("[data-testid=oidc-signin]");
    await person.waitForSelector("input[name=login]", WAIT);
    await person.fill("input[name=login]", login);
    await person.fill("input[name=password]", "any password");
    await person.click("button[type=submit]");
    const consent = "button:has-text('Continue')";
    await person.waitForSelector(`[data-testid=who], ${consent}, [data-testid=signin-error]`, WAIT);
    if (await person.isVisible(consent)) await person.click(consent);
    await person.waitForSelector("[data-testid=who], [data-testid=signin-error]", WAIT);
    if (await person.isVisible("[data-testid=signin-error]")) {
      throw new Error(`sign-in through the identity provider: ${await person.textContent("[data-testid=signin-error]")}`);
    }
    check((await person.textContent("[data-testid=who]")) === `${login} (runner)`, "the header names the provider's user and role");
    check(!person.url().includes("code="), "the authorization code is gone from the address");
    await person.goto(`${base}/#/campaigns`);
    await person.waitForSelector(`[data-testid=campaigns] a[href="#/campaigns/${id}"]`, WAIT);
    await person.goto(`${base}/#/campaigns/${id}`);
    await person.waitForSelector("[data-testid=percent]", WAIT);
    check(!(await person.isVisible("text=Retry failed runs")), "another runner is not offered to retry rita's campaign");
  }

  step("a viewer finds no cancel button on a campaign under way; a runner cancels it");
  const second = await submit("MM1", "--sim-time-limit=300000s"); // runs of a minute or more: still under way

  const viewer = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
  await signIn(viewer, viewerToken);
  check((await viewer.textContent("[data-testid=who]")).includes("viewer"), "the header shows the viewer role");
  await viewer.goto(`${base}/#/campaigns/${second}`);
  await viewer.waitForSelector("[data-testid=percent]", WAIT);
  await runner.goto(`${base}/#/campaigns/${second}`);
  await runner.waitForSelector("text=Cancel campaign", WAIT);
  check(!(await viewer.isVisible("text=Cancel campaign")), "a viewer sees no cancel button");
  check(!(await viewer.isVisible("text=Retry failed runs")), "a viewer sees no retry button");
  await viewer.goto(`${base}/#/campaigns/${id}`);
  await viewer.waitForSelector("[data-testid=percent]", WAIT);
  check(!(await viewer.isVisible("text=Retry failed runs")), "a viewer sees no retry button on a campaign with failed runs");
  await runner.click("text=Cancel campaign");
  await runner.waitForSelector(".badge-cancelled", WAIT);
  console.log("dashboard: every check passed");
} catch (e) {
  console.error("dashboard check failed:", e.message);
  process.exitCode = 1;
} finally {
  await browser.close();
}
