// The search page, the issue browser, the article view, the server-rendered fallback and
// the WordPress widget in headless chromium, against the real server over a real index.
// Queries are chosen from the generated archive, and expected numbers come from the
// page itself or the JSON API, never typed in.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import {
  buildArchive, launchBrowser, removeDir, screenshotPath, startServer, startThemeServer,
} from "./harness.mjs";

let archive;
let server;
let theme;
let browser;
let page;
const QUERY = "workers";

async function api(path) {
  const response = await fetch(server.url + path);
  assert.equal(response.status, 200, path);
  return response.json();
}

const total = async (p) => Number((await p.locator("#status").textContent()).match(/^[\d,]+/)[0].replace(/,/g, ""));
const hitTitles = (p) => p.locator("#hits .hit h3").allTextContents();

before(async () => {
  archive = buildArchive();
  let archiveUrl = "";
  theme = await startThemeServer(() => archiveUrl);
  server = await startServer(archive.index, [theme.origin]);
  archiveUrl = server.url;
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.on("dialog", (dialog) => { throw new Error("unexpected dialog: " + dialog.message()); });
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await theme?.stop();
  if (archive) removeDir(archive.dir);
});

describe("search page", () => {
  let filteredUrl;
  let filteredTitles;

  it("browses newest first when the search is empty", async () => {
    await page.goto(server.url + "/");
    await page.locator("#hits .hit").first().waitFor();
    assert.match(await page.locator("#status").textContent(), /newest first/);
    const dates = (await page.locator("#hits .hit .meta").allTextContents()).map((m) => m.slice(0, 10));
    const newest = archive.articles.filter((a) => a.kind !== "issue").map((a) => a.date.slice(0, 10)).sort().at(-1);
    assert.equal(dates[0], newest);
    assert.deepEqual([...dates].sort().reverse(), dates);
    assert.match(await page.locator("#status").textContent(), /generation \d+, revision \d+/);
  });

  it("suggests as you type and is a keyboard combobox", async () => {
    const box = page.locator("#q");
    await box.click();
    await box.pressSequentially(QUERY.slice(0, 5), { delay: 30 });
    const options = page.locator("#suggestions [role=option]");
    await options.first().waitFor();
    assert.equal(await box.getAttribute("aria-expanded"), "true");
    assert.ok((await options.allTextContents()).some((t) => t.startsWith(QUERY)), "a completion to " + QUERY);
    await box.press("ArrowDown");
    assert.equal(await box.getAttribute("aria-activedescendant"), await options.first().getAttribute("id"));
    assert.equal(await options.first().getAttribute("aria-selected"), "true");
    await box.press("Escape");
    assert.equal(await page.locator("#suggestions").isHidden(), true);
  });

  it("submits and shows highlighted results", async () => {
    await page.locator("#q").fill(QUERY);
    await page.locator("#q").press("Enter");
    await page.waitForURL((url) => url.searchParams.get("q") === QUERY);
    await page.locator("#hits .hit mark").first().waitFor();
    const expected = await api("/api/search?q=" + QUERY);
    assert.equal(await total(page), expected.total);
    assert.deepEqual(await hitTitles(page), expected.hits.map((h) => h.title));
    const marks = await page.locator("#hits mark").allTextContents();
    assert.ok(marks.every((m) => m.toLowerCase().startsWith("worker")), marks.join(","));
    await page.screenshot({ path: screenshotPath("results.png"), fullPage: true });
  });

  it("ticks a city facet: results and the other facet's counts change", async () => {
    const before = await total(page);
    const topicsBefore = await page.locator("#facet-topic label").allTextContents();
    const city = page.locator("#facet-city label").first();
    const [, name, count] = (await city.textContent()).match(/^\s*(.+?) \((\d+)\)/);
    await city.locator("input").check();
    await page.waitForURL((url) => url.searchParams.get("city") === name);
    await page.waitForFunction((n) => document.querySelector("#status").textContent.startsWith(n + " "), count);
    assert.equal(await total(page), Number(count));
    assert.ok(Number(count) < before);
    for (const meta of await page.locator("#hits .hit .meta").allTextContents()) assert.ok(meta.includes(name), meta);
    assert.notDeepEqual(await page.locator("#facet-topic label").allTextContents(), topicsBefore);
    assert.equal(await page.locator("#facet-city input:checked").count(), 1);
  });

  it("clicks a year bar to filter to that year", async () => {
    const bars = page.locator("#chart button");
    assert.ok((await bars.count()) >= 2, "a bar per year");
    const label = await bars.first().getAttribute("aria-label");
    const [, year, count] = label.match(/^(\d{4}): (\d+)/);
    await bars.first().click();
    await page.waitForURL((url) => url.searchParams.get("from") === year && url.searchParams.get("to") === year);
    await page.waitForFunction((n) => document.querySelector("#status").textContent.startsWith(n + " "), count);
    for (const meta of await page.locator("#hits .hit .meta").allTextContents()) assert.ok(meta.startsWith(year), meta);
    assert.equal(await page.locator(`#chart button[data-year="${year}"]`).getAttribute("aria-pressed"), "true");
    assert.equal(await page.locator("#year").inputValue(), year);
    filteredUrl = page.url();
    filteredTitles = await hitTitles(page);
  });

  it("follows a result to the article page with highlights and more like this", async () => {
    const first = page.locator("#hits .hit h3 a").first();
    const title = await first.textContent();
    await first.click();
    await page.waitForURL(/\/article\//);
    await page.locator("#view-article h1").waitFor();
    assert.equal(await page.locator("#view-article h1").textContent(), title);
    assert.equal(await page.locator("#view-search").isHidden(), true, "only the article shows");
    assert.ok((await page.locator("#view-article .text mark").count()) > 0, "matches marked in the text");
    await page.locator("#similar li").first().waitFor();
    assert.equal(await page.locator("#similar mark").count(), 0);
    await page.screenshot({ path: screenshotPath("article.png"), fullPage: true });
  });

  it("goes back to the same results with the back button", async () => {
    await page.goBack();
    await page.waitForURL(filteredUrl);
    await page.locator("#view-search").waitFor();
    await page.waitForFunction(() => !document.querySelector("#view-search").hidden &&
      document.querySelectorAll("#hits .hit").length > 0);
    assert.deepEqual(await hitTitles(page), filteredTitles);
    assert.equal(await page.locator("#facet-city input:checked").count(), 1);
    assert.equal(await page.locator("#q").inputValue(), QUERY);
    assert.equal(await page.locator("#view-article").isHidden(), true);
  });

  it("restores a shared URL in a fresh page", async () => {
    const other = await browser.newPage();
    await other.goto(filteredUrl);
    await other.locator("#hits .hit").first().waitFor();
    assert.deepEqual(await hitTitles(other), filteredTitles);
    assert.equal(await other.locator("#year").inputValue(), new URL(filteredUrl).searchParams.get("from"));
    await other.close();
  });

  it("pages through results", async () => {
    await page.goto(server.url + "/?q=" + QUERY);
    await page.locator("#pages a[rel=next]").click();
    await page.waitForURL((url) => url.searchParams.get("page") === "2");
    await page.waitForFunction(() => document.querySelector("#pages [aria-current]")?.textContent === "2");
    const expected = await api("/api/search?q=" + QUERY + "&page=2");
    assert.deepEqual(await hitTitles(page), expected.hits.map((h) => h.title));
  });

  it("says did you mean or showing results for a misspelling", async () => {
    await page.goto(server.url + "/?q=wrokers");
    await page.locator("#status").filter({ hasText: /articles?/ }).waitFor();
    const answer = await api("/api/search?q=wrokers");
    assert.ok(answer.suggestion || answer.corrected_query, "the API corrects it");
    const notice = await page.locator("#notices").textContent();
    assert.match(notice, answer.corrected_query ? /Showing results for/ : /Did you mean/);
    assert.ok(notice.includes(answer.corrected_query || answer.suggestion), notice);
  });

  it("shows a hostile query as text", async () => {
    const hostile = "<img src=x onerror=alert(1)>";
    await page.goto(server.url + "/?q=" + encodeURIComponent(hostile));
    await page.locator("#status").filter({ hasText: /articles?/ }).waitFor();
    assert.equal(await page.locator("#q").inputValue(), hostile);
    assert.equal(await page.locator("img").count(), 0);
  });

  it("fits a phone's width", async () => {
    const phone = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await phone.goto(server.url + "/?q=" + QUERY);
    await phone.locator("#hits .hit").first().waitFor();
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, "no sideways scrolling: " + width);
    await phone.screenshot({ path: screenshotPath("results-mobile.png") });
    await phone.close();
  });
});

