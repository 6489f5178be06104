#!/usr/bin/env python3
"""Runs the hostile corpus (cases.py) against the real oofgate binary, on 127.0.0.1 only.

Starts one gateway on port 0 with a temporary data directory and users file, snapshots every
mailbox (Graph GET with the application token, UM GetUMProperties with Basic), then sends each
case over a raw socket and asserts status, body and connection fate. After each case the server
must answer a normal request within 1 s and every mailbox must be as before; a gateway that died
or hung is reported and restarted so the rest of the corpus still runs. Prints one line per
case and `N passed, N failed`; exits 1 on any failure."""

import argparse
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ElementTree

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "durability"))

import builders  # noqa: E402
import gateway_driver  # noqa: E402
from builders import ADELE, APP_TOKEN, BASIC_ADELE, CAROL, USERS, basic, envelope, operation, request, soap11  # noqa: E402
from cases import CASES, Expect  # noqa: E402
from raw_http import Connection, ProtocolError  # noqa: E402

READ_TIMEOUT_SECONDS = 2  # --read-timeout: slow-client cases wait for it
CASE_TIMEOUT_SECONDS = 30
SOAP_NAMESPACES = {"soap11": builders.SOAP11_NS, "soap12": builders.SOAP12_NS}
CONTENT_TYPES = {"graph": "application/json", "soap11": "text/xml", "soap12": "application/soap+xml",
                 "plain": "text/plain; charset=utf-8", "ews": "text/xml; charset=utf-8",
                 "pox": "text/xml; charset=utf-8"}
POX_RESPONSE_NS = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"
HEALTH_REQUEST = request("GET", builders.UM_PATH + "?wsdl")


class Gateway(gateway_driver.Gateway):
    """One `oofgate serve` on 127.0.0.1:0 (start, ready line and stop as in the durability tests);
    `nofile` runs it with that RLIMIT_NOFILE. Only this process is ever signalled, by pid."""

    def __init__(self, binary, workdir, name, extra_args, nofile=None):
        os.makedirs(os.path.join(workdir, name), exist_ok=True)
        self.log = open(os.path.join(workdir, name, "gateway-%d.log" % time.monotonic_ns()), "wb")
        args = [binary, "serve", "--listen", "127.0.0.1:0", "--threads", "2",
                "--data-dir", os.path.join(workdir, name, "data"), "--users", os.path.join(workdir, "users.json"),
                "--read-timeout", str(READ_TIMEOUT_SECONDS), "--idle-timeout", str(READ_TIMEOUT_SECONDS),
                "--throttle-requests", str(builders.THROTTLE_REQUESTS),
                "--throttle-window", str(builders.THROTTLE_WINDOW_SECONDS)] + extra_args

        def limit_descriptors():
            resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile))

        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=self.log,
                                        preexec_fn=limit_descriptors if nofile else None)
        self.pid = self.process.pid
        self.scheme, self.port = self._wait_ready(30)

    def alive(self):
        return self.process.poll() is None

    def log_tail(self, lines=5):
        if not self.log.closed:
            self.log.flush()
        with open(self.log.name, "rb") as log:
            return b"\n".join(log.read().splitlines()[-lines:]).decode("utf-8", "replace")

    def stop(self):
        if not self.log.closed:
            super().stop()


def graph_snapshot_requests():
    return [request("GET", "/v1.0/users/%s/mailboxSettings" % user["id"], [("Authorization", "Bearer " + APP_TOKEN)])
            for user in USERS]


def exchange(port, raw_requests, seconds):
    """Pipelines the requests on one new connection; the answers, all within `seconds`."""
    connection = Connection(port, timeout=seconds)
    try:
        deadline = time.monotonic() + seconds
        connection.send(b"".join(raw_requests))
        answers = []
        for _ in raw_requests:
            answers.append(connection.read_response(timeout=max(0.01, deadline - time.monotonic())))
        return answers
    finally:
        connection.close()


