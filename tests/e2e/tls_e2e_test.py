"""HTTPS against the real binary: a throwaway CA and server certificate made with the openssl CLI,
Graph GET/PATCH and a UM SOAP call over TLS, the protocol versions and ALPN it accepts, session
resumption, plain HTTP and stalled handshakes on the TLS port (closed without disturbing anyone
else), and the WSDL address (https://, --public-url, never the Host header)."""

import base64
import http.client
import json
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import warnings

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "durability"))
import gateway_driver  # noqa: E402  (start on port 0, stop by pid)

ADELE = {"id": "87d349ed-44d7-43e1-9a83-5f2406dee5bd", "userPrincipalName": "adele@contoso.com",
         "displayName": "Adele Vance", "password": "Adele-Pa55", "umEnabled": True}
ADELE_TOKEN = "tls-adele-token"
READ_TIMEOUT = 2  # --read-timeout of the gateway under test, seconds
UM_PATH = "/EWS/UM2007Legacy.asmx"
MESSAGES_NS = "http://schemas.microsoft.com/exchange/services/2006/messages"
PLAIN_REFUSAL = (b"HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n"
                 b"Content-Length: 43\r\nDate: ")
PLAIN_REFUSAL_BODY = b"\r\n\r\nThis port speaks HTTPS: use https:// URLs.\n"

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def openssl(*args, cwd):
    subprocess.run(["openssl"] + list(args), cwd=cwd, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)


def make_certificates(directory):
    """A throwaway CA, and a server certificate it signed for localhost and 127.0.0.1."""
    openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "1",
            "-subj", "/CN=oofgate test CA", "-keyout", "ca.key", "-out", "ca.pem", cwd=directory)
    openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=localhost",
            "-keyout", "server.key", "-out", "server.csr", cwd=directory)
    with open(os.path.join(directory, "san.ext"), "w") as ext:
        ext.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-days", "1", "-extfile", "san.ext", "-out", "server.pem", cwd=directory)


def start_gateway(binary, workdir, name, extra_args):
    """One `oofgate serve` on 127.0.0.1:0 with its own data directory (gateway_driver stops it by pid)."""
    data_dir = os.path.join(workdir, name)
    os.makedirs(data_dir)
    return gateway_driver.Gateway(binary, workdir, ["--data-dir", data_dir, "--read-timeout", str(READ_TIMEOUT)]
                                  + extra_args, os.path.join(workdir, "users.json"))


def client_context(ca_file, **versions):
    context = ssl.create_default_context(cafile=ca_file)
    context.set_alpn_protocols(["http/1.1"])  # as browsers, curl and Node do
    for name, value in versions.items():
        setattr(context, name, value)
    return context


def https(port, context, method, path, headers=None, body=None):
    """(status, headers, body, negotiated TLS version, ALPN protocol) of one HTTPS request."""
    connection = http.client.HTTPSConnection("localhost", port, context=context, timeout=10)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        data = response.read()
        return response.status, response.headers, data, connection.sock.version(), \
            connection.sock.selected_alpn_protocol()
    finally:
        connection.close()


