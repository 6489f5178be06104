"""Cases that are not one request and one answer: slow clients, floods, resets, descriptor
exhaustion, throttling and timing. Each takes the runner's context and returns a list of
failures (empty when the case passed)."""

import os
import resource
import socket
import statistics
import struct
import threading
import time

from builders import (ADELE, CAROL, IS_UM_ENABLED, ME_SETTINGS, THROTTLE_REQUESTS, THROTTLED_APP_TOKEN, UM_PATH, basic,
                      envelope, graph_get, graph_patch, raw, request, soap11)
from raw_http import Connection, ProtocolError

WSDL_GET = request("GET", UM_PATH + "?wsdl")


def reset(connection):
    """Abort with a TCP RST (SO_LINGER 0) instead of an orderly close."""
    try:
        connection.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    connection.close()


def closed_or_timeout_answer(connection, wait):
    """A connection the server must give up on: it closes within `wait` s, optionally after a
    408. Returns failures."""
    try:
        response = connection.read_response(timeout=wait)
    except TimeoutError:
        return ["still open after %.1f s" % wait]
    except ProtocolError as error:
        return ["not HTTP: %s" % error]
    if response is not None and response.status != 408:
        return ["answered %d, expected a close or 408" % response.status]
    if response is not None and not connection.closed_by_peer(2.0):
        return ["408 but the connection stayed open"]
    return []


def send_slowly(connection, data, interval, stop):
    for byte in data:
        if stop.is_set() or not connection.send(bytes([byte])):
            return
        time.sleep(interval)


def slow_client(ctx, head, trickle):
    connection = Connection(ctx.port)
    connection.send(head)
    stop = threading.Event()
    sender = threading.Thread(target=send_slowly, args=(connection, trickle, 0.2, stop), daemon=True)
    sender.start()
    time.sleep(0.5)
    failures = ctx.health_failures("while a slow client trickles")
    failures += closed_or_timeout_answer(connection, ctx.read_timeout + 3.0)
    stop.set()
    connection.close()
    return failures


def chunk_framing_byte_by_byte(ctx):
    """Chunked framing sent a byte at a time, each byte its own segment: the gateway checks only
    what each read added for a bare LF, so a CRLF split across two reads must still count as
    CRLF (the request is answered 200), and a bare LF must be refused when it arrives (400)."""
    head = raw("PATCH %s HTTP/1.1" % ME_SETTINGS, "Host: 127.0.0.1", "Authorization: Bearer adele-rw",
               "Content-Type: application/json", "Transfer-Encoding: chunked")
    body = b'{"timeZone":"UTC"}'
    framed = b"%x\r\n%s\r\n0\r\nX-Trailer: a\r\n\r\n" % (len(body), body)
    failures = []
    for framing, expected in ((framed, 200), (framed.replace(b"a\r\n\r\n", b"a\n"), 400)):
        connection = Connection(ctx.port)
        connection.send(head)
        for byte in framing:
            if not connection.send(bytes([byte])):
                break
            time.sleep(0.003)  # with TCP_NODELAY: one segment, and one read, per byte
        try:
            response = connection.read_response(timeout=2.0)
        except (TimeoutError, ProtocolError) as error:
            response = None
            failures.append("framing sent byte by byte (expecting %d): %s" % (expected, error))
        if response is not None and response.status != expected:
            failures.append("framing sent byte by byte: answered %d, expected %d" % (response.status, expected))
        connection.close()
    return failures


def slowloris_headers(ctx):
    return slow_client(ctx, b"GET /v1.0/me/mailboxSettings HTTP/1.1\r\nHost: 127.0.0.1\r\n", b"X-Slow: " + b"a" * 200)


def slowloris_body(ctx):
    head = raw("PATCH %s HTTP/1.1" % ME_SETTINGS, "Host: 127.0.0.1", "Authorization: Bearer adele-rw",
               "Content-Type: application/json", "Content-Length: 200")
    return slow_client(ctx, head, b'{"timeZone":"Pacific Standard Time"' + b" " * 160 + b"}")


def slowloris_many(ctx):
    connections = []
    for _ in range(200):
        connection = Connection(ctx.port)
        connection.send(b"GET /v1.0/me/mailboxSettings HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a")
        connections.append(connection)
    failures = ctx.health_failures("with 200 half-sent requests open")
    deadline = time.monotonic() + ctx.read_timeout + 3.0
    open_count = 0
    for connection in connections:
        if closed_or_timeout_answer(connection, max(0.05, deadline - time.monotonic())):
            open_count += 1
        connection.close()
    if open_count:
        failures.append("%d of 200 slow connections still open after %.1f s" % (open_count, ctx.read_timeout + 3.0))
    return failures


