// Drives a real oofgate binary with the official Microsoft Graph JavaScript SDK
// (@microsoft/microsoft-graph-client), as a Graph client developer would use it.
//   node graph_client_test.mjs --binary build/oofgate
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { Client, GraphError, HTTPMessageHandler, RetryHandler, RetryHandlerOptions } from "@microsoft/microsoft-graph-client";

import { OofgateBearerAuth } from "./oofgate_auth.mjs";
import { startOofgate, stopOofgate } from "./oofgate_process.mjs";

const startGateway = (dir, extraArgs) => startOofgate(binary, dir, extraArgs);
const stopGateway = stopOofgate;

const binaryFlag = process.argv.indexOf("--binary");
const binary = binaryFlag > 0 ? process.argv[binaryFlag + 1] : process.env.OOFGATE_BINARY;
assert.ok(binary, "pass --binary PATH/TO/oofgate (or set OOFGATE_BINARY)");
// ca.pem, server.pem and server.key of a throwaway CA (run_test.cmake makes them and points
// NODE_EXTRA_CA_CERTS at ca.pem, as a deployment with a private CA would).
const tlsFlag = process.argv.indexOf("--tls-dir");
const tlsDir = tlsFlag > 0 ? process.argv[tlsFlag + 1] : process.env.OOFGATE_TLS_DIR;
assert.ok(tlsDir, "pass --tls-dir DIR with ca.pem, server.pem and server.key (run_test.cmake does)");
assert.equal(process.env.NODE_EXTRA_CA_CERTS, join(tlsDir, "ca.pem"), "NODE_EXTRA_CA_CERTS must name the test CA");

const ADELE_ID = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";
const ALEX_ID = "2b7a1d65-1f3c-4e1b-9a0f-0c3b5e2d7a91";
// The chain a user builds for plain-http oofgate: our auth middleware instead of the SDK's
// AuthenticationHandler (see oofgate_auth.mjs), then the SDK's own retry and fetch handlers.
function graphClient(url, token, { retry = true } = {}) {
  const middleware = [new OofgateBearerAuth(url, async () => token)];
  if (retry) {
    middleware.push(new RetryHandler(new RetryHandlerOptions()));
  }
  middleware.push(new HTTPMessageHandler());
  return Client.initWithMiddleware({ middleware, baseUrl: url, defaultVersion: "v1.0" });
}

// A local date-time `days` from now, in Graph's dateTimeTimeZone.dateTime form.
function futureDateTime(days, hour) {
  const date = new Date(Date.now() + days * 86400000);
  return `${date.toISOString().slice(0, 10)}T${String(hour).padStart(2, "0")}:00:00.0000000`;
}

// Awaits a rejected SDK call and returns its GraphError.
async function graphError(promise) {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof GraphError, `expected a GraphError, got ${error}`);
    return error;
  }
  assert.fail("the request succeeded");
}

