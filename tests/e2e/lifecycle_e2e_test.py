"""Lifecycle of the real binary: SIGTERM finishes a request still arriving and commits it, closes
idle keep-alive connections, exits 0, and a stuck client cannot hold it beyond --shutdown-grace;
SIGHUP reloads the users file (added, removed and changed users, over a keep-alive connection
opened before) and the TLS certificate, and a broken file changes nothing; a user added with
`oofgate users add` signs in after `kill -HUP` of the PID in the data directory's lock file,
on a keep-alive connection opened before, without a restart; systemd's notify
datagrams arrive in order."""

import argparse
import base64
import http.client
import json
import os
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "durability"))
import gateway_driver  # noqa: E402  (start on port 0, stop by pid)
from checks import check, finish, run_cases  # noqa: E402

USER0 = gateway_driver.user(0)
USER1 = gateway_driver.user(1)
USER2 = gateway_driver.user(2)
MESSAGES_NS = "http://schemas.microsoft.com/exchange/services/2006/messages"


def write_users(path, users, tokens):
    """Written to a temporary file and renamed, as an operator's editor or a deploy tool would."""
    with open(path + ".tmp", "w") as f:
        json.dump({"users": users, "tokens": tokens}, f)
    os.replace(path + ".tmp", path)


APP = {"token": "app-rw", "kind": "application", "roles": ["MailboxSettings.ReadWrite"]}


def delegated(token, who):
    return {"token": token, "kind": "delegated", "user": who["userPrincipalName"],
            "scopes": ["MailboxSettings.ReadWrite"]}


def start(workdir, name, extra=None, env=None):
    data_dir = os.path.join(workdir, name)
    os.makedirs(data_dir, exist_ok=True)
    saved = dict(os.environ)
    if env:
        os.environ.update(env)
    try:
        return gateway_driver.Gateway(args.binary, workdir, ["--data-dir", data_dir] + (extra or []),
                                      os.path.join(workdir, "users.json"))
    finally:
        os.environ.clear()
        os.environ.update(saved)


def exit_code(gateway, seconds):
    try:
        return gateway.process.wait(seconds)
    except subprocess.TimeoutExpired:
        return None


def log_text(gateway):
    gateway.log.flush()
    with open(gateway.log.name, "rb") as f:
        return f.read().decode("utf-8", "replace")


def reload_and_wait(gateway, outcome):
    """Sends SIGHUP and waits until stderr has one more line containing `outcome`."""
    before = log_text(gateway).count(outcome)
    os.kill(gateway.process.pid, signal.SIGHUP)
    deadline = time.monotonic() + 10
    while log_text(gateway).count(outcome) == before and time.monotonic() < deadline:
        time.sleep(0.05)


def raw_connect(port):
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    return sock