describe("issue browser", () => {
  it("lists issues and shows one's table of contents", async () => {
    await page.goto(server.url + "/issues");
    const rows = page.locator("#view-issues tbody tr");
    await rows.first().waitFor();
    const issues = await api("/api/issues");
    assert.equal(await rows.count(), issues.issues.length);
    await rows.first().locator("a").click();
    await page.waitForURL(/\/issues\/\d+$/);
    const toc = page.locator("#view-issues .toc li");
    await toc.first().waitFor();
    const issue = await api("/api/issues/" + issues.issues[0].number);
    assert.equal(await toc.count(), issue.contents.length);
    await toc.first().locator("a").click();
    await page.locator("#view-article h1").waitFor();
    assert.equal(await page.locator("#view-article h1").textContent(), issue.contents[0].title);
    assert.equal(await page.locator("#view-issues").isHidden(), true);
  });
});

describe("without JavaScript", () => {
  it("searches through the server-rendered results page", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(server.url + "/");
    await plain.locator("#q").fill(QUERY);
    await plain.locator("#search-form button[type=submit]").click();
    await plain.waitForURL(/\/search\?q=workers/);
    const expected = await api("/api/search?q=" + QUERY);
    assert.deepEqual(await plain.locator(".hit h3").allTextContents(), expected.hits.map((h) => h.title));
    assert.ok((await plain.locator(".hit mark").count()) > 0);
    assert.match(await plain.locator(".status").textContent(), new RegExp("^" + expected.total + " articles"));
    const facet = plain.locator(".facet a").first();
    const count = Number(await facet.locator("xpath=following-sibling::span").textContent());
    await facet.click();
    assert.match(await plain.locator(".status").textContent(), new RegExp("^" + count + " articles?"));
    await plain.screenshot({ path: screenshotPath("results-no-js.png"), fullPage: true });
    // The article page, rendered by the server too.
    const title = await plain.locator(".hit h3 a").first().textContent();
    await plain.locator(".hit h3 a").first().click();
    await plain.waitForURL(/\/article\//);
    assert.equal(await plain.locator("#view-article h1").textContent(), title);
    assert.ok((await plain.locator("#view-article .text p").count()) > 1);
    // Echoed text is escaped, and link parameters cannot choose the highlight markup.
    await plain.goto(server.url + "/search?q=" + encodeURIComponent("<img src=x onerror=alert(1)> workers") +
      "&highlight_pre=" + encodeURIComponent("<b class=pwn>"));
    assert.equal(await plain.locator("img").count(), 0);
    assert.equal(await plain.locator(".pwn").count(), 0);
    assert.ok((await plain.locator(".hit mark").count()) > 0);
    assert.match(await plain.title(), /<img src=x/);
    await context.close();
  });
});

