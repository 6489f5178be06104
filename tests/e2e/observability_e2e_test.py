"""Operations against the real binary: /healthz and /readyz, Prometheus /metrics whose counters
move by exactly the traffic sent, --admin-listen, the JSON access log (one line per request, none
for probes), exactly one audit line per committed change (none for a no-op or rejected write), no
secret in any log stream, and a stdout nobody reads never stalls request handling."""

import argparse
import base64
import concurrent.futures
import http.client
import json
import os
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

ADELE_ID = "87d349ed-44d7-43e1-9a83-5f2406dee5bd"
PASSWORD = "Adele-Pa55"
TOKEN = "demo-adele-token"
REPLY_BODY = "Back on Monday, call my deputy - observability-secret-body"
SETTINGS = "/v1.0/me/mailboxSettings"
UM_PATH = "/UnifiedMessaging/Service.asmx"
SET_OOF = ('<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><SetOofStatus '
           'xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"><status>%s</status></SetOofStatus>'
           '</soap:Body></soap:Envelope>')

failures = []
passes = []


def check(condition, message):
    (passes if condition else failures).append(message)


class Gateway:
    def __init__(self, binary, users, workdir, *extra):
        self.err_path = os.path.join(workdir, "stderr.log")
        self.err = open(self.err_path, "wb")
        self.process = subprocess.Popen([binary, "serve", "--listen", "127.0.0.1:0", "--data-dir",
                                         os.path.join(workdir, "data"), "--users", users] + list(extra),
                                        stdout=subprocess.PIPE, stderr=self.err)
        self.stdout = b""
        deadline = time.time() + 20
        while b"\n" not in self.stdout:
            if time.time() > deadline or self.process.poll() is not None:
                raise RuntimeError("oofgate did not become ready: %r" % self.stdout)
            ready, _, _ = select.select([self.process.stdout], [], [], 0.5)
            if ready:
                self.stdout += os.read(self.process.stdout.fileno(), 4096)
        self.ready_line = self.stdout.split(b"\n", 1)[0].decode()
        self.port = int(self.ready_line.rsplit(":", 1)[1])

    def admin_port(self):
        deadline = time.time() + 10
        while time.time() < deadline:
            match = re.search(r"admin listening on http://127\.0\.0\.1:(\d+)", open(self.err_path).read())
            if match:
                return int(match.group(1))
            time.sleep(0.05)
        raise RuntimeError("no admin listening line")

    def stop(self):
        """SIGTERM, then everything the gateway wrote: stdout lines after the ready line, stderr."""
        self.process.send_signal(signal.SIGTERM)
        rest, _ = self.process.communicate(timeout=30)
        self.err.close()
        self.stdout += rest
        return self.stdout.decode(), open(self.err_path).read()