def idle_keep_alive(ctx):
    connection = Connection(ctx.port)
    connection.send(WSDL_GET)
    response = connection.read_response()
    failures = [] if response is not None and response.status == 200 else ["WSDL GET failed: %r" % response]
    if not connection.closed_by_peer(ctx.read_timeout + 3.0):
        failures.append("idle keep-alive connection still open after %.1f s" % (ctx.read_timeout + 3.0))
    connection.close()
    return failures


def raise_descriptor_limit(wanted):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(wanted, hard), hard))


def open_many(port, count):
    connections = []
    for _ in range(count):
        try:
            connections.append(Connection(port, timeout=2.0))
        except OSError:
            break
    return connections


def connection_flood(ctx):
    raise_descriptor_limit(4096)
    connections = open_many(ctx.port, 1000)
    failures = ctx.health_failures("with %d idle connections open" % len(connections))
    for connection in connections:
        connection.close()
    return failures


def pipelined_1000(ctx):
    connection = Connection(ctx.port, timeout=10.0)
    threading.Thread(target=connection.send, args=(WSDL_GET * 1000,), daemon=True).start()
    failures = []
    answered = 0
    first_body = None
    deadline = time.monotonic() + 15.0
    while answered < 1000:
        try:
            response = connection.read_response(timeout=max(0.1, deadline - time.monotonic()))
        except (TimeoutError, ProtocolError) as error:
            failures.append("after %d answers: %s" % (answered, error))
            break
        if response is None:
            failures.append("closed after %d answers without Connection: close" % answered)
            break
        answered += 1
        first_body = first_body if first_body is not None else response.body
        if response.status != 200 or response.body != first_body:
            failures.append("answer %d: %d %r" % (answered, response.status, response.body[:100]))
            break
        if response.wants_close():
            break  # a pipelining cap: fine, as long as it says so and then closes
    if not failures and answered < 1000 and not connection.closed_by_peer(2.0):
        failures.append("said Connection: close after %d answers but stayed open" % answered)
    reset(connection)
    return failures


def half_close_after_request(ctx):
    connection = Connection(ctx.port)
    connection.send(graph_get())
    connection.sock.shutdown(socket.SHUT_WR)
    failures = []
    try:
        response = connection.read_response()
    except (TimeoutError, ProtocolError) as error:
        return ["no answer after a half-close: %s" % error]
    if response is None or response.status != 200:
        failures.append("expected 200, got %r" % response)
    if not connection.closed_by_peer(2.0):
        failures.append("not closed after answering a half-closed connection")
    connection.close()
    return failures


def slow_reader(ctx):
    connection = Connection(ctx.port)
    stop = threading.Event()

    def flood():
        while not stop.is_set() and connection.send(WSDL_GET * 50):
            pass

    connection.sock.settimeout(5.0)
    threading.Thread(target=flood, daemon=True).start()
    time.sleep(0.5)
    failures = ctx.health_failures("while a client pipelines and never reads")
    stop.set()
    reset(connection)
    return failures


def reset_mid_headers(ctx):
    connection = Connection(ctx.port)
    connection.send(b"GET /v1.0/me/mailboxSettings HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthoriz")
    time.sleep(0.05)
    reset(connection)
    return []


def reset_mid_body(ctx):
    connection = Connection(ctx.port)
    body = b'{"timeZone":"Pacific Standard Time"}'
    connection.send(raw("PATCH %s HTTP/1.1" % ME_SETTINGS, "Host: 127.0.0.1", "Authorization: Bearer adele-rw",
                        "Content-Type: application/json", "Content-Length: %d" % (len(body) + 10), body=body))
    time.sleep(0.05)
    reset(connection)
    return []


def reset_mid_response(ctx):
    for _ in range(20):
        connection = Connection(ctx.port)
        connection.send(WSDL_GET * 200)
        connection.sock.recv(1024)
        reset(connection)
    return []


def connect_and_close(ctx):
    for index in range(500):
        connection = Connection(ctx.port)
        if index % 2:
            reset(connection)
        else:
            connection.close()
    return []


def run_pipelined(port, raw_requests, per_batch=50):
    """Sends the requests in pipelined batches (new connection when one closes); the answers."""
    answers = []
    connection = None
    for start in range(0, len(raw_requests), per_batch):
        batch = raw_requests[start:start + per_batch]
        if connection is None:
            connection = Connection(port, timeout=10.0)
        connection.send(b"".join(batch))
        for _ in batch:
            response = connection.read_response()
            if response is None:
                break
            answers.append(response)
        if answers and answers[-1].wants_close():
            connection.close()
            connection = None
    if connection is not None:
        connection.close()
    return answers


