// Page loads of the dashboard in chromium: from navigation until the page shows its data (the campaign page's
// status bar with its share done; the runs page's first row), for a big and a small campaign; prints the medians
// and their ratio. Run by run.sh.
import { createRequire } from "node:module";

// playwright-core is a package of the dashboard (run.sh runs this from dashboard/)
const { chromium } = createRequire(`${process.cwd()}/package.json`)("playwright-core");

const base = process.env.DASHBOARD_URL;
const loads = Number(process.env.LOADS ?? 7);
const token = process.env.TOKEN ?? "bench";

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
await page.goto(`${base}/#/signin`);
await page.fill("#token", token);
await page.click("button[type=submit]");
await page.waitForSelector("[data-testid=who]");

async function load(path, ready) {
  const times = [];
  for (let i = 0; i < loads; i++) {
    await page.goto("about:blank");
    const start = performance.now();
    await page.goto(`${base}/#${path}`);
    await page.waitForFunction(ready, null, { timeout: 30_000, polling: 10 });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const percentShown = () => document.querySelector("[data-testid=percent]")?.textContent === "100 %";
const rowShown = () => document.querySelector("[data-testid=runs] .vrow[data-run]") !== null;
const results = [];
for (const [label, id] of [["10 runs", process.env.SMALL], [`${process.env.RUNS} runs`, process.env.BIG]]) {
  results.push([label, await load(`/campaigns/${id}`, percentShown), await load(`/campaigns/${id}/runs`, rowShown),
    await load(`/campaigns/${id}/runs?sort=durationMs&desc=true`, rowShown)]);
}
await browser.close();

console.log(`median of ${loads} loads, ms   campaign page   runs page   runs page sorted by duration`);
for (const [label, campaign, runs, sorted] of results) {
  console.log(`${label.padEnd(28)} ${campaign.toFixed(0).padStart(13)} ${runs.toFixed(0).padStart(11)} ${sorted.toFixed(0).padStart(14)}`);
}
const [small, big] = results;
console.log(`ratio big/small               ${(big[1] / small[1]).toFixed(2).padStart(13)} ${(big[2] / small[2]).toFixed(2).padStart(11)} ${(big[3] / small[3]).toFixed(2).padStart(14)}`);