def call(port, method, path, headers=None, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()
    finally:
        connection.close()


def bearer(extra=None):
    headers = {"Authorization": "Bearer " + TOKEN}
    headers.update(extra or {})
    return headers


def scrape(port):
    status, headers, body = call(port, "GET", "/metrics")
    check(status == 200, "/metrics answers 200 (got %d)" % status)
    check(headers.get("Content-Type") == "text/plain; version=0.0.4; charset=utf-8",
          "/metrics Content-Type is Prometheus text 0.0.4 (got %r)" % headers.get("Content-Type"))
    values = {}
    for line in body.splitlines():
        if line and not line.startswith("#"):
            name, value = line.rsplit(" ", 1)
            values[name] = float(value)
    return values, body


def metric(values, name):
    return values.get(name, 0.0)


def scrape_counted(port, before, expected):
    """Scrapes until every series in expected has moved at least that far from before, for at most
    two seconds: a request is counted once its answer is written, which the client may see a
    moment sooner (a scrape on a new connection can be served by the other I/O thread first).
    The caller then checks the exact deltas, so a count that moves too far still fails."""
    deadline = time.time() + 2
    values, text = scrape(port)
    while time.time() < deadline and any(metric(values, name) - metric(before, name) < delta
                                         for name, delta in expected.items()):
        time.sleep(0.05)
        values, text = scrape(port)
    return values, text


def test_main_listener(binary, users, workdir):
    gateway = Gateway(binary, users, workdir)
    port = gateway.port
    status, _, body = call(port, "GET", "/healthz")
    check(status == 200 and body == "ok\n", "/healthz: 200 ok (got %d %r)" % (status, body))
    status, _, body = call(port, "GET", "/readyz")
    check(status == 200 and body == "ready\n", "/readyz: 200 ready (got %d %r)" % (status, body))

    get_series = 'oofgate_http_requests_total{facade="graph",operation="getMailboxSettings",code="200"}'
    hist_count = 'oofgate_http_request_duration_seconds_count{facade="graph",operation="getMailboxSettings"}'
    unauth = 'oofgate_auth_failures_total{reason="bearer"}'
    before, _ = scrape(port)
    for _ in range(3):
        status, _, _ = call(port, "GET", SETTINGS, bearer())
        check(status == 200, "GET settings answers 200")
    status, _, _ = call(port, "GET", SETTINGS, {"Authorization": "Bearer not-a-token"})
    check(status == 401, "a bad token answers 401 (got %d)" % status)
    after, text = scrape_counted(port, before, {get_series: 3, hist_count: 3, unauth: 1})
    check(metric(after, get_series) - metric(before, get_series) == 3,
          "requests_total for graph/getMailboxSettings/200 moved by exactly 3 (%s -> %s)"
          % (metric(before, get_series), metric(after, get_series)))
    check(metric(after, hist_count) - metric(before, hist_count) == 3, "the latency histogram counted 3 samples")
    check(metric(after, unauth) - metric(before, unauth) == 1, "auth_failures_total{reason=bearer} moved by 1")
    check('oofgate_http_request_duration_seconds_bucket{facade="graph",operation="getMailboxSettings",le="0.005"}'
          in text and 'le="+Inf"' in text, "histogram buckets are exposed")
    check(metric(after, "oofgate_open_connections") >= 1, "open connections gauge counts the scraping connection")

    # A change through Graph carrying a reply body, a no-op repeat, a rejected one, then UM with Basic.
    patch = json.dumps({"automaticRepliesSetting": {"status": "alwaysEnabled", "internalReplyMessage": REPLY_BODY}})
    status, _, _ = call(port, "PATCH", SETTINGS, bearer({"Content-Type": "application/json",
                                                          "client-request-id": "audit-check-1"}), patch)
    check(status == 200, "PATCH answers 200 (got %d)" % status)
    status, _, _ = call(port, "PATCH", SETTINGS, bearer({"Content-Type": "application/json"}), patch)
    check(status == 200, "the same PATCH again answers 200 (got %d)" % status)
    status, _, _ = call(port, "PATCH", SETTINGS, bearer({"Content-Type": "application/json"}),
                        json.dumps({"automaticRepliesSetting": {"status": "sometimes"}}))
    check(status == 400, "an invalid PATCH answers 400 (got %d)" % status)
    basic = "Basic " + base64.b64encode(("adele@contoso.com:" + PASSWORD).encode()).decode()
    status, _, _ = call(port, "POST", UM_PATH, {"Authorization": basic, "Content-Type": "text/xml",
                                                "SOAPAction": '"http://schemas.microsoft.com/exchange/services/2006/'
                                                              'messages/SetOofStatus"'}, SET_OOF % "false")
    check(status == 200, "UM SetOofStatus answers 200 (got %d)" % status)
    # Two requests on one keep-alive connection: nothing of the first may reach the second's line.
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    for headers in (bearer({"client-request-id": "keep-alive-1"}), {"client-request-id": "keep-alive-2"}):
        connection.request("GET", SETTINGS, headers=headers)
        connection.getresponse().read()
    connection.close()
    call(port, "GET", "/healthz")
    out, err = gateway.stop()

    lines = out.splitlines()
    check(lines[0] == gateway.ready_line, "the ready line stays the first line on stdout")
    records = [json.loads(line) for line in lines[1:]]
    access = [r for r in records if r["type"] == "access"]
    audit = [r for r in records if r["type"] == "audit"]
    # 3 GETs + 1 refused + 3 PATCHes + 1 UM + 2 on one connection = 10 requests; health probes and
    # scrapes are not logged.
    check(len(access) == 10, "one access line per request, none for probes or scrapes (got %d)" % len(access))
    fields = {"time", "type", "request_id", "client_request_id", "remote_address", "facade", "operation", "caller",
              "mailbox", "status", "duration_us", "bytes_in", "bytes_out"}
    check(all(set(r) == fields for r in access), "every access line has exactly the documented fields")
    gets = [r for r in access if r["operation"] == "getMailboxSettings" and r["status"] == 200 and
            r["client_request_id"] != "keep-alive-1"]
    check(len(gets) == 3 and all(r["client_request_id"] is None and len(r["request_id"]) == 36 for r in gets),
          "a request without client-request-id logs its request id once, client_request_id null: %r" % gets[:1])
    second = [r for r in access if r.get("client_request_id") == "keep-alive-2"]
    check(len(second) == 1 and second[0]["status"] == 401 and second[0]["caller"] is None and
          second[0]["mailbox"] is None and second[0]["operation"] is None,
          "the second request on a connection logs none of the first's caller, mailbox, operation: %r" % second)
    patched = [r for r in access if r.get("client_request_id") == "audit-check-1"]
    check(len(patched) == 1 and patched[0]["operation"] == "updateMailboxSettings" and
          patched[0]["mailbox"] == ADELE_ID and patched[0]["caller"] == ADELE_ID and patched[0]["status"] == 200 and
          patched[0]["remote_address"] == "127.0.0.1" and patched[0]["bytes_in"] == len(patch),
          "the PATCH's access line names operation, caller, mailbox, status, bytes in: %r" % patched)
    check(len(audit) == 2, "exactly two audit lines: the Graph change and the UM change (got %d)" % len(audit))
    if len(audit) == 2:
        graph, um = audit
        changes = {c["property"]: c for c in graph["changes"]}
        check(graph["facade"] == "graph" and graph["operation"] == "updateMailboxSettings" and
              graph["caller"] == ADELE_ID and graph["mailbox"] == ADELE_ID, "the Graph audit line says who and what")
        check(changes.get("automatic_replies.state", {}).get("from") == "disabled" and
              changes["automatic_replies.state"]["to"] == "always_enabled", "the audit line has the old and new state")
        message = changes.get("automatic_replies.internal_reply_message", {})
        check(re.fullmatch(r"len=%d sha256=[0-9a-f]{16}" % len(REPLY_BODY), message.get("to") or "") is not None,
              "a reply message appears as its length and a SHA-256 prefix: %r" % message)
        check(um["facade"] == "soap" and um["operation"] == "SetOofStatus" and
              um["changes"] == [{"property": "automatic_replies.state", "from": "always_enabled", "to": "disabled"}],
              "the UM audit line: %r" % um)
    for secret, name in ((PASSWORD, "password"), (TOKEN, "bearer token"), ("not-a-token", "bad token"),
                         (REPLY_BODY, "reply body"), (basic.split()[1], "Basic credentials")):
        check(secret not in out and secret not in err, "the %s appears in no log stream" % name)


def test_admin_listener(binary, users, workdir):
    gateway = Gateway(binary, users, workdir, "--admin-listen", "127.0.0.1:0", "--access-log", "off")
    admin = gateway.admin_port()
    status, _, _ = call(gateway.port, "GET", "/metrics")
    check(status == 404, "with --admin-listen the main listener 404s /metrics (got %d)" % status)
    status, _, _ = call(gateway.port, "GET", "/healthz")
    check(status == 200, "the main listener still answers /healthz")
    call(gateway.port, "GET", SETTINGS, bearer())
    series = 'oofgate_http_requests_total{facade="graph",operation="getMailboxSettings",code="200"}'
    values, _ = scrape_counted(admin, {}, {series: 1})
    check(metric(values, series) == 1, "the admin listener serves the main listener's metrics")
    status, _, _ = call(admin, "GET", SETTINGS, bearer())
    check(status == 404, "the admin listener serves nothing else (got %d)" % status)
    out, _ = gateway.stop()
    check(out.strip() == gateway.ready_line, "--access-log off: stdout has only the ready line")


def test_stuck_stdout(binary, users, workdir):
    """Nobody reads stdout after the ready line: the pipe fills (3000 lines are over 1 MB, the pipe
    holds 64 KiB), the log writer blocks, and every request is still answered promptly."""
    gateway = Gateway(binary, users, workdir)
    connection = http.client.HTTPConnection("127.0.0.1", gateway.port, timeout=10)
    started = time.time()
    answered = 0
    for _ in range(3000):
        connection.request("GET", SETTINGS, headers=bearer())
        response = connection.getresponse()
        response.read()
        answered += response.status == 200
    elapsed = time.time() - started
    connection.close()
    check(answered == 3000, "3000 requests answered with stdout stuck (got %d)" % answered)
    check(elapsed < 60, "and without stalling (%.1f s)" % elapsed)
    gateway.stop()


def test_closed_stdout(binary, users, workdir):
    """The reader of stdout goes away after the ready line (a supervisor that stopped reading, a
    test harness that closed the pipe): the next log line meets a closed pipe, which must cost
    that line, never the process (SIGPIPE's default action would kill it)."""
    gateway = Gateway(binary, users, workdir)
    gateway.process.stdout.close()
    statuses = []
    for _ in range(20):
        statuses.append(call(gateway.port, "GET", SETTINGS, bearer())[0])
    check(statuses == [200] * 20, "requests answered after stdout's reader left (got %r)" % statuses[:3])
    check(gateway.process.poll() is None, "the gateway still runs after writing to a closed pipe")
    gateway.process.send_signal(signal.SIGTERM)
    check(gateway.process.wait(timeout=30) == 0, "and stops cleanly")
    gateway.err.close()


def test_store_metrics(binary, users, workdir):
    """Every acknowledged write was committed in a batch the store histograms count: sequential
    writes are one batch each, concurrent ones share batches but every write is counted once."""
    # No concurrency limit: the concurrent writes below are all one caller's to one mailbox.
    gateway = Gateway(binary, users, workdir, "--access-log", "off", "--audit-log", "off",
                      "--throttle-concurrency", "0")
    port = gateway.port
    commits = "oofgate_store_commit_duration_seconds_count"
    batches = "oofgate_store_commit_batch_writes_count"
    writes = "oofgate_store_commit_batch_writes_sum"
    single = 'oofgate_store_commit_batch_writes_bucket{le="1"}'
    before, text = scrape(port)
    check("# TYPE oofgate_store_commit_duration_seconds histogram" in text and
          "# TYPE oofgate_store_commit_batch_writes histogram" in text, "the store histograms are exposed")
    for zone in ("Europe/Berlin", "Asia/Tokyo", "Europe/Paris", "America/Denver"):
        status, _, _ = call(port, "PATCH", SETTINGS, bearer({"Content-Type": "application/json"}),
                            json.dumps({"timeZone": zone}))
        check(status == 200, "PATCH timeZone answers 200 (got %d)" % status)
    after, _ = scrape(port)
    for name in (commits, batches, writes, single):
        check(metric(after, name) - metric(before, name) == 4,
              "4 sequential writes move %s by exactly 4 (%s -> %s)" % (name, metric(before, name), metric(after, name)))

    def patch(zone):
        return call(port, "PATCH", SETTINGS, bearer({"Content-Type": "application/json"}),
                    json.dumps({"timeZone": zone}))[0]

    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        statuses = list(pool.map(patch, ["Europe/Berlin", "Asia/Tokyo"] * 16))
    check(statuses == [200] * 32, "32 concurrent PATCHes answer 200")
    final, _ = scrape(port)
    check(metric(final, writes) - metric(after, writes) == 32,
          "32 concurrent writes add exactly 32 to the batch-size sum (got %s)" % (metric(final, writes) - metric(after, writes)))
    check(1 <= metric(final, batches) - metric(after, batches) <= 32, "in at most 32 commits")
    check(metric(final, batches) == metric(final, commits), "one duration sample per committed batch")
    gateway.stop()


def json_lines(text):
    """Each stderr line as a JSON object; a line that is not one fails the check and is skipped."""
    records = []
    for line in text.splitlines():
        try:
            records.append(json.loads(line))
        except ValueError:
            check(False, "an error-log line is not JSON: %r" % line)
    return records


def test_error_log_format_and_level(binary, users, workdir):
    gateway = Gateway(binary, users, os.path.join(workdir), "--log-format", "json", "--access-log", "off")
    _, err = gateway.stop()
    records = json_lines(err)
    check(len(records) >= 3, "--log-format json: the start-up summary, signal and stop lines (got %d)" % len(records))
    check(all(set(r) == {"time", "level", "component", "request_id", "message"} for r in records),
          "every JSON error-log line has exactly time, level, component, request_id, message: %r" % records[:1])
    check(all(r["level"] == "info" and r["component"] == "oofgate" for r in records),
          "start-up and shutdown lines are info lines of component oofgate")
    check(any(re.fullmatch(r"\d+ mailboxes, \d+ I/O threads, .*", r["message"]) for r in records),
          "the start-up summary is one of them")
    check(records and records[-1]["message"] == "stopped", "the last line says stopped")
    check(all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", r["time"]) for r in records),
          "times are UTC RFC 3339 with microseconds")

    quiet_dir = os.path.join(workdir, "quiet")
    os.mkdir(quiet_dir)
    gateway = Gateway(binary, users, quiet_dir, "--log-level", "error", "--access-log", "off")
    out, err = gateway.stop()
    check(err == "", "--log-level error: no info line at start or stop (got %r)" % err)
    check(out.strip() == gateway.ready_line, "and the ready line on stdout is unaffected")

    # An error still gets through --log-level error, in JSON: the admin port is taken.
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    try:
        result = subprocess.run([binary, "serve", "--listen", "127.0.0.1:0", "--data-dir",
                                 os.path.join(workdir, "failing"), "--users", users, "--log-level", "error",
                                 "--log-format", "json", "--admin-listen", "127.0.0.1:%d" % taken.getsockname()[1]],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=30)
    finally:
        taken.close()
    records = json_lines(result.stderr.decode())
    check(result.returncode == 1 and len(records) == 1 and records[0]["level"] == "error" and
          records[0]["message"].startswith("--admin-listen: "),
          "a start-up failure is one JSON error line (exit %d, %r)" % (result.returncode, records))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--users", required=True)
    args = parser.parse_args()
    for test in (test_main_listener, test_store_metrics, test_error_log_format_and_level, test_admin_listener, test_stuck_stdout, test_closed_stdout):
        workdir = tempfile.mkdtemp(prefix="oofgate-observe-")
        try:
            test(args.binary, args.users, workdir)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
    for message in failures:
        print("FAIL: " + message)
    print("%d checks passed, %d failed" % (len(passes), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
