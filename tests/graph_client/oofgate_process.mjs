// Starts and stops a real oofgate binary for the Node-driven tests (Graph SDK batch, browser).
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const USERS = {
  users: [
    { id: "87d349ed-44d7-43e1-9a83-5f2406dee5bd", userPrincipalName: "adele@contoso.com", displayName: "Adele Vance",
      password: "Adele-Pa55", umEnabled: true },
    { id: "2b7a1d65-1f3c-4e1b-9a0f-0c3b5e2d7a91", userPrincipalName: "alex@contoso.com", displayName: "Alex Wilber",
      password: "Alex-Pa55", umEnabled: true },
  ],
  tokens: [
    { token: "adele-rw", user: "adele@contoso.com", kind: "delegated", scopes: ["MailboxSettings.ReadWrite"] },
    { token: "app-rw", kind: "application", roles: ["MailboxSettings.ReadWrite"] },
  ],
};

// `oofgate serve` on a free loopback port in `dir`; resolves to {child, url} once it printed
// its ready line, so no test waits on a timer. After that its stdout (the access log) is read and
// dropped: a pipe nobody reads fills at 64 KiB and the gateway's log writer would block on it.
export function startOofgate(binary, dir, extraArgs = []) {
  mkdirSync(join(dir, "data"), { recursive: true });
  writeFileSync(join(dir, "users.json"), JSON.stringify(USERS));
  const child = spawn(binary, ["serve", "--listen", "127.0.0.1:0", "--data-dir", join(dir, "data"),
                               "--users", join(dir, "users.json"), "--threads", "2", ...extraArgs],
                      { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let seen = "";
    const stopWaiting = () => {
      clearTimeout(timer);
      child.stdout.off("data", onData);
      child.off("exit", onEarlyExit);
      child.off("error", onError);
    };
    // Only this function's own listeners are removed: stopOofgate's exit listener must survive
    // the access log lines the gateway still writes while it drains.
    const onData = (chunk) => {
      seen += chunk;
      const match = /oofgate listening on (https?:\/\/127\.0\.0\.1:\d+)\n/.exec(seen);
      if (match) {
        stopWaiting();
        child.stdout.resume();
        resolve({ child, url: match[1] });
      }
    };
    const onEarlyExit = (code, signal) => {
      stopWaiting();
      reject(new Error(`oofgate exited (${code ?? signal}) before it was ready: ${seen}`));
    };
    const onError = (error) => {
      stopWaiting();
      reject(new Error(`oofgate could not be started: ${error.message}`));
    };
    const timer = setTimeout(() => {
      stopWaiting();
      child.kill("SIGKILL");
      reject(new Error(`oofgate not ready: ${seen}`));
    }, 60000);
    child.stdout.on("data", onData);
    child.on("exit", onEarlyExit);
    child.on("error", onError);
  });
}

// How long a stopped gateway may take to drain and exit (LeakSanitizer's exit scan included)
// before stopOofgate kills it and fails: a test must fail, never hang.
export const STOP_TIMEOUT_MS = 60000;

// The exit status after SIGTERM: 0 after a graceful drain, the signal's name ("SIGABRT", ...) if
// a signal ended it, including one that ended it before this call. Rejects, after SIGKILL, when it
// has not exited within `timeoutMs`.
export function stopOofgate(gateway, { timeoutMs = STOP_TIMEOUT_MS } = {}) {
  const child = gateway.child;
  const status = () => child.exitCode ?? child.signalCode;
  if (status() !== null) {
    return Promise.resolve(status());
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off("exit", onExit);
      child.kill("SIGKILL");
      reject(new Error(`oofgate (pid ${child.pid}) did not exit within ${timeoutMs} ms of SIGTERM; killed`));
    }, timeoutMs);
    const onExit = (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? signal);
    };
    child.once("exit", onExit);
    child.kill("SIGTERM");
  });
}

export function binaryFromArgs() {
  const flag = process.argv.indexOf("--binary");
  return flag > 0 ? process.argv[flag + 1] : process.env.OOFGATE_BINARY;
}
