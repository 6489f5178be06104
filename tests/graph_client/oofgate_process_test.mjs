// The harness the Node-driven tests start and stop oofgate with (oofgate_process.mjs), against
// the real binary: a stop must report how the gateway ended, or fail, and never hang.
//   node oofgate_process_test.mjs --binary build/oofgate
import assert from "node:assert/strict";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { binaryFromArgs, startOofgate, stopOofgate } from "./oofgate_process.mjs";

const binary = binaryFromArgs();
assert.ok(binary, "pass --binary PATH/TO/oofgate (or set OOFGATE_BINARY)");

// Without the fixes these tests waited forever: the bound turns that into a failure.
const HANG = { timeout: 30000 };

let dir;
let runs = 0;
const start = () => startOofgate(binary, join(dir, `run-${++runs}`));

before(() => {
  dir = mkdtempSync(join(tmpdir(), "oofgate-process-"));
});

after(() => {
  rmSync(dir, { recursive: true, force: true });
});

test("stop hears the exit although the access log still arrives after SIGTERM", HANG, async () => {
  const gateway = await start();
  const answer = await fetch(`${gateway.url}/v1.0/me/mailboxSettings`, { headers: { Authorization: "Bearer adele-rw" } });
  assert.equal(answer.status, 200);
  await answer.arrayBuffer();
  const stopped = stopOofgate(gateway);
  // What the gateway's log writer does while it drains (under ASan it is late enough every run):
  // a batch of access log lines after the SIGTERM. It once removed stop's exit listener.
  gateway.child.stdout.emit("data", Buffer.from('{"method":"GET","status":200}\n'));
  assert.equal(await stopped, 0);
});

test("a gateway a signal ended before the stop resolves to that signal's name", HANG, async () => {
  const gateway = await start();
  gateway.child.kill("SIGKILL");
  await once(gateway.child, "exit");
  assert.equal(await stopOofgate(gateway), "SIGKILL");
});

test("a gateway that does not exit within the bound is killed and the stop fails", HANG, async () => {
  const gateway = await start();
  // A stopped process keeps the SIGTERM pending: from outside, a gateway that never exits.
  gateway.child.kill("SIGSTOP");
  await assert.rejects(stopOofgate(gateway, { timeoutMs: 1000 }),
                       new RegExp(`^Error: oofgate \\(pid ${gateway.child.pid}\\) did not exit within 1000 ms of SIGTERM; killed$`));
  if (gateway.child.signalCode === null) {
    await once(gateway.child, "exit");
  }
  assert.equal(gateway.child.signalCode, "SIGKILL");
});