class Context:
    """What cases and scenarios see: the port, the health check, a way to start another gateway."""

    def __init__(self, args, workdir):
        self.args = args
        self.workdir = workdir
        self.read_timeout = READ_TIMEOUT_SECONDS
        self.gateway = None
        self.port = None
        self.last_graph = None
        self.data_changed_by = []

    def start_gateway(self, name, nofile=None, extra_args=()):
        return Gateway(self.args.binary, self.workdir, name, (self.args.serve_arg or []) + list(extra_args), nofile)

    def start_main(self):
        self.gateway = self.start_gateway("main")
        self.port = self.gateway.port

    def keep_pristine_copy(self):
        """Copies the freshly created store (gateway stopped) so a case that changed data can be undone."""
        self.gateway.stop()
        shutil.copytree(os.path.join(self.workdir, "main", "data"), os.path.join(self.workdir, "pristine"))
        self.start_main()

    def restart_from_pristine(self):
        self.gateway.stop()
        data = os.path.join(self.workdir, "main", "data")
        shutil.rmtree(data)
        shutil.copytree(os.path.join(self.workdir, "pristine"), data)
        self.start_main()
        self.health_failures("after restoring the store")

    def health_failures(self, label, port=None, seconds=1.0, graph=True):
        """Failures unless a normal request (the WSDL, and with `graph` each mailbox through Graph)
        is answered 200 within `seconds`; remembers the Graph bodies for the data check."""
        requests = [HEALTH_REQUEST] + (graph_snapshot_requests() if graph else [])
        try:
            answers = exchange(port or self.port, requests, seconds)
        except (OSError, TimeoutError, ProtocolError) as error:
            return ["no normal answer within %.1f s %s: %s" % (seconds, label, error)]
        if any(answer is None or answer.status != 200 for answer in answers):
            return ["normal request %s: %s" % (label, [a.status if a else None for a in answers])]
        if graph:
            self.last_graph = [answer.body for answer in answers[1:]]
        return []


def um_snapshot(port):
    bodies = []
    for user in (ADELE, CAROL):
        auth = basic(user["userPrincipalName"].encode(), user["password"].encode())
        answer = exchange(port, [soap11(envelope(operation("GetUMProperties")), auth=auth)], 10.0)[0]
        if answer is None or answer.status != 200:
            raise RuntimeError("GetUMProperties for %s: %r" % (user["userPrincipalName"], answer))
        bodies.append(answer.body)
    return bodies


# ---- checking one answer ---------------------------------------------------------------------

def check_protocol(protocol, expect, response, snapshots):
    """Failures of `response` against `expect`, read as `protocol`."""
    content_type = response.header("content-type") or ""
    if not content_type.lower().startswith(CONTENT_TYPES[protocol].lower()):
        return ["Content-Type %r is not %s" % (content_type, protocol)]
    if protocol == "plain":
        text = response.body.decode("utf-8").strip()
        return [] if expect.message is None or text == expect.message else ["text %r != %r" % (text, expect.message)]
    if protocol == "graph":
        return check_graph(expect, response, snapshots)
    if protocol == "ews":
        return check_ews(expect, response)
    if protocol == "pox":
        return check_pox(expect, response)
    return check_soap(protocol, expect, response)


def check_graph(expect, response, snapshots):
    try:
        document = json.loads(response.body)
    except ValueError as error:
        return ["not JSON: %s" % error]
    if expect.same_as is not None:
        expected = json.loads(snapshots[expect.same_as])
        expected.pop("@odata.context", None)
        document.pop("@odata.context", None)
        return [] if document == expected else ["body differs from %s's mailboxSettings" % expect.same_as]
    if response.status < 400:
        return []
    error = document.get("error") if isinstance(document, dict) else None
    if not isinstance(error, dict):
        return ["no Graph error object"]
    failures = []
    if expect.code is not None and error.get("code") != expect.code:
        failures.append("error.code %r != %r" % (error.get("code"), expect.code))
    if expect.message is not None and error.get("message") != expect.message:
        failures.append("error.message %r != %r" % (error.get("message"), expect.message))
    inner = error.get("innerError") or {}
    if not all(key in inner for key in ("date", "request-id", "client-request-id")):
        failures.append("innerError incomplete: %r" % inner)
    return failures


def soap_text(root, path, namespaces):
    node = root.find(path, namespaces)
    return None if node is None else (node.text or "").strip()


def check_soap(protocol, expect, response):
    try:
        root = ElementTree.fromstring(response.body)
    except ElementTree.ParseError as error:
        return ["not XML: %s" % error]
    ns = {"soap": SOAP_NAMESPACES[protocol], "m": builders.MESSAGES_NS}
    if root.tag != "{%s}Envelope" % ns["soap"]:
        return ["root %s is not a %s Envelope" % (root.tag, protocol)]
    fault = root.find("soap:Body/soap:Fault", ns)
    if response.status == 200:
        return [] if fault is None else ["200 with a Fault"]
    if fault is None:
        return ["no Fault"]
    if protocol == "soap11":
        code, reason = soap_text(fault, "faultcode", ns), soap_text(fault, "faultstring", ns)
        exception = soap_text(fault, "detail/m:ExceptionType", ns)
    else:
        code, reason = soap_text(fault, "soap:Code/soap:Value", ns), soap_text(fault, "soap:Reason/soap:Text", ns)
        exception = soap_text(fault, "soap:Detail/m:ExceptionType", ns)
    failures = []
    for label, got, wanted in (("fault code", code, expect.code), ("ExceptionType", exception, expect.exception),
                               ("fault text", reason, expect.message)):
        if wanted is not None and got != wanted:
            failures.append("%s %r != %r" % (label, got, wanted))
    return failures


