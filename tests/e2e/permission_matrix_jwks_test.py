"""--jwks https://... against the real binary: the key set is fetched at start (a start without it
fails and says why), a rotated key is picked up without a restart, and an identity provider that
hangs or answers 100 MB neither stalls other requests nor grows the gateway's memory."""

import argparse
import http.client
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from permission_matrix_support import (AUDIENCE, ISSUER, SigningKey, check, claims, identity_provider,  # noqa: E402
                                       report, rss_kib)

ADELE = {"id": "87d349ed-44d7-43e1-9a83-5f2406dee5bd", "userPrincipalName": "adele@contoso.com",
         "displayName": "Adele Vance", "password": "Adele-Pa55", "umEnabled": True}
ME = "/v1.0/me/mailboxSettings"
FETCH_TIMEOUT = 10  # oofgate's bound on one JWKS fetch, seconds

def get(port, token):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", ME, headers={"Authorization": "Bearer " + token})
        response = connection.getresponse()
        body = response.read().decode()
        return response.status, json.loads(body).get("error", {}).get("message") if response.status != 200 else ""
    finally:
        connection.close()


def gateway_args(workdir, name, jwks, ca_file):
    # The broken-provider cases send as many requests as the machine allows in 3 s, one caller to
    # one mailbox: Graph's throttle (10,000 per window) would answer 429 on a fast machine.
    return ["--data-dir", os.path.join(workdir, name), "--jwks", jwks.url, "--jwks-ca", ca_file,
            "--jwt-issuer", ISSUER, "--jwt-audience", AUDIENCE, "--throttle-requests", "0"]


def adele_token(key):
    return key.token(claims(oid=ADELE["id"], scp="MailboxSettings.ReadWrite"))


def test_start_needs_the_key_set(binary, workdir, jwks, ca_file, users_file):
    def start(extra):
        return subprocess.run([binary, "serve", "--listen", "127.0.0.1:0", "--users", users_file, "--data-dir",
                               os.path.join(workdir, "refused")] + extra, capture_output=True, text=True, timeout=60)
    refused = start(["--jwks", jwks.url, "--jwt-issuer", ISSUER, "--jwt-audience", AUDIENCE])
    check(refused.returncode == 1 and "cannot fetch " + jwks.url in refused.stderr and
          "certificate verify failed" in refused.stderr,
          "an untrusted JWKS certificate stops the start: %d %r" % (refused.returncode, refused.stderr))
    plain = start(["--jwks", jwks.url.replace("https://", "http://"), "--jwt-issuer", ISSUER, "--jwt-audience",
                   AUDIENCE])
    check(plain.returncode == 1 and "must be https://" in plain.stderr,
          "an http:// JWKS URL stops the start: %d %r" % (plain.returncode, plain.stderr))
    jwks.mode = "hang"
    began = time.monotonic()
    hung = start(["--jwks", jwks.url, "--jwks-ca", ca_file, "--jwt-issuer", ISSUER, "--jwt-audience", AUDIENCE])
    took = time.monotonic() - began
    check(hung.returncode == 1 and "no complete answer within the timeout" in hung.stderr and took < FETCH_TIMEOUT + 5,
          "a JWKS server that hangs stops the start after the timeout: %d in %.1fs %r"
          % (hung.returncode, took, hung.stderr))
    jwks.released.set()
    jwks.mode = "normal"


