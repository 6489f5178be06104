// The Graph JavaScript SDK's own batch helpers (BatchRequestContent / BatchResponseContent)
// against the real binary: a PATCH and the GETs that depend on it in one POST /v1.0/$batch.
//   node batch_client_test.mjs --binary build/oofgate
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { BatchRequestContent, BatchResponseContent, Client, HTTPMessageHandler } from "@microsoft/microsoft-graph-client";

import { OofgateBearerAuth } from "./oofgate_auth.mjs";
import { binaryFromArgs, startOofgate, stopOofgate } from "./oofgate_process.mjs";

const binary = binaryFromArgs();
assert.ok(binary, "pass --binary PATH/TO/oofgate (or set OOFGATE_BINARY)");

let dir;
let gateway;
let client;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "oofgate-batch-"));
  gateway = await startOofgate(binary, dir);
  client = Client.initWithMiddleware({
    middleware: [new OofgateBearerAuth(gateway.url, async () => "adele-rw"), new HTTPMessageHandler()],
    baseUrl: gateway.url,
    defaultVersion: "v1.0",
  });
});

after(async () => {
  assert.equal(await stopOofgate(gateway), 0);
  rmSync(dir, { recursive: true, force: true });
});

function patchStep(id, setting, dependsOn) {
  return {
    id,
    request: new Request(`${gateway.url}/v1.0/me/mailboxSettings`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ automaticRepliesSetting: setting }),
    }),
    ...(dependsOn ? { dependsOn } : {}),
  };
}

function getStep(id, path, dependsOn) {
  return { id, request: new Request(`${gateway.url}/v1.0${path}`, { method: "GET" }), ...(dependsOn ? { dependsOn } : {}) };
}

async function sendBatch(steps) {
  const content = await new BatchRequestContent(steps).getContent();
  return new BatchResponseContent(await client.api("/$batch").post(content));
}

test("a serial batch: PATCH, then a GET that sees it", async () => {
  const batch = await sendBatch([
    patchStep("1", { status: "alwaysEnabled", internalReplyMessage: "Out (batch)" }),
    getStep("2", "/me/mailboxSettings/automaticRepliesSetting", ["1"]),
  ]);
  const patched = batch.getResponseById("1");
  assert.equal(patched.status, 200);
  assert.equal((await patched.json()).automaticRepliesSetting.status, "alwaysEnabled");
  const read = batch.getResponseById("2");
  assert.equal(read.status, 200);
  assert.match(read.headers.get("Content-Type"), /^application\/json/);
  const body = await read.json();
  assert.equal(body.status, "alwaysEnabled");
  assert.equal(body.internalReplyMessage, "Out (batch)");
  // And outside the batch too.
  const alone = await client.api("/me/mailboxSettings/automaticRepliesSetting").get();
  assert.equal(alone.status, "alwaysEnabled");
});

test("parallel GETs answer exactly as if sent alone", async () => {
  const batch = await sendBatch([
    getStep("tz", "/me/mailboxSettings/timeZone"),
    getStep("lang", "/me/mailboxSettings/language"),
    getStep("all", "/me/mailboxSettings"),
  ]);
  for (const [id, path] of [["tz", "/me/mailboxSettings/timeZone"], ["lang", "/me/mailboxSettings/language"],
                            ["all", "/me/mailboxSettings"]]) {
    const item = batch.getResponseById(id);
    assert.equal(item.status, 200, id);
    assert.deepEqual(await item.json(), await client.api(path).get(), id);
  }
});

test("a failed PATCH fails its dependants with 424", async () => {
  const batch = await sendBatch([
    patchStep("1", { status: "sometimes" }),
    patchStep("2", { status: "disabled" }, ["1"]),
  ]);
  const failed = batch.getResponseById("1");
  assert.equal(failed.status, 400);
  assert.equal((await failed.json()).error.code, "InvalidArguments");
  const dependant = batch.getResponseById("2");
  assert.equal(dependant.status, 424);
  assert.equal((await dependant.json()).error.code, "FailedDependency");
  assert.equal((await client.api("/me/mailboxSettings/automaticRepliesSetting").get()).status, "alwaysEnabled");
});