describe("Microsoft Graph JavaScript SDK against oofgate", () => {
  let dir;
  let gateway;
  let me;
  let app;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "oofgate-graph-client-"));
    gateway = await startGateway(join(dir, "main"));
    me = graphClient(gateway.url, "adele-rw");
    app = graphClient(gateway.url, "app-rw");
  });

  after(async () => {
    if (gateway) {
      assert.equal(await stopGateway(gateway), 0);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test("GET /me/mailboxSettings returns every member", async () => {
    const settings = await me.api("/me/mailboxSettings").get();
    assert.equal(settings["@odata.context"], `https://graph.microsoft.com/v1.0/$metadata#users('${ADELE_ID}')/mailboxSettings`);
    for (const member of ["archiveFolder", "automaticRepliesSetting", "timeZone", "language", "workingHours",
                          "userPurpose", "dateFormat", "timeFormat", "delegateMeetingMessageDeliveryOptions"]) {
      assert.ok(member in settings, `missing ${member}`);
    }
    assert.deepEqual(settings.language, { locale: "en-US", displayName: "English (United States)" });
  });

  test("PATCH scheduled automatic replies in a Windows zone", async () => {
    const start = futureDateTime(30, 18);
    const end = futureDateTime(38, 18);
    const answer = await me.api("/me/mailboxSettings").patch({
      automaticRepliesSetting: {
        status: "Scheduled",
        scheduledStartDateTime: { dateTime: start, timeZone: "Pacific Standard Time" },
        scheduledEndDateTime: { dateTime: end, timeZone: "Pacific Standard Time" },
      },
    });
    assert.equal(answer.automaticRepliesSetting.status, "scheduled");
    assert.deepEqual(answer.automaticRepliesSetting.scheduledStartDateTime, { dateTime: start, timeZone: "Pacific Standard Time" });
    const stored = await me.api("/me/mailboxSettings/automaticRepliesSetting").get();
    assert.deepEqual(stored.scheduledEndDateTime, { dateTime: end, timeZone: "Pacific Standard Time" });
  });

  test("PATCH scheduled automatic replies in an IANA zone", async () => {
    const start = futureDateTime(10, 9);
    const end = futureDateTime(12, 17);
    const answer = await me.api("/me/mailboxSettings").patch({
      automaticRepliesSetting: {
        status: "scheduled",
        externalAudience: "contactsOnly",
        internalReplyMessage: "Back soon.",
        scheduledStartDateTime: { dateTime: start, timeZone: "Europe/Berlin" },
        scheduledEndDateTime: { dateTime: end, timeZone: "Europe/Berlin" },
      },
    });
    assert.equal(answer.automaticRepliesSetting.externalAudience, "contactsOnly");
    assert.equal(answer.automaticRepliesSetting.scheduledStartDateTime.timeZone, "Europe/Berlin");
    assert.equal(answer.automaticRepliesSetting.scheduledStartDateTime.dateTime, start);
  });

  test("PATCH workingHours with a customTimeZone", async () => {
    const customTimeZone = {
      "@odata.type": "#microsoft.graph.customTimeZone",
      bias: -300,
      name: "Customized Time Zone",
      standardOffset: { time: "02:00:00", dayOccurrence: 2, dayOfWeek: "Sunday", month: 10, year: 0 },
      daylightOffset: { time: "02:00:00", dayOccurrence: 4, dayOfWeek: "Sunday", month: 5, year: 0, daylightBias: 100 },
    };
    const answer = await me.api("/me/mailboxSettings").patch({
      workingHours: { daysOfWeek: ["Monday", "Tuesday", "Wednesday"], startTime: "09:00:00.0000000",
                      endTime: "15:30:00.0000000", timeZone: customTimeZone },
    });
    assert.deepEqual(answer.workingHours.daysOfWeek, ["monday", "tuesday", "wednesday"]);
    const hours = await me.api("/me/mailboxSettings/workingHours").get();
    assert.equal(hours.endTime, "15:30:00.0000000");
    assert.equal(hours.timeZone["@odata.type"], "#microsoft.graph.customTimeZone");
    assert.equal(hours.timeZone.bias, -300);
    assert.equal(hours.timeZone.daylightOffset.daylightBias, 100);
    assert.equal(hours.timeZone.standardOffset.dayOfWeek, "sunday");
  });

  test(".select() returns only the selected members", async () => {
    const selected = await me.api("/me/mailboxSettings").select(["timeZone", "language"]).get();
    assert.deepEqual(Object.keys(selected).sort(), ["@odata.context", "language", "timeZone"]);
    assert.match(selected["@odata.context"], /\/mailboxSettings\(timeZone,language\)$/);
  });

  test("/users/{userPrincipalName} with an application token", async () => {
    const settings = await app.api("/users/alex@contoso.com/mailboxSettings").get();
    assert.equal(settings["@odata.context"], `https://graph.microsoft.com/v1.0/$metadata#users('${ALEX_ID}')/mailboxSettings`);
    const zone = await app.api("/users/alex@contoso.com/mailboxSettings/timeZone").get();
    assert.equal(zone.value, "UTC");
    const user = await app.api("/users/alex@contoso.com").select(["id", "mailboxSettings"]).get();
    assert.equal(user.id, ALEX_ID);
    assert.equal(user.mailboxSettings.timeZone, "UTC");
  });

  test("supportedLanguages and the language display name", async () => {
    const languages = await me.api("/me/outlook/supportedLanguages").get();
    assert.ok(languages.value.some((l) => l.locale === "fr-FR" && l.displayName === "French (France)"));
    const answer = await me.api("/me/mailboxSettings").patch({ language: { locale: "fr-FR" } });
    assert.deepEqual(answer.language, { locale: "fr-FR", displayName: "French (France)" });
    const zones = await me.api("/me/outlook/supportedTimeZones(TimeZoneStandard=microsoft.graph.timeZoneStandard'Iana')").get();
    assert.ok(zones.value.some((z) => z.alias === "Europe/Berlin"));
  });

  test("errors surface as GraphError with Graph's code", async () => {
    const badZone = await graphError(me.api("/me/mailboxSettings").patch({ timeZone: "Mars/Olympus Mons" }));
    assert.equal(badZone.statusCode, 400);
    assert.equal(badZone.code, "InvalidTimeZone");
    assert.match(badZone.requestId, /^[0-9a-f-]{36}$/);
    const denied = await graphError(me.api(`/users/${ALEX_ID}/mailboxSettings`).get());
    assert.equal(denied.statusCode, 403);
    assert.equal(denied.code, "ErrorAccessDenied");
    const unknown = await graphError(app.api("/users/nobody@contoso.com/mailboxSettings").get());
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.code, "ErrorInvalidUser");
    const appOnMe = await graphError(app.api("/me/mailboxSettings").get());
    assert.equal(appOnMe.code, "BadRequest");
  });

  test("the SDK's default chain drops the token over plain http, hence OofgateBearerAuth", async () => {
    const defaults = Client.init({ authProvider: (done) => done(null, "adele-rw"), baseUrl: gateway.url,
                                   customHosts: new Set(["127.0.0.1"]) });
    const error = await graphError(defaults.api("/me/mailboxSettings").get());
    assert.equal(error.statusCode, 401);
    assert.equal(error.code, "InvalidAuthenticationToken");
    assert.equal(error.message, "Access token is empty.");
  });

  test("throttling surfaces as 429 ApplicationThrottled", async () => {
    const limited = await startGateway(join(dir, "limited"), ["--throttle-requests", "2", "--throttle-window", "3600"]);
    try {
      // No RetryHandler here: it would wait out Retry-After (up to an hour) before giving up.
      const client = graphClient(limited.url, "app-rw", { retry: false });
      await client.api("/users/adele@contoso.com/mailboxSettings").get();
      await client.api("/users/adele@contoso.com/mailboxSettings").get();
      const throttled = await graphError(client.api("/users/adele@contoso.com/mailboxSettings").get());
      assert.equal(throttled.statusCode, 429);
      assert.equal(throttled.code, "ApplicationThrottled");
      assert.ok(Number(throttled.headers.get("Retry-After")) > 0);
    } finally {
      assert.equal(await stopGateway(limited), 0);
    }
  });
});

