// A real browser (headless Chromium) as a single-page app on another origin: a page served by
// this test calls oofgate with fetch and a bearer token (CORS preflight, PATCH, GET, and a 401
// it must be able to read), and posts what it saw back to the page's own server.
//   node browser_cors_test.mjs --binary build/oofgate --chromium /usr/bin/chromium
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { binaryFromArgs, startOofgate, stopOofgate } from "../graph_client/oofgate_process.mjs";

const binary = binaryFromArgs();
const chromiumFlag = process.argv.indexOf("--chromium");
const chromium = chromiumFlag > 0 ? process.argv[chromiumFlag + 1] : "chromium";
assert.ok(binary, "pass --binary PATH/TO/oofgate");

// What the page runs: every step's outcome, or the error fetch raised (a CORS refusal is a TypeError).
const PAGE_SCRIPT = `
async function run(api) {
  const seen = {};
  const token = { Authorization: "Bearer adele-rw", "client-request-id": "browser-1" };
  try {
    const patch = await fetch(api + "/v1.0/me/mailboxSettings", {
      method: "PATCH",
      headers: { ...token, "Content-Type": "application/json" },
      body: JSON.stringify({ automaticRepliesSetting: { status: "alwaysEnabled", internalReplyMessage: "From a browser" } }),
    });
    seen.patch = patch.status;
    seen.patchClientRequestId = patch.headers.get("client-request-id");
    const get = await fetch(api + "/v1.0/me/mailboxSettings/automaticRepliesSetting", { headers: token });
    seen.get = get.status;
    seen.getBody = await get.json();
    seen.getRequestId = get.headers.get("request-id");
    const anonymous = await fetch(api + "/v1.0/me/mailboxSettings");
    seen.anonymous = anonymous.status;
    seen.anonymousChallenge = anonymous.headers.get("WWW-Authenticate");
    seen.anonymousCode = (await anonymous.json()).error.code;
  } catch (error) {
    seen.error = error.name;
  }
  await fetch("/result", { method: "POST", body: JSON.stringify(seen) });
}
`;

let dir;
let gateway;
let pages;
let pagePort;
const results = new Map();  // page path -> resolve()

function page(api) {
  return `<!doctype html><meta charset="utf-8"><title>oofgate CORS</title><script>${PAGE_SCRIPT}
run(${JSON.stringify(api)});</script>`;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "oofgate-browser-"));
  pages = createServer((request, response) => {
    if (request.method === "POST" && request.url === "/result") {
      let body = "";
      request.on("data", (chunk) => { body += chunk; });
      request.on("end", () => {
        results.get(request.headers.host)?.(JSON.parse(body));
        response.writeHead(204).end();
      });
      return;
    }
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(page(gateway.url));
  });
  await new Promise((resolve) => pages.listen(0, "127.0.0.1", resolve));
  pagePort = pages.address().port;
  // Only the 127.0.0.1 spelling of the page's origin is allowed; "localhost" is another origin.
  gateway = await startOofgate(binary, dir, ["--cors-origin", `http://127.0.0.1:${pagePort}`]);
});

after(async () => {
  pages.close();
  assert.equal(await stopOofgate(gateway), 0);
  rmSync(dir, { recursive: true, force: true });
});

// Loads `url` in a fresh headless Chromium and resolves with what the page posted.
async function visit(host) {
  const profile = mkdtempSync(join(tmpdir(), "oofgate-chromium-"));
  const outcome = new Promise((resolve) => results.set(host, resolve));
  // Its own process group, so the browser's helper processes stop with it.
  const browser = spawn(chromium, ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                   "--no-first-run", "--disable-background-networking", "--disable-component-update",
                                   `--user-data-dir=${profile}`, `http://${host}/`],
                        { stdio: "ignore", detached: true });
  const exited = new Promise((resolve) => browser.on("exit", resolve));
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result from the page at ${host} within 60 s`)), 60000);
  });
  try {
    return await Promise.race([outcome, timeout]);
  } finally {
    clearTimeout(timer);
    try { process.kill(-browser.pid, "SIGKILL"); } catch { /* already gone */ }
    await exited;
    rmSync(profile, { recursive: true, force: true });
  }
}

test("a page from an allowed origin patches and reads with a bearer token, and reads a 401", async () => {
  const seen = await visit(`127.0.0.1:${pagePort}`);
  assert.equal(seen.error, undefined, JSON.stringify(seen));
  assert.equal(seen.patch, 200);
  assert.equal(seen.patchClientRequestId, "browser-1");  // exposed to script
  assert.equal(seen.get, 200);
  assert.equal(seen.getBody.status, "alwaysEnabled");
  assert.equal(seen.getBody.internalReplyMessage, "From a browser");
  assert.match(seen.getRequestId, /^[0-9a-f-]{36}$/);
  assert.equal(seen.anonymous, 401);
  assert.equal(seen.anonymousCode, "InvalidAuthenticationToken");
  assert.match(seen.anonymousChallenge, /^Bearer /);
});

test("a page from an origin not allowed cannot call oofgate", async () => {
  const seen = await visit(`localhost:${pagePort}`);
  assert.deepEqual(seen, { error: "TypeError" });
});