def handshake_error(port, context):
    """The SSL error a handshake ends with, or None when it succeeds."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
            with context.wrap_socket(raw, server_hostname="localhost"):
                return None
    except ssl.SSLError as error:
        return str(error)


def read_until_closed(sock, limit_seconds):
    """Everything the server sends until it closes, and how long that took."""
    start = time.monotonic()
    sock.settimeout(limit_seconds)
    data = b""
    try:
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    except (socket.timeout, ConnectionResetError):
        pass
    return data, time.monotonic() - start


def client_hello(context):
    """The bytes of a real ClientHello, as a TLS client would send them first."""
    incoming, outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
    tls = context.wrap_bio(incoming, outgoing, server_hostname="localhost")
    try:
        tls.do_handshake()
    except ssl.SSLWantReadError:
        pass
    return outgoing.read()


def test_graph_and_soap_over_https(gateway, context, ca_file):
    token = {"Authorization": "Bearer " + ADELE_TOKEN}
    status, _, body, version, alpn = https(gateway.port, context, "GET", "/v1.0/me/mailboxSettings/timeZone", token)
    check(status == 200 and json.loads(body)["value"] == "UTC", "Graph GET over https: %d %r" % (status, body))
    check(version in ("TLSv1.2", "TLSv1.3"), "negotiated %s" % version)
    check(alpn == "http/1.1", "ALPN selected %r" % alpn)

    patch = json.dumps({"automaticRepliesSetting": {"status": "alwaysEnabled"}})
    status, _, body, _, _ = https(gateway.port, context, "PATCH", "/v1.0/me/mailboxSettings",
                                  dict(token, **{"Content-Type": "application/json"}), patch)
    check(status == 200 and json.loads(body)["automaticRepliesSetting"]["status"] == "alwaysEnabled",
          "Graph PATCH over https: %d %r" % (status, body))

    envelope = ('<?xml version="1.0" encoding="utf-8"?><soap:Envelope '
                'xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>'
                '<GetUMProperties xmlns="%s"/></soap:Body></soap:Envelope>' % MESSAGES_NS)
    basic = base64.b64encode(("%s:%s" % (ADELE["userPrincipalName"], ADELE["password"])).encode()).decode()
    status, _, body, _, _ = https(gateway.port, context, "POST", UM_PATH,
                                  {"Content-Type": "text/xml; charset=utf-8", "Authorization": "Basic " + basic,
                                   "SOAPAction": '"%s/GetUMProperties"' % MESSAGES_NS}, envelope)
    check(status == 200 and b"<OofStatus>true</OofStatus>" in body,
          "UM GetUMProperties over https after the Graph PATCH: %d %r" % (status, body))

    # TLS 1.2 alone works too, with a forward-secret AEAD suite of the intermediate list.
    tls12 = client_context(ca_file, maximum_version=ssl.TLSVersion.TLSv1_2)
    with socket.create_connection(("127.0.0.1", gateway.port), timeout=10) as raw:
        with tls12.wrap_socket(raw, server_hostname="localhost") as sock:
            cipher = sock.cipher()[0]
            check(sock.version() == "TLSv1.2" and cipher.startswith("ECDHE-") and
                  ("GCM" in cipher or "CHACHA20" in cipher), "TLS 1.2 suite %s" % cipher)


def test_old_versions_and_foreign_alpn_are_refused(gateway, ca_file):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        for version in (ssl.TLSVersion.TLSv1, ssl.TLSVersion.TLSv1_1):
            old = client_context(ca_file, minimum_version=version, maximum_version=version)
            old.set_ciphers("DEFAULT:@SECLEVEL=0")  # so that it is the server refusing, not the client
            error = handshake_error(gateway.port, old)
            check(error is not None and "alert protocol version" in error,
                  "%s handshake: %r (expected the server's protocol_version alert)" % (version.name, error))
    h2_only = client_context(ca_file)
    h2_only.set_alpn_protocols(["h2"])
    error = handshake_error(gateway.port, h2_only)
    check(error is not None and "no application protocol" in error, "ALPN h2 only: %r" % error)


def test_sessions_are_resumed(gateway, ca_file):
    for version in (ssl.TLSVersion.TLSv1_2, ssl.TLSVersion.TLSv1_3):
        context = client_context(ca_file, maximum_version=version)
        session = None
        for attempt in range(2):
            with socket.create_connection(("127.0.0.1", gateway.port), timeout=10) as raw:
                with context.wrap_socket(raw, server_hostname="localhost", session=session) as sock:
                    sock.sendall(b"GET " + UM_PATH.encode() + b"?wsdl HTTP/1.1\r\nHost: localhost\r\n"
                                 b"Connection: close\r\n\r\n")
                    data, _ = read_until_closed(sock, 10)
                    check(data.startswith(b"HTTP/1.1 200 OK\r\n"), "WSDL over %s: %r" % (version.name, data[:60]))
                    if attempt == 1:
                        check(sock.session_reused, "%s session not resumed" % version.name)
                    session = sock.session


def test_plain_http_on_the_tls_port(gateway, context):
    with socket.create_connection(("127.0.0.1", gateway.port), timeout=10) as sock:
        sock.sendall(b"GET /v1.0/me/mailboxSettings HTTP/1.1\r\nHost: localhost\r\n\r\n")
        data, _ = read_until_closed(sock, 10)
    check(data.startswith(PLAIN_REFUSAL) and data.endswith(PLAIN_REFUSAL_BODY),
          "plain HTTP on the TLS port: %r" % data)
    status, _, _, _, _ = https(gateway.port, context, "GET", UM_PATH + "?wsdl")
    check(status == 200, "https after plain HTTP on the TLS port: %d" % status)


def test_stalled_handshakes_are_closed_after_the_read_timeout(gateway, context):
    silent = socket.create_connection(("127.0.0.1", gateway.port), timeout=10)
    half = socket.create_connection(("127.0.0.1", gateway.port), timeout=10)
    hello = client_hello(context)
    half.sendall(hello[:len(hello) // 2])
    opened = time.monotonic()
    try:
        # Others are served while both stall, without waiting for their timeout.
        start = time.monotonic()
        status, _, _, _, _ = https(gateway.port, context, "GET", UM_PATH + "?wsdl")
        check(status == 200 and time.monotonic() - start < READ_TIMEOUT - 0.5,
              "https while two handshakes stall: %d in %.2f s" % (status, time.monotonic() - start))
        for name, sock in (("silent client", silent), ("half a ClientHello", half)):
            data, _ = read_until_closed(sock, READ_TIMEOUT + 5)
            elapsed = time.monotonic() - opened
            check(data == b"" and READ_TIMEOUT - 0.5 <= elapsed <= READ_TIMEOUT + 3,
                  "%s: closed after %.2f s with %r (read timeout %d s)" % (name, elapsed, data, READ_TIMEOUT))
    finally:
        silent.close()
        half.close()


def wsdl_addresses(scheme, port, context=None):
    if scheme == "https":
        connection = http.client.HTTPSConnection("localhost", port, context=context, timeout=10)
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        # A Host of the client's choosing must not become the service's address.
        connection.request("GET", UM_PATH + "?wsdl", headers={"Host": "evil.example:666"})
        body = connection.getresponse().read().decode()
    finally:
        connection.close()
    return re.findall(r'<soap(?:12)?:address location="([^"]*)"/>', body)


def test_wsdl_address(tls_gateway, public_gateway, plain_gateway, context):
    expected = "https://127.0.0.1:%d%s" % (tls_gateway.port, UM_PATH)
    addresses = wsdl_addresses("https", tls_gateway.port, context)
    check(addresses == [expected, expected], "WSDL over TLS: %r" % addresses)
    expected = "https://um.contoso.com/oof" + UM_PATH
    addresses = wsdl_addresses("https", public_gateway.port, context)
    check(addresses == [expected, expected], "WSDL with --public-url: %r" % addresses)
    expected = "http://127.0.0.1:%d%s" % (plain_gateway.port, UM_PATH)
    addresses = wsdl_addresses("http", plain_gateway.port)
    check(addresses == [expected, expected], "WSDL over plain HTTP: %r" % addresses)


def test_start_up_refusals(binary, workdir):
    """A key that does not match the certificate, or one of the pair alone, is refused before listening."""
    other_key = os.path.join(workdir, "other.key")
    openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", other_key, cwd=workdir)
    base = [binary, "serve", "--listen", "127.0.0.1:0", "--data-dir", os.path.join(workdir, "refused"),
            "--users", os.path.join(workdir, "users.json")]
    cert = os.path.join(workdir, "server.pem")
    # A bad option is a configuration error (status 2); a certificate that does not load fails the
    # start (status 1).
    for extra, status, message in (
            (["--tls-cert", cert, "--tls-key", other_key], 1, "cannot use the private key file %s: it does not "
                                                               "match the certificate" % other_key),
            (["--tls-cert", cert], 2, "--tls-cert and --tls-key go together"),
            (["--tls-cert", os.path.join(workdir, "absent.pem"), "--tls-key", other_key], 1,
             "cannot use the certificate file %s" % os.path.join(workdir, "absent.pem")),
            (["--public-url", "https://x\"/>"], 2, "--public-url needs http(s)://HOST[:PORT][/PATH]")):
        done = subprocess.run(base + extra, capture_output=True, timeout=30)
        check(done.returncode == status and done.stdout == b"" and message.encode() in done.stderr,
              "start with %r: status %d, stdout %r, stderr %r" % (extra, done.returncode, done.stdout,
                                                                   done.stderr[:300]))


def run(binary):
    workdir = tempfile.mkdtemp(prefix="oofgate-tls-")
    gateways = []
    try:
        make_certificates(workdir)
        with open(os.path.join(workdir, "users.json"), "w") as users:
            json.dump({"users": [ADELE], "tokens": [{"token": ADELE_TOKEN, "user": ADELE["userPrincipalName"],
                                                     "kind": "delegated",
                                                     "scopes": ["MailboxSettings.ReadWrite"]}]}, users)
        ca_file = os.path.join(workdir, "ca.pem")
        tls_args = ["--tls-cert", os.path.join(workdir, "server.pem"), "--tls-key", os.path.join(workdir, "server.key")]
        tls_gateway = start_gateway(binary, workdir, "tls", tls_args)
        gateways.append(tls_gateway)
        public_gateway = start_gateway(binary, workdir, "public", tls_args + ["--public-url", "https://um.contoso.com/oof/"])
        gateways.append(public_gateway)
        plain_gateway = start_gateway(binary, workdir, "plain", [])
        gateways.append(plain_gateway)
        check(tls_gateway.scheme == "https" and plain_gateway.scheme == "http",
              "ready lines: %s, %s" % (tls_gateway.scheme, plain_gateway.scheme))
        context = client_context(ca_file)

        for test in (lambda: test_graph_and_soap_over_https(tls_gateway, context, ca_file),
                     lambda: test_old_versions_and_foreign_alpn_are_refused(tls_gateway, ca_file),
                     lambda: test_sessions_are_resumed(tls_gateway, ca_file),
                     lambda: test_plain_http_on_the_tls_port(tls_gateway, context),
                     lambda: test_stalled_handshakes_are_closed_after_the_read_timeout(tls_gateway, context),
                     lambda: test_wsdl_address(tls_gateway, public_gateway, plain_gateway, context),
                     lambda: test_start_up_refusals(binary, workdir)):
            test()
        check(tls_gateway.process.poll() is None, "the TLS gateway exited during the tests")
    finally:
        for gateway in gateways:
            gateway.stop()
        if not failures:
            shutil.rmtree(workdir, ignore_errors=True)
    for failure in failures:
        print("FAILED: " + failure)
    if failures:
        print("logs in " + workdir)
        return 1
    print("tls e2e: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[sys.argv.index("--binary") + 1]))