// The way a Graph client is deployed for real: oofgate behind TLS, a JWT from the identity
// provider (here minted by `oofgate token`), and the SDK's stock chain with no middleware of
// ours: `customHosts` lets its AuthenticationHandler send the token to oofgate's host.
describe("Microsoft Graph JavaScript SDK over https with a JWT and the stock chain", () => {
  const issuer = "https://idp.contoso.test/realms/corp";
  const audience = "api://oofgate";
  let dir;
  let gateway;
  let secretFile;

  const mint = (...args) =>
    execFileSync(binary, ["token", "--secret-file", secretFile, "--issuer", issuer, "--audience", audience, ...args],
                 { encoding: "utf8" }).trim();
  const stockClient = (token) => Client.init({
    authProvider: (done) => done(null, token),
    baseUrl: gateway.url.replace("127.0.0.1", "localhost"),
    customHosts: new Set(["localhost"]),
  });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "oofgate-graph-https-"));
    secretFile = join(dir, "jwt-secret");
    writeFileSync(secretFile, randomBytes(48).toString("base64") + "\n");
    gateway = await startGateway(join(dir, "main"), [
      "--tls-cert", join(tlsDir, "server.pem"), "--tls-key", join(tlsDir, "server.key"),
      "--jwt-hs256-secret-file", secretFile, "--jwt-issuer", issuer, "--jwt-audience", audience]);
  });

  after(async () => {
    if (gateway) {
      assert.equal(await stopGateway(gateway), 0);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test("the gateway serves https", () => {
    assert.match(gateway.url, /^https:\/\/127\.0\.0\.1:\d+$/);
  });

  test("GET and PATCH /me/mailboxSettings with a delegated JWT", async () => {
    const me = stockClient(mint("--user", "adele@contoso.com", "--scopes", "MailboxSettings.ReadWrite User.Read"));
    const settings = await me.api("/me/mailboxSettings").get();
    assert.equal(settings["@odata.context"], `https://graph.microsoft.com/v1.0/$metadata#users('${ADELE_ID}')/mailboxSettings`);
    const answer = await me.api("/me/mailboxSettings").patch({
      automaticRepliesSetting: { status: "alwaysEnabled", internalReplyMessage: "Away over https." },
    });
    assert.equal(answer.automaticRepliesSetting.status, "alwaysEnabled");
    const stored = await me.api("/me/mailboxSettings/automaticRepliesSetting").get();
    assert.equal(stored.internalReplyMessage, "Away over https.");
  });

  test("an application JWT reads another mailbox and is refused /me", async () => {
    const app = stockClient(mint("--app", "reporting-daemon", "--roles", "MailboxSettings.Read"));
    const zone = await app.api("/users/alex@contoso.com/mailboxSettings/timeZone").get();
    assert.equal(zone.value, "UTC");
    const appOnMe = await graphError(app.api("/me/mailboxSettings").get());
    assert.equal(appOnMe.statusCode, 400);
    assert.equal(appOnMe.code, "BadRequest");
    const readOnly = await graphError(app.api("/users/alex@contoso.com/mailboxSettings").patch({ timeZone: "UTC" }));
    assert.equal(readOnly.statusCode, 403);
    assert.equal(readOnly.code, "ErrorAccessDenied");
  });

  test("a delegated JWT cannot reach another mailbox", async () => {
    const me = stockClient(mint("--user", "adele@contoso.com", "--scopes", "MailboxSettings.ReadWrite"));
    const denied = await graphError(me.api(`/users/${ALEX_ID}/mailboxSettings`).get());
    assert.equal(denied.statusCode, 403);
    assert.equal(denied.code, "ErrorAccessDenied");
  });

  test("a JWT for another audience surfaces as 401 InvalidAuthenticationToken", async () => {
    const foreign = execFileSync(binary, ["token", "--secret-file", secretFile, "--issuer", issuer, "--audience",
                                          "api://someone-else", "--user", "adele@contoso.com", "--scopes",
                                          "MailboxSettings.ReadWrite"], { encoding: "utf8" }).trim();
    const error = await graphError(stockClient(foreign).api("/me/mailboxSettings").patch({ timeZone: "UTC" }));
    assert.equal(error.statusCode, 401);
    assert.equal(error.code, "InvalidAuthenticationToken");
    assert.equal(error.message, "the token's aud is not this API's audience");
  });

  test("without customHosts the stock chain sends no token to oofgate's host", async () => {
    const token = mint("--user", "adele@contoso.com", "--scopes", "MailboxSettings.Read");
    const client = Client.init({ authProvider: (done) => done(null, token),
                                 baseUrl: gateway.url.replace("127.0.0.1", "localhost") });
    const error = await graphError(client.api("/me/mailboxSettings").get());
    assert.equal(error.statusCode, 401);
    assert.equal(error.message, "Access token is empty.");
  });
});