def compare(fields):
    """Failures for each (label, got, wanted) whose wanted value is given and differs."""
    return ["%s %r != %r" % (label, got, wanted) for label, got, wanted in fields if wanted is not None and got != wanted]


def check_ews(expect, response):
    """An EWS answer: a SOAP 1.1 envelope with t:ServerVersionInfo in its Header, faults included.
    `exception` is the fault's detail/e:ResponseCode, or on a 200 the ResponseMessage's ResponseCode."""
    try:
        root = ElementTree.fromstring(response.body)
    except ElementTree.ParseError as error:
        return ["not XML: %s" % error]
    ns = {"soap": builders.SOAP11_NS, "m": builders.MESSAGES_NS, "t": builders.TYPES_NS, "e": builders.ERRORS_NS}
    if root.tag != "{%s}Envelope" % ns["soap"]:
        return ["root %s is not a SOAP 1.1 Envelope" % root.tag]
    failures = [] if root.find("soap:Header/t:ServerVersionInfo", ns) is not None else ["no t:ServerVersionInfo"]
    fault = root.find("soap:Body/soap:Fault", ns)
    if response.status == 200:
        if fault is not None:
            return failures + ["200 with a Fault"]
        return failures + compare([("ResponseCode", soap_text(root, ".//m:ResponseCode", ns), expect.exception),
                                   ("MessageText", soap_text(root, ".//m:MessageText", ns), expect.message)])
    if fault is None:
        return failures + ["no Fault"]
    return failures + compare([("fault code", soap_text(fault, "faultcode", ns), expect.code),
                               ("ResponseCode", soap_text(fault, "detail/e:ResponseCode", ns), expect.exception),
                               ("fault text", soap_text(fault, "faultstring", ns), expect.message)])


def check_pox(expect, response):
    """An Autodiscover POX answer: <Autodiscover> in the 2006 response schema; `code` is the
    Error's ErrorCode and `message` its Message."""
    try:
        root = ElementTree.fromstring(response.body)
    except ElementTree.ParseError as error:
        return ["not XML: %s" % error]
    if root.tag != "{%s}Autodiscover" % POX_RESPONSE_NS:
        return ["root %s is not a POX Autodiscover response" % root.tag]
    error = root.find("{*}Response/{*}Error")
    if error is None:
        return ["no Response/Error"] if expect.code is not None else []
    return compare([("ErrorCode", soap_text(error, "{*}ErrorCode", {}), expect.code),
                    ("Message", soap_text(error, "{*}Message", {}), expect.message)])


def check_answer(expect, response, snapshots):
    failures = []
    if response.status != expect.status:
        failures.append("status %d != %d" % (response.status, expect.status))
    try:
        response.body.decode("utf-8")
    except UnicodeDecodeError as error:
        failures.append("body is not valid UTF-8 (%s): %r" % (error, response.body[:200]))
        return failures
    for name, value in expect.headers:
        if response.header(name) != value:
            failures.append("header %s: %r != %r" % (name, response.header(name), value))
    protocols = expect.protocol if isinstance(expect.protocol, tuple) else (expect.protocol,)
    attempts = [check_protocol(protocol, expect, response, snapshots) for protocol in protocols]
    if all(attempts):
        failures += min(attempts, key=len) if len(protocols) == 1 else [
            "not %s: %s" % (" nor ".join(protocols), "; ".join(sum(attempts, [])))]
    return failures


def send_in_background(connection, data):
    thread = threading.Thread(target=connection.send, args=(data,), daemon=True)
    thread.start()
    return thread


def run_exchange_case(ctx, case, snapshots):
    data = case.send() if callable(case.send) else case.send
    expect: Expect = case.expect
    connection = Connection(ctx.port, timeout=CASE_TIMEOUT_SECONDS)
    try:
        started = time.monotonic()
        send_in_background(connection, data)
        allowance = expect.within + len(data) / 20e6  # the time loopback needs to carry a big request
        try:
            response = connection.read_response(timeout=allowance + 5.0)
        except TimeoutError:
            return ["no answer within %.1f s" % (allowance + 5.0)]
        except ProtocolError as error:
            return ["not an HTTP answer: %s" % error]
        elapsed = time.monotonic() - started
        if response is None:
            return ["connection closed without an answer"]
        failures = check_answer(expect, response, snapshots)
        if elapsed > allowance:
            failures.append("answered in %.2f s (limit %.2f s)" % (elapsed, allowance))
        failures += check_fate(expect, response, connection)
        return failures
    finally:
        connection.close()