describe("WordPress widget", () => {
  it("turns the theme's search form into live search", async () => {
    const wp = await browser.newPage({ viewport: { width: 900, height: 700 } });
    await wp.goto(theme.origin + "/");
    await wp.locator("input[name=s]").pressSequentially(QUERY, { delay: 20 });
    const items = wp.locator(".aw-item");
    await items.first().waitFor();
    const expected = await api("/api/search?q=" + QUERY + "&per_page=4&facets=");
    assert.deepEqual(await wp.locator(".aw-title").allTextContents(), expected.hits.map((h) => h.title));
    assert.ok((await wp.locator(".aw-panel mark").count()) > 0);
    assert.ok(!(await wp.locator(".aw-panel").textContent()).includes("null"));
    const all = wp.locator(".aw-all");
    assert.equal(await all.getAttribute("href"), server.url + "/?q=" + QUERY);
    const about = expected.total_is_exact ? "" : "about ";
    assert.match(await all.textContent(), new RegExp("All " + about + expected.total.toLocaleString("en") + " results"));
    await wp.locator("input[name=s]").press("ArrowDown");
    assert.equal(await wp.locator("input[name=s]").getAttribute("aria-activedescendant"), await items.first().getAttribute("id"));
    await wp.screenshot({ path: screenshotPath("widget.png") });
    await all.click();
    await wp.waitForURL(server.url + "/?q=" + QUERY);
    await wp.locator("#hits .hit").first().waitFor();
    await wp.close();
  });

  it("stays out of the way on an origin the server does not allow", async () => {
    const wp = await browser.newPage();
    const refused = wp.waitForEvent("console", (m) => /CORS|Access-Control/i.test(m.text()));
    await wp.goto(theme.origin.replace("localhost", "127.0.0.1") + "/");
    await wp.locator("input[name=s]").pressSequentially(QUERY, { delay: 20 });
    await refused;
    assert.equal(await wp.locator(".aw-panel").isHidden(), true);
    await wp.locator("input[name=s]").press("Enter");
    await wp.waitForURL(/\?s=workers/); // the theme's own search still works
    await wp.close();
  });
});

describe("load time and size", () => {
  it("measures the results page (figures, not a pass/fail threshold)", async () => {
    const fresh = await browser.newContext();
    const p = await fresh.newPage();
    const bytes = {};
    p.on("response", async (response) => {
      const url = new URL(response.url());
      if (url.pathname.startsWith("/api/")) return;
      const headers = await response.allHeaders();
      bytes[url.pathname] = { encoding: headers["content-encoding"] || "identity", body: (await response.body()).length,
        transferred: Number(headers["content-length"] || 0) };
    });
    const started = Date.now();
    await p.goto(server.url + "/?q=" + QUERY, { waitUntil: "commit" });
    await p.locator("#hits .hit mark").first().waitFor();
    const visibleMs = Date.now() - started;
    const timing = await p.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      return { domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
    });
    const report = { articles: archive.articles.length, results_visible_ms: visibleMs, ...timing, assets: bytes };
    writeFileSync(screenshotPath("load.json"), JSON.stringify(report, null, 2) + "\n");
    console.log("page load:", JSON.stringify(report));
    assert.ok(Object.keys(bytes).length >= 3);
    await fresh.close();
  });
});
