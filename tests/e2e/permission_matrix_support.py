"""What the identity tests share: RS256 and ES256 signing keys made with the openssl CLI, their
JWKS, JWTs signed with them, and an HTTPS JWKS server (Python's http.server behind ssl, with a
certificate from the throwaway CA of tls_e2e_test) that can also hang or answer 100 MB."""

import base64
import contextlib
import hashlib
import hmac
import http.server
import json
import os
import shutil
import ssl
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "durability"))
import gateway_driver  # noqa: E402  (start on port 0, stop by pid)
from tls_e2e_test import make_certificates  # noqa: E402,F401  (the throwaway CA, re-exported)

ISSUER = "https://idp.contoso.test/realms/corp"

passes = []
failures = []


def check(condition, message):
    """Records one expectation; the test goes on, so one run shows every failure."""
    (passes if condition else failures).append(message)
    return condition


def report():
    """Prints the failures and a count; the exit status for sys.exit()."""
    for failure in failures:
        print("FAIL " + failure)
    print("%d passed, %d failed" % (len(passes), len(failures)))
    return 1 if failures else 0
AUDIENCE = "api://oofgate"


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64url_json(value):
    return b64url(json.dumps(value, separators=(",", ":")).encode())


def run_openssl(*args, data=None):
    return subprocess.run(["openssl"] + list(args), input=data, check=True, capture_output=True).stdout


def der_ecdsa_to_raw(der):
    """An ECDSA-Sig-Value (DER SEQUENCE of two INTEGERs) as JWS wants it: r || s, 32 bytes each."""
    assert der[0] == 0x30
    offset = 2 if der[1] < 0x80 else 3
    numbers = []
    for _ in range(2):
        assert der[offset] == 0x02
        length = der[offset + 1]
        numbers.append(int.from_bytes(der[offset + 2:offset + 2 + length], "big"))
        offset += 2 + length
    return b"".join(number.to_bytes(32, "big") for number in numbers)


class SigningKey:
    """A private key on disk (openssl genpkey) that signs JWS and describes itself as a JWK."""

    def __init__(self, directory, kid, algorithm):
        self.kid = kid
        self.algorithm = algorithm
        self.path = os.path.join(directory, kid + ".pem")
        if algorithm == "RS256":
            run_openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", self.path)
        else:
            run_openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", self.path)
        self.public_pem = run_openssl("pkey", "-in", self.path, "-pubout")

    def jwk(self):
        if self.algorithm == "RS256":
            modulus = run_openssl("rsa", "-in", self.path, "-noout", "-modulus").decode().strip().split("=")[1]
            return {"kty": "RSA", "use": "sig", "alg": "RS256", "kid": self.kid, "e": "AQAB",
                    "n": b64url(bytes.fromhex(modulus))}
        point = run_openssl("pkey", "-in", self.path, "-pubout", "-outform", "DER")[-65:]  # 04 || x || y
        return {"kty": "EC", "use": "sig", "alg": "ES256", "kid": self.kid, "crv": "P-256",
                "x": b64url(point[1:33]), "y": b64url(point[33:])}

    def sign(self, signing_input):
        signature = run_openssl("dgst", "-sha256", "-sign", self.path, data=signing_input)
        return signature if self.algorithm == "RS256" else der_ecdsa_to_raw(signature)

    def token(self, claims, header=None):
        header = header or {"typ": "JWT", "alg": self.algorithm, "kid": self.kid}
        signing_input = (b64url_json(header) + "." + b64url_json(claims)).encode()
        return signing_input.decode() + "." + b64url(self.sign(signing_input))


def hs256_token(secret, header, claims):
    signing_input = (b64url_json(header) + "." + b64url_json(claims)).encode()
    return signing_input.decode() + "." + b64url(hmac.new(secret, signing_input, hashlib.sha256).digest())


def claims(**overrides):
    """Valid claims for oofgate's audience from the test issuer; None removes a claim."""
    now = int(time.time())
    values = {"iss": ISSUER, "aud": AUDIENCE, "iat": now - 10, "nbf": now - 10, "exp": now + 3600}
    values.update(overrides)
    return {name: value for name, value in values.items() if value is not None}


class JwksServer:
    """HTTPS on 127.0.0.1:0 serving {"keys": [...]} at /certs. `mode` switches it to "hang" (says
    nothing until stopped) or "huge" (100 MB of body, no length) to play a broken provider."""

    def __init__(self, cert_file, key_file):
        self.keys = []
        self.mode = "normal"
        self.fetches = 0
        self.released = threading.Event()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                server.fetches += 1
                if server.mode == "hang":
                    server.released.wait(60)
                    return
                if server.mode == "huge":
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Connection", "close")
                    self.end_headers()
                    chunk = b'{"keys":[' + b" " * 65526
                    try:
                        for _ in range(100 * 16):
                            self.wfile.write(chunk)
                    except OSError:
                        pass  # the client gave up, as it should
                    return
                body = json.dumps({"keys": server.keys}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert_file, key_file)
        self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
        self.url = "https://localhost:%d/certs" % self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.released.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Provider:
    """A scratch directory with the throwaway CA (ca.pem, server.pem, server.key), an HTTPS JWKS
    server, and the gateways started through it."""

    def __init__(self, workdir):
        self.workdir = workdir
        make_certificates(workdir)
        self.ca_file = os.path.join(workdir, "ca.pem")
        self.cert_file = os.path.join(workdir, "server.pem")
        self.key_file = os.path.join(workdir, "server.key")
        self.jwks = JwksServer(self.cert_file, self.key_file)
        self.gateways = []

    def start_gateway(self, binary, args, users_file):
        gateway = gateway_driver.Gateway(binary, self.workdir, args, users_file)
        self.gateways.append(gateway)
        return gateway


@contextlib.contextmanager
def identity_provider(prefix):
    """A Provider; its gateways, JWKS server and directory are gone afterwards."""
    workdir = tempfile.mkdtemp(prefix=prefix)
    provider = None
    try:
        provider = Provider(workdir)
        yield provider
    finally:
        if provider is not None:
            for gateway in provider.gateways:
                gateway.stop()
            provider.jwks.stop()
        shutil.rmtree(workdir, ignore_errors=True)