def check_fate(expect, response, connection):
    if expect.fate == "closed":
        failures = [] if response.wants_close() else ["answer does not say Connection: close"]
        if connection.buffer:
            return failures + ["more bytes after the answer: %r" % connection.buffer[:120]]
        if not connection.closed_by_peer(3.0):
            failures.append("connection still open 3 s after the answer" + (
                ": %r" % connection.buffer[:120] if connection.buffer else ""))
        return failures
    if response.wants_close():
        return ["answer closes the connection; expected it kept open"]
    if not connection.send(HEALTH_REQUEST):
        return ["connection closed after the answer; expected it kept open"]
    try:
        follow_up = connection.read_response(timeout=2.0)
    except (TimeoutError, ProtocolError) as error:
        return ["no answer to a normal request on the same connection: %s" % error]
    if follow_up is None or follow_up.status != 200 or not (follow_up.header("content-type") or "").startswith(
            "text/xml"):
        return ["the same connection then answered a normal request with %r (a smuggled request?)" % follow_up]
    return []


# ---- the corpus ------------------------------------------------------------------------------

def recover(ctx, failures):
    """Restarts the gateway after it died or hung, so the rest of the corpus runs."""
    try:
        ctx.gateway.process.wait(3)  # a process that aborts may take a moment to go
    except subprocess.TimeoutExpired:
        pass
    if ctx.gateway.alive():
        if not ctx.health_failures("(retry after 5 s)", seconds=5.0):
            return
        failures.append("HANG: no answer for 5 s; killed and restarted (log: %s)" % ctx.gateway.log_tail(3))
        os.kill(ctx.gateway.pid, signal.SIGKILL)
        ctx.gateway.process.wait()
    else:
        code = ctx.gateway.process.returncode
        failures.append("CRASH: the gateway exited (%s); log: %s" % (
            "signal %d" % -code if code < 0 else "code %d" % code, ctx.gateway.log_tail(3).replace("\n", " / ")))
    ctx.restart_from_pristine()


def run_case(ctx, case, snapshots):
    before = list(ctx.last_graph)
    try:
        failures = case.scenario(ctx) if case.scenario else run_exchange_case(ctx, case, snapshots)
    except Exception as error:  # a broken case must not stop the corpus
        failures = ["runner error: %s: %s" % (type(error).__name__, error)]
    if not ctx.gateway.alive():
        recover(ctx, failures)
        return failures
    health = ctx.health_failures("after the case")
    if health:
        failures += health
        recover(ctx, failures)
        return failures
    changed = [user["userPrincipalName"] for user, old, new in zip(USERS, before, ctx.last_graph) if old != new]
    if changed:
        failures.append("DATA CHANGED: %s (store restored)" % ", ".join(changed))
        ctx.data_changed_by.append(case.name)
        ctx.restart_from_pristine()
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--only", help="run only cases whose name matches this regular expression")
    parser.add_argument("--serve-arg", action="append", help="one more argument for `oofgate serve` (repeatable)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (logs)")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="oofgate-hostile-")
    with open(os.path.join(workdir, "users.json"), "w") as users:
        users.write(builders.users_file_json())
    ctx = Context(args, workdir)
    ctx.start_main()
    ctx.keep_pristine_copy()
    started = time.monotonic()
    passed = failed = 0
    try:
        if ctx.health_failures("at start", seconds=10.0):
            raise RuntimeError("the gateway does not serve at start")
        graph_before = list(ctx.last_graph)
        um_before = um_snapshot(ctx.port)
        snapshots = {user["userPrincipalName"].split("@")[0]: body for user, body in zip(USERS, graph_before)}
        selected = [case for case in CASES if not args.only or re.search(args.only, case.name)]
        for case in selected:
            case_started = time.monotonic()
            failures = run_case(ctx, case, snapshots)
            seconds = time.monotonic() - case_started
            if failures:
                failed += 1
                print("FAIL %-12s %-45s %5.2fs  %s" % (case.group, case.name, seconds, " | ".join(failures)),
                      flush=True)
            else:
                passed += 1
                print("ok   %-12s %-45s %5.2fs" % (case.group, case.name, seconds), flush=True)
        final = ["cases changed data: %s" % ", ".join(ctx.data_changed_by)] if ctx.data_changed_by else []
        if ctx.last_graph != graph_before:
            final.append("Graph mailboxSettings differ from the snapshot taken before the corpus")
        if um_snapshot(ctx.port) != um_before:
            final.append("UM GetUMProperties differ from the snapshot taken before the corpus")
        if not ctx.gateway.alive():
            final.append("the gateway is not running")
        if final:
            failed += 1
            print("FAIL %-12s %-45s        %s" % ("final", "mailboxes_unchanged_and_alive", " | ".join(final)))
        else:
            passed += 1
            print("ok   %-12s %-45s" % ("final", "mailboxes_unchanged_and_alive"))
    finally:
        ctx.gateway.stop()
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print("%d passed, %d failed (%.0f s)" % (passed, failed, time.monotonic() - started))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