def throttle_respelling(ctx):
    token = THROTTLED_APP_TOKEN.encode()
    spellings = [b"Bearer " + token, b"bearer " + token, b"Bearer  " + token, b"BEARER " + token]
    path = "/v1.0/users/%s/mailboxSettings" % CAROL["id"]

    def get(spelling):
        return raw("GET %s HTTP/1.1" % path, "Host: 127.0.0.1", b"Authorization: " + spelling)

    answers = run_pipelined(ctx.port, [get(spellings[i % len(spellings)]) for i in range(THROTTLE_REQUESTS)])
    statuses = [answer.status for answer in answers]
    failures = []
    if statuses.count(200) != THROTTLE_REQUESTS:
        failures.append("within the limit: %d x 200 of %d (others: %s)"
                        % (statuses.count(200), THROTTLE_REQUESTS, sorted(set(statuses))))
    for spelling in spellings:
        answer = run_pipelined(ctx.port, [get(spelling)])
        if not answer or answer[0].status != 429 or answer[0].header("retry-after") is None:
            failures.append("%r after the limit: %r (expected 429 ApplicationThrottled with Retry-After)"
                            % (spelling, answer[0] if answer else None))
        elif b'"ApplicationThrottled"' not in answer[0].body:
            failures.append("%r after the limit: 429 without ApplicationThrottled" % spelling)
    return failures


def basic_flood_graph(ctx):
    wrong = basic(ADELE["userPrincipalName"].encode(), b"wrong-password")
    flood = request("GET", ME_SETTINGS, [("Authorization", wrong)])
    results = []

    def one_connection():
        # Two connections, so both I/O threads are busy if Basic is hashed where it is refused.
        results.extend(run_pipelined(ctx.port, [flood] * 20, per_batch=20))

    started = time.monotonic()
    threads = [threading.Thread(target=one_connection) for _ in range(2)]
    for thread in threads:
        thread.start()
    time.sleep(0.1)
    failures = ctx.health_failures("during a flood of Basic on a Graph route")
    for thread in threads:
        thread.join(30)
    elapsed = time.monotonic() - started
    if len(results) != 40 or any(r.status != 401 or b'"InvalidAuthenticationToken"' not in r.body for r in results):
        failures.append("expected 40 x 401 InvalidAuthenticationToken, got %d answers, statuses %s"
                        % (len(results), sorted({r.status for r in results})))
    if elapsed > 0.5:
        failures.append("40 Basic requests on a Graph route took %.2f s (hashing where Basic is refused?)" % elapsed)
    return failures


def basic_burst_from_one_address(ctx):
    """60 wrong passwords sent at once from one address (its own loopback address, so the other
    cases keep theirs): no more of them may be checked (401) than --auth-failures (10) allows;
    the rest are refused before any check (429) or turned away busy (503)."""
    address = "127.0.0.77"
    count = 60
    statuses = []
    lock = threading.Lock()

    def one(i):
        data = soap11(envelope(IS_UM_ENABLED), auth=basic(b"adele@contoso.com", b"wrong-%d" % i))
        try:
            sock = socket.socket()
            sock.settimeout(10)
            sock.bind((address, 0))
            sock.connect(("127.0.0.1", ctx.port))
            sock.sendall(data)
            head = sock.recv(12)
            sock.close()
            status = int(head[9:12]) if head.startswith(b"HTTP/1.1 ") else None
        except (OSError, ValueError):
            status = None
        with lock:
            statuses.append(status)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(15)
    checked = statuses.count(401)
    failures = []
    if len(statuses) != count or any(status not in (401, 429, 503) for status in statuses):
        failures.append("expected 401, 429 or 503 for each of %d, got %s" % (count, sorted(map(str, statuses))))
    if checked > 10:
        failures.append("%d wrong passwords were checked (401) from one address; the limit is 10" % checked)
    if checked == 0:
        failures.append("no password was checked at all")
    return failures


