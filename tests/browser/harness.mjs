// What every browser test stands on: a small real archive built by the real binaries
// (archive-corpus, archive-index) in a temporary directory, the real archive-server on an
// ephemeral loopback port, a plain "WordPress theme" page served from another origin by a
// tiny Node server, and Debian's chromium driven by playwright-core.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, readFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
export const binDir = process.env.ARCHIVE_BIN_DIR || path.join(repo, "build/bin");
export const artifactsDir = process.env.ARCHIVE_ARTIFACTS_DIR || path.join(repo, "build/test-artifacts/browser");
export const ARTICLES = 500;

// Builds the archive once: returns {dir, index, articles} where `articles` are the
// generated records (for choosing queries from the data rather than hard-coding them).
export function buildArchive() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "archive-browser-"));
  const source = path.join(dir, "archive.jsonl");
  const index = path.join(dir, "index");
  execFileSync(path.join(binDir, "archive-corpus"), ["--seed", "7", "--articles", String(ARTICLES), "--out", source]);
  execFileSync(path.join(binDir, "archive-index"), ["update", "--index", index, source], { stdio: "ignore" });
  const articles = readFileSync(source, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line));
  return { dir, index, articles };
}

// archive-server --port 0; resolves with {url, stop} once it prints where it listens.
export function startServer(index, corsOrigins) {
  const args = ["--index", index, "--port", "0", "--threads", "8"];
  for (const origin of corsOrigins) args.push("--cors-origin", origin);
  const child = spawn(path.join(binDir, "archive-server"), args, { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk) => { stderr = (stderr + chunk).slice(-4000); });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error("archive-server did not start: " + stderr)), 20000);
    child.on("exit", (code) => reject(new Error("archive-server exited " + code + ": " + stderr)));
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const match = out.match(/Listening on (http:\/\/[^\s]+?)\/?\n/);
      if (!match) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      resolve({
        url: match[1].replace(/\/$/, ""),
        stop: () => new Promise((done) => { child.once("exit", done); child.kill("SIGTERM"); }),
      });
    });
  });
}

// A stand-in for a WordPress theme's page: its own search form (role=search, name=s)
// and our widget.js from the archive's server, on a different origin.
export function startThemeServer(getArchiveUrl) {
  const server = http.createServer((request, response) => {
    const archive = getArchiveUrl();
    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A WordPress site</title>
<style>body{font:16px Georgia,serif;margin:2rem;max-width:40rem}</style></head>
<body><h1>The Local Paper</h1>
<form role="search" method="get" class="search-form" action="/">
  <label><span class="screen-reader-text">Search for:</span>
  <input type="search" class="search-field" placeholder="Search …" value="" name="s"></label>
  <input type="submit" class="search-submit" value="Search">
</form>
<p>Our theme's content.</p>
<script src="${archive}/widget.js" data-results="4" defer></script>
</body></html>`;
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(page);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      // "localhost" and another port: a different origin from the archive's 127.0.0.1.
      resolve({ origin: `http://localhost:${port}`, stop: () => new Promise((done) => server.close(done)) });
    });
  });
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    // As root chromium needs --no-sandbox; the rest keep it off the network and quiet.
    // playwright-core gives every launch a fresh temporary profile (user data dir).
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export function screenshotPath(name) {
  mkdirSync(artifactsDir, { recursive: true });
  return path.join(artifactsDir, name);
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}
