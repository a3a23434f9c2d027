// Lighthouse on a few pages, one run each, in one Chrome: Debian's chromium (CHROME_PATH), never a
// downloaded browser. Called by tools/validators/run.py:
//   node lighthouse.mjs <pages.json: [{"name", "url"}]> <output folder>
// Writes <name>.report.html and <name>.report.json per page and prints one JSON line per page:
//   {"name", "url", "scores": {category: 0..1}, "failing": {category: ["audit title (score)"]}}
// Settings: Lighthouse's defaults (mobile emulation, simulated slow 4G and 4× CPU slowdown).
import fs from "node:fs";
import path from "node:path";

import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const [pagesFile, outputDir] = process.argv.slice(2);
const pages = JSON.parse(fs.readFileSync(pagesFile, "utf8"));
fs.mkdirSync(outputDir, { recursive: true });

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  chromeFlags: [
    "--headless=new",
    "--no-sandbox", // root in CI's container
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
  ],
});
let failed = false;
try {
  for (const page of pages) {
    try {
      const result = await lighthouse(page.url, {
        port: chrome.port,
        output: ["html", "json"],
        logLevel: "error",
        onlyCategories: CATEGORIES,
      });
      const [html, json] = result.report;
      fs.writeFileSync(path.join(outputDir, `${page.name}.report.html`), html);
      fs.writeFileSync(path.join(outputDir, `${page.name}.report.json`), json);
      const { lhr } = result;
      const scores = {};
      const failing = {};
      for (const id of CATEGORIES) {
        const category = lhr.categories[id];
        scores[id] = category.score;
        failing[id] = category.auditRefs
          .filter((ref) => ref.weight > 0)
          .map((ref) => lhr.audits[ref.id])
          .filter((audit) => audit.score !== null && audit.score < 0.9)
          .map((audit) => `${audit.title} (${audit.displayValue || audit.score})`);
      }
      const runtimeError = lhr.runtimeError ? lhr.runtimeError.message : null;
      console.log(JSON.stringify({ name: page.name, url: page.url, scores, failing, runtimeError }));
    } catch (error) {
      failed = true;
      console.log(JSON.stringify({ name: page.name, url: page.url, scores: {}, failing: {}, runtimeError: String(error) }));
    }
  }
} finally {
  await chrome.kill();
}
process.exitCode = failed ? 1 : 0;