def basic_known_vs_unknown(ctx):
    known = soap11(envelope(IS_UM_ENABLED), auth=basic(b"adele@contoso.com", b"wrong-password"))
    unknown = soap11(envelope(IS_UM_ENABLED), auth=basic(b"nobody@contoso.com", b"wrong-password"))
    times = {"known": [], "unknown": []}
    bodies = {}
    for _ in range(3):
        for label, data in (("known", known), ("unknown", unknown)):
            connection = Connection(ctx.port)
            started = time.monotonic()
            connection.send(data)
            response = connection.read_response()
            times[label].append(time.monotonic() - started)
            connection.close()
            bodies.setdefault(label, set()).add((response.status, response.body) if response else None)
    failures = []
    if bodies["known"] != bodies["unknown"] or len(bodies["known"]) != 1:
        failures.append("answers differ: known %r, unknown %r" % (bodies["known"], bodies["unknown"]))
    elif next(iter(bodies["known"]))[0] != 401:
        failures.append("expected 401, got %r" % (next(iter(bodies["known"])),))
    known_ms = statistics.median(times["known"]) * 1000
    unknown_ms = statistics.median(times["unknown"]) * 1000
    if abs(known_ms - unknown_ms) > max(5.0, 0.5 * max(known_ms, unknown_ms)):
        failures.append("timing tells users apart: known %.1f ms, unknown %.1f ms (median of 3)" % (known_ms, unknown_ms))
    return failures


def body_memory_budget(ctx):
    """Unauthenticated clients that announce a large body and send it slowly: a second gateway
    with --body-memory 4 MiB holds four 1,000,000-byte bodies; the fifth request is answered 503
    (Graph ServerBusy, Retry-After) before its body is read, requests without a body or with a
    small one are still served, and once the four close their room is free again."""
    gateway = ctx.start_gateway("bodies", extra_args=["--body-memory", "4194304"])
    head = ("PATCH %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            "Content-Length: 1000000\r\n\r\n" % ME_SETTINGS).encode()
    failures = []
    hogs = []
    try:
        for round_label in ("first", "again"):
            for _ in range(4):
                hog = Connection(gateway.port, timeout=5.0)
                hog.send(head + b"x" * 500000)
                hogs.append(hog)
            time.sleep(0.3)
            for hog in hogs:
                try:
                    early = hog.read_response(timeout=0.05)
                except TimeoutError:
                    continue  # still reading its body: held, as it should be
                except ProtocolError:
                    early = None
                failures.append("%s: a request within the budget was answered early: %s"
                                % (round_label, early.status if early else "closed"))
                break
            if round_label == "first":
                extra = Connection(gateway.port, timeout=5.0)
                extra.send(head + b"x" * 1000)
                try:
                    answer = extra.read_response(timeout=2.0)
                except (TimeoutError, ProtocolError) as error:
                    answer = None
                    failures.append("over the budget: no prompt answer (%s)" % error)
                extra.close()
                if answer is not None and (answer.status != 503 or b'"ServerBusy"' not in answer.body
                                           or answer.header("retry-after") is None):
                    failures.append("over the budget: expected 503 ServerBusy with Retry-After, got %d %r"
                                    % (answer.status, answer.body[:200]))
                failures += ctx.health_failures("while the budget is full", port=gateway.port, seconds=3.0)
                small = exchange_one(gateway.port, graph_patch('{"timeZone":"UTC"}', token="adele-rw"))
                if small is None or small.status != 200:
                    failures.append("a small PATCH while the budget is full: %s" % (small.status if small else None))
            for hog in hogs:
                hog.close()
            hogs = []
            time.sleep(0.3)
        if not gateway.alive():
            failures.append("the gateway died")
    finally:
        for hog in hogs:
            hog.close()
        gateway.stop()
    return failures


def exchange_one(port, data, seconds=3.0):
    connection = Connection(port, timeout=seconds)
    try:
        connection.send(data)
        return connection.read_response(timeout=seconds)
    except (TimeoutError, ProtocolError):
        return None
    finally:
        connection.close()


def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid) as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def descriptor_exhaustion(ctx):
    """A second gateway with RLIMIT_NOFILE 64 gets 200 connections: it must not spin while out of
    descriptors, and must serve again once they close."""
    raise_descriptor_limit(4096)
    gateway = ctx.start_gateway("exhausted", nofile=64)
    failures = []
    try:
        connections = open_many(gateway.port, 200)
        time.sleep(0.5)
        before = cpu_seconds(gateway.pid)
        time.sleep(2.0)
        used = cpu_seconds(gateway.pid) - before
        if used > 0.2:
            failures.append("used %.2f s of CPU in 2 s while out of descriptors (spinning accept?)" % used)
        for connection in connections:
            connection.close()
        time.sleep(0.5)
        if gateway.process.poll() is not None:
            failures.append("the exhausted gateway died (exit %s)" % gateway.process.returncode)
        else:
            failures += ctx.health_failures("after descriptors are free again", port=gateway.port, seconds=3.0,
                                            graph=False)
    finally:
        gateway.stop()
    return failures