def read_response(sock):
    """The whole response (head and Content-Length body) as bytes."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def um(client, who, password, operation):
    envelope = ('<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>%s'
                '</soap:Body></soap:Envelope>' % operation)
    credentials = base64.b64encode(("%s:%s" % (who["userPrincipalName"], password)).encode()).decode()
    return client.request("POST", "/EWS/UM2007Legacy.asmx",
                          {"Authorization": "Basic " + credentials, "Content-Type": "text/xml; charset=utf-8"},
                          envelope.encode())


def get_oof(client, who, password):
    return um(client, who, password, '<GetUMProperties xmlns="%s"/>' % MESSAGES_NS)[0]


def test_sigterm_finishes_a_request_in_flight(workdir):
    write_users(os.path.join(workdir, "users.json"), [USER0], [APP])
    gateway = start(workdir, "drain")
    try:
        idle = raw_connect(gateway.port)
        idle.sendall(b"GET /v1.0/users/%s/mailboxSettings HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer app-rw\r\n\r\n"
                     % USER0["id"].encode())
        check(b" 200 " in read_response(idle).split(b"\r\n")[0], "keep-alive GET before the stop")
        body = json.dumps({"automaticRepliesSetting": {"status": "alwaysEnabled",
                                                       "internalReplyMessage": "written during shutdown"}}).encode()
        slow = raw_connect(gateway.port)
        slow.sendall(b"PATCH /v1.0/users/%s/mailboxSettings HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer app-rw\r\n"
                     b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n"
                     % (USER0["id"].encode(), len(body)) + body[:10])
        time.sleep(0.3)
        os.kill(gateway.process.pid, signal.SIGTERM)
        # The idle keep-alive connection is closed by the server, without a response.
        idle.settimeout(5)
        check(idle.recv(100) == b"", "an idle keep-alive connection is closed on SIGTERM")
        # A new connection is refused once the listeners closed.
        time.sleep(0.3)
        try:
            late = socket.create_connection(("127.0.0.1", gateway.port), timeout=2)
            late.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            check(late.recv(100) == b"", "no request is accepted after SIGTERM")
            late.close()
        except OSError:
            pass
        check(gateway.process.poll() is None, "the gateway waits for the request still arriving")
        slow.sendall(body[10:])
        response = read_response(slow)
        check(response.startswith(b"HTTP/1.1 200 "), "the PATCH in flight at SIGTERM is answered 200: %r" % response[:80])
        check(b"\r\nConnection: close\r\n" in response, "that answer says Connection: close")
        check(exit_code(gateway, 15) == 0, "exit code 0 after SIGTERM")
    finally:
        gateway.stop()
    gateway = start(workdir, "drain")
    try:
        settings = gateway_driver.Client(gateway.port).get_settings(USER0["id"])
        check(settings["automaticRepliesSetting"]["internalReplyMessage"] == "written during shutdown",
              "the acknowledged PATCH is readable after a restart")
    finally:
        gateway.stop()


def test_stuck_client_cannot_hold_shutdown(workdir):
    write_users(os.path.join(workdir, "users.json"), [USER0], [APP])
    gateway = start(workdir, "stuck", ["--shutdown-grace", "1", "--read-timeout", "60"])
    try:
        stuck = raw_connect(gateway.port)
        stuck.sendall(b"PATCH /v1.0/users/%s/mailboxSettings HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer app-rw\r\n"
                      b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{" % USER0["id"].encode())
        time.sleep(0.3)
        began = time.monotonic()
        os.kill(gateway.process.pid, signal.SIGTERM)
        code = exit_code(gateway, 10)
        took = time.monotonic() - began
        check(code == 0, "exit code 0 when the grace ran out (got %r)" % code)
        check(took < 4, "a stuck client holds the stop no longer than --shutdown-grace 1 (took %.1f s)" % took)
        stuck.close()
    finally:
        gateway.stop()


def test_sighup_reloads_users(workdir):
    users_path = os.path.join(workdir, "users.json")
    write_users(users_path, [USER0, USER1], [APP])
    gateway = start(workdir, "reload")
    try:
        kept = gateway_driver.Client(gateway.port)
        check(get_oof(kept, USER0, USER0["password"]) == 200, "Basic for user0 before the reload")
        check(get_oof(kept, USER1, USER1["password"]) == 200, "Basic for user1 before the reload")
        connection_before = kept.connection
        # user0 removed, user1's password changed, user2 added with a delegated token.
        changed = dict(USER1, password="Changed-Pa55")
        write_users(users_path, [changed, USER2], [APP, delegated("user2-token", USER2)])
        reload_and_wait(gateway, "oofgate: reloaded")
        check("oofgate: reloaded: 2 mailboxes" in log_text(gateway), "the reload is logged: %s" % log_text(gateway))
        status, body = kept.request("GET", "/v1.0/me/mailboxSettings", {"Authorization": "Bearer user2-token"})
        check(status == 200, "a user added by the reload is usable: %d %s" % (status, body))
        check(kept.connection is connection_before, "over the keep-alive connection opened before the SIGHUP")
        check(status == 200 and json.loads(body)["automaticRepliesSetting"]["status"] == "disabled",
              "the new mailbox has the default settings")
        status, _ = kept.patch_settings(USER2["id"], {"automaticRepliesSetting": {"status": "alwaysEnabled"}})
        check(status == 200, "the new mailbox can be written")
        check(get_oof(kept, USER0, USER0["password"]) == 401, "a removed user's cached Basic login stops working")
        status, _ = kept.request("GET", "/v1.0/users/%s/mailboxSettings" % USER0["id"],
                                 {"Authorization": "Bearer app-rw"})
        check(status == 404, "a removed user's mailbox is no longer served (got %d)" % status)
        check(get_oof(kept, USER1, USER1["password"]) == 401, "a changed password: the old one stops working")
        check(get_oof(kept, USER1, "Changed-Pa55") == 200, "a changed password: the new one works")
        check(kept.connection is connection_before, "the connection opened before the reload is still the same")

        # A broken users file changes nothing and says why in one line.
        with open(users_path, "w") as f:
            f.write('{"users": [ {"id": ')
        reload_and_wait(gateway, "reload refused")
        lines = [line for line in log_text(gateway).splitlines() if "reload refused" in line]
        check(len(lines) == 1 and "users.json" in lines[0], "a refused reload is one line naming the file: %r" % lines)
        status, _ = kept.request("GET", "/v1.0/me/mailboxSettings", {"Authorization": "Bearer user2-token"})
        check(status == 200, "after a refused reload the previous users still work")
        check(gateway.process.poll() is None, "SIGHUP does not end the process")
        kept.close()
    finally:
        gateway.stop()


def test_users_add_then_sighup(workdir):
    """The operator's path in README.md "Operations": `oofgate users add`, then
    `kill -HUP "$(cat DATA/oofgate.lock)"`; the running gateway (SQLite store) serves the new user."""
    users_path = os.path.join(workdir, "users.json")
    write_users(users_path, [USER0], [APP])
    gateway = start(workdir, "users-add")
    try:
        kept = gateway_driver.Client(gateway.port)
        check(get_oof(kept, USER0, USER0["password"]) == 200, "Basic for user0 before the add")
        connection_before = kept.connection
        new_id = "0c3a5d1e-7f2b-4c8d-9e6a-112233445566"
        new_user = {"userPrincipalName": "megan@contoso.com"}
        password = "Megan-Pa55-word"
        added = subprocess.run([args.binary, "users", "add", "--users", users_path, "--upn", "megan@contoso.com",
                                "--display-name", "Megan Bowen", "--um-enabled", "--id", new_id],
                               input=(password + "\n").encode(), capture_output=True, timeout=60)
        check(added.returncode == 0 and b"added user megan@contoso.com" in added.stdout,
              "users add: %d %r %r" % (added.returncode, added.stdout, added.stderr))
        check(get_oof(kept, new_user, password) == 401, "the added user is unknown until the reload")

        with open(os.path.join(workdir, "users-add", "oofgate.lock")) as f:
            pid = int(f.read().strip())
        check(pid == gateway.process.pid, "the lock file holds the gateway's PID: %d" % pid)
        before = log_text(gateway).count("oofgate: reloaded")
        os.kill(pid, signal.SIGHUP)
        deadline = time.monotonic() + 10
        while log_text(gateway).count("oofgate: reloaded") == before and time.monotonic() < deadline:
            time.sleep(0.05)
        check("oofgate: reloaded: 2 mailboxes" in log_text(gateway), "the reload is logged: %s" % log_text(gateway))

        status, body = um(kept, new_user, password, '<GetUMProperties xmlns="%s"/>' % MESSAGES_NS)
        check(status == 200 and "GetUMPropertiesResponse" in body,
              "the added user signs in over UM after SIGHUP: %d %r" % (status, body[:300]))
        check(get_oof(kept, new_user, "wrong-password") == 401, "the added user's password is checked")
        status, body = kept.request("GET", "/v1.0/users/%s/mailboxSettings" % new_id,
                                    {"Authorization": "Bearer app-rw"})
        check(status == 200 and json.loads(body)["automaticRepliesSetting"]["status"] == "disabled",
              "the added user's mailbox is served through Graph: %d %r" % (status, body[:300]))
        check(get_oof(kept, USER0, USER0["password"]) == 200, "the existing user still signs in")
        check(kept.connection is connection_before, "all over the keep-alive connection opened before the add")
        check(gateway.process.poll() is None, "no restart: the same process serves")
        kept.close()
    finally:
        gateway.stop()


def make_certificate(directory, name):
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-days", "1", "-subj", "/CN=" + name, "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", os.path.join(directory, name + ".key"), "-out", os.path.join(directory, name + ".pem")],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def served_certificate_cn(port, keep=None):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    sock = context.wrap_socket(socket.create_connection(("127.0.0.1", port), timeout=10))
    der = sock.getpeercert(binary_form=True)
    pem = ssl.DER_cert_to_PEM_cert(der)
    subject = subprocess.run(["openssl", "x509", "-noout", "-subject"], input=pem.encode(), capture_output=True,
                             check=True).stdout.decode()
    if keep is None:
        sock.close()
        return subject, None
    return subject, sock


def test_sighup_reloads_tls_certificate(workdir):
    write_users(os.path.join(workdir, "users.json"), [USER0], [APP])
    tls_dir = os.path.join(workdir, "tls")
    os.makedirs(tls_dir)
    make_certificate(tls_dir, "first")
    make_certificate(tls_dir, "second")
    cert, key = os.path.join(tls_dir, "served.pem"), os.path.join(tls_dir, "served.key")
    os.replace(os.path.join(tls_dir, "first.pem"), cert)
    os.replace(os.path.join(tls_dir, "first.key"), key)
    gateway = start(workdir, "tls", ["--tls-cert", cert, "--tls-key", key])
    try:
        subject, old = served_certificate_cn(gateway.port, keep=True)
        check("first" in subject, "the first certificate is served: %s" % subject)
        os.replace(os.path.join(tls_dir, "second.pem"), cert)
        os.replace(os.path.join(tls_dir, "second.key"), key)
        reload_and_wait(gateway, "oofgate: reloaded")
        subject, _ = served_certificate_cn(gateway.port)
        check("second" in subject, "after SIGHUP new connections get the new certificate: %s" % subject)
        old.sendall(b"GET /v1.0/users/%s/mailboxSettings HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer app-rw\r\n\r\n"
                    % USER0["id"].encode())
        check(read_response(old).startswith(b"HTTP/1.1 200 "), "a TLS connection opened before the reload still works")
        old.close()
        # A key that does not match the certificate: refused, the second certificate stays.
        with open(key, "w") as f:
            f.write("not a key\n")
        reload_and_wait(gateway, "reload refused")
        check("reload refused" in log_text(gateway), "a broken key is refused")
        subject, _ = served_certificate_cn(gateway.port)
        check("second" in subject, "after a refused reload the previous certificate is still served")
    finally:
        gateway.stop()


def test_systemd_notify(workdir, abstract):
    write_users(os.path.join(workdir, "users.json"), [USER0], [APP])
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    if abstract:
        name = "oofgate-test-notify-%d" % os.getpid()
        listener.bind("\0" + name)
        address = "@" + name
    else:
        address = os.path.join(workdir, "notify.sock")
        listener.bind(address)
    listener.settimeout(10)
    gateway = start(workdir, "notify-%s" % abstract, env={"NOTIFY_SOCKET": address})
    try:
        messages = [listener.recv(4096).decode()]
        os.kill(gateway.process.pid, signal.SIGHUP)
        messages.append(listener.recv(4096).decode())
        messages.append(listener.recv(4096).decode())
        os.kill(gateway.process.pid, signal.SIGTERM)
        messages.append(listener.recv(4096).decode())
        check(exit_code(gateway, 15) == 0, "exit 0 under systemd")
        kind = "abstract" if abstract else "path"
        check(messages[0] == "READY=1", "%s: READY=1 once serving: %r" % (kind, messages))
        reloading = messages[1].split("\n")
        check(reloading[0] == "RELOADING=1" and len(reloading) == 2 and reloading[1].startswith("MONOTONIC_USEC=")
              and reloading[1][len("MONOTONIC_USEC="):].isdigit(),
              "%s: RELOADING=1 with MONOTONIC_USEC: %r" % (kind, messages[1]))
        usec = int(reloading[1][len("MONOTONIC_USEC="):]) if len(reloading) == 2 else 0
        check(abs(usec / 1e6 - time.clock_gettime(time.CLOCK_MONOTONIC)) < 10, "MONOTONIC_USEC is CLOCK_MONOTONIC")
        check(messages[2] == "READY=1", "%s: READY=1 after the reload: %r" % (kind, messages))
        check(messages[3] == "STOPPING=1", "%s: STOPPING=1 on SIGTERM: %r" % (kind, messages))
    finally:
        gateway.stop()
        listener.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    args = parser.parse_args()
    tests = [
        ("sigterm_finishes_a_request_in_flight", test_sigterm_finishes_a_request_in_flight),
        ("stuck_client_cannot_hold_shutdown", test_stuck_client_cannot_hold_shutdown),
        ("sighup_reloads_users", test_sighup_reloads_users),
        ("users_add_then_sighup", test_users_add_then_sighup),
        ("sighup_reloads_tls_certificate", test_sighup_reloads_tls_certificate),
        ("systemd_notify_path", lambda d: test_systemd_notify(d, False)),
        ("systemd_notify_abstract", lambda d: test_systemd_notify(d, True)),
    ]
    only = os.environ.get("LIFECYCLE_ONLY")
    run_cases([case for case in tests if not only or only in case[0]],
              lambda: tempfile.TemporaryDirectory(prefix="oofgate-lifecycle-"))
    finish()
