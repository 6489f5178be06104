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
// its ready line, so no test waits on a timer.
export function startOofgate(binary, dir, extraArgs = []) {
  mkdirSync(join(dir, "data"), { recursive: true });
  writeFileSync(join(dir, "users.json"), JSON.stringify(USERS));
  const child = spawn(binary, ["serve", "--listen", "127.0.0.1:0", "--data-dir", join(dir, "data"),
                               "--users", join(dir, "users.json"), "--threads", "2", ...extraArgs],
                      { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => { child.kill("SIGKILL"); reject(new Error(`oofgate not ready: ${seen}`)); }, 60000);
    child.on("exit", (code) => reject(new Error(`oofgate exited (${code}) before it was ready: ${seen}`)));
    child.stdout.on("data", (chunk) => {
      seen += chunk;
      const match = /oofgate listening on (https?:\/\/127\.0\.0\.1:\d+)\n/.exec(seen);
      if (match) {
        clearTimeout(timer);
        child.removeAllListeners("exit");
        resolve({ child, url: match[1] });
      }
    });
  });
}

// SIGTERM, then the exit status (0 after a graceful drain).
export function stopOofgate(gateway) {
  return new Promise((resolve) => {
    if (gateway.child.exitCode !== null) { resolve(gateway.child.exitCode); return; }
    gateway.child.on("exit", (code) => resolve(code));
    gateway.child.kill("SIGTERM");
  });
}

export function binaryFromArgs() {
  const flag = process.argv.indexOf("--binary");
  return flag > 0 ? process.argv[flag + 1] : process.env.OOFGATE_BINARY;
}