def jwks_loads(port):
    """oofgate_jwks_refreshes_total from /metrics: key sets loaded, at start and by refreshes."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", "/metrics")
        body = connection.getresponse().read().decode()
    finally:
        connection.close()
    for line in body.splitlines():
        if line.startswith("oofgate_jwks_refreshes_total "):
            return float(line.split()[1])
    return None


def test_rotation(port, jwks, workdir, first):
    """A key published after the start is used without a restart; the first token that names it
    is refused while the refresh runs and the same token is accepted once it is in."""
    check(get(port, adele_token(first))[0] == 200, "the key fetched at start verifies")
    check(jwks_loads(port) == 1, "the JWKS load at start is counted once: %r" % jwks_loads(port))
    second = SigningKey(workdir, "rotated-2", "ES256")
    jwks.keys = [first.jwk(), second.jwk()]
    token = adele_token(second)
    status, message = get(port, token)
    check(status == 401 and "being refreshed" in message, "the first use of the new kid: %d %r" % (status, message))
    deadline = time.monotonic() + FETCH_TIMEOUT
    while time.monotonic() < deadline and status != 200:
        time.sleep(0.1)
        status, message = get(port, token)
    check(status == 200, "the rotated key is accepted without a restart: %d %r" % (status, message))
    check(jwks_loads(port) == 2, "the refresh that loaded the new key is counted: %r" % jwks_loads(port))


def wait_for_log(path, text, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with open(path, "rb") as log:
            if text.encode() in log.read():
                return True
        time.sleep(0.2)
    return False


def test_broken_provider(gateway, jwks, key, mode, gives_up_with):
    """While the refresh fights a hanging or flooding JWKS server, known tokens are answered at
    once and the gateway's memory stays flat; the refresh gives up and keeps the old keys."""
    port, pid = gateway.port, gateway.process.pid
    token = adele_token(key)
    get(port, token)
    rss_before = rss_kib(pid)
    fetches = jwks.fetches
    jwks.mode = mode
    jwks.released.clear()
    status, message = get(port, key.token(claims(oid=ADELE["id"], scp="MailboxSettings.Read"),
                                          {"alg": key.algorithm, "kid": "never-published-" + mode}))
    check(status == 401 and "being refreshed" in message, "%s: unknown kid starts a refresh: %d %r"
          % (mode, status, message))
    slowest = 0.0
    peak = rss_before
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        began = time.monotonic()
        check(get(port, token)[0] == 200, "%s: a known token is served during the refresh" % mode)
        slowest = max(slowest, time.monotonic() - began)
        peak = max(peak, rss_kib(pid))
    check(jwks.fetches > fetches, "%s: the refresh reached the JWKS server" % mode)
    check(slowest < 1.0, "%s: slowest request during the refresh took %.2fs" % (mode, slowest))
    check(peak - rss_before < 16 * 1024, "%s: memory grew by %d KiB" % (mode, peak - rss_before))
    check(wait_for_log(gateway.log.name, "refresh failed, keeping the last good keys: cannot fetch %s: %s"
                       % (jwks.url, gives_up_with), FETCH_TIMEOUT + 5), "%s: the refresh gave up: %s" % (mode, gives_up_with))
    check(get(port, token)[0] == 200, "%s: the last good keys still verify" % mode)
    jwks.released.set()
    jwks.mode = "normal"


def main():
    # Under AddressSanitizer (scripts/test's second run) freed memory sits in ASan's quarantine
    # (256 MB by default) instead of being reused, so the memory bound below would measure the
    # sanitizer, not the gateway; without quarantine it measures what the gateway holds. The
    # option means nothing to a Release binary.
    os.environ["ASAN_OPTIONS"] = ":".join(filter(None, [os.environ.get("ASAN_OPTIONS"), "quarantine_size_mb=0",
                                                        "thread_local_quarantine_size_kb=0"]))
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    args = parser.parse_args()
    with identity_provider("oofgate-jwks-") as provider:
        workdir, ca_file, jwks = provider.workdir, provider.ca_file, provider.jwks
        key = SigningKey(workdir, "rsa-1", "RS256")
        jwks.keys = [key.jwk()]
        users_file = os.path.join(workdir, "users.json")
        with open(users_file, "w") as users:
            json.dump({"users": [ADELE], "tokens": []}, users)
        test_start_needs_the_key_set(args.binary, workdir, jwks, ca_file, users_file)
        # One gateway per scenario: each may refresh once a minute.
        rotation, hang, huge = (provider.start_gateway(args.binary, gateway_args(workdir, name, jwks, ca_file),
                                                       users_file) for name in ("rotation", "hang", "huge"))
        test_rotation(rotation.port, jwks, workdir, key)
        test_broken_provider(hang, jwks, key, "hang", "no complete answer within the timeout")
        test_broken_provider(huge, jwks, key, "huge", "the answer is larger than the limit")
    return report()


if __name__ == "__main__":
    sys.exit(main())
