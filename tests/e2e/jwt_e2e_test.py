"""JWT bearer tokens against the real binary: tokens minted by `oofgate token` (HS256) reach the
mailbox they name through Graph and UM; a token that fails any check gets Graph's 401
InvalidAuthenticationToken saying which check failed, a challenge naming the configured issuer,
and never reaches a mailbox (a refused PATCH changes nothing)."""

import argparse
import base64
import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "durability"))
import gateway_driver  # noqa: E402  (start on port 0, stop by pid)
from permission_matrix_support import check, report  # noqa: E402  (shared with the identity tests)

ISSUER = "https://idp.contoso.test/realms/oofgate"
AUDIENCE = "api://oofgate"
ADELE = {"id": "87d349ed-44d7-43e1-9a83-5f2406dee5bd", "userPrincipalName": "adele@contoso.com",
         "displayName": "Adele Vance", "password": "Adele-Pa55", "umEnabled": True}
ALEX = {"id": "b4a1c1f4-0c1e-4c5a-9a8e-2f1f1c1d1e1f", "userPrincipalName": "alex@contoso.com",
        "displayName": "Alex Wilber", "password": "Alex-Pa55", "umEnabled": False}
SETTINGS = "/v1.0/me/mailboxSettings"
UM_PATH = "/EWS/UM2007Legacy.asmx"
GET_UM = ('<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/'
          'envelope/"><soap:Body><GetUMProperties xmlns="http://schemas.microsoft.com/exchange/services/2006/'
          'messages" /></soap:Body></soap:Envelope>')

def mint(binary, secret_file, *args):
    return subprocess.run([binary, "token", "--secret-file", secret_file, "--issuer", ISSUER, "--audience", AUDIENCE]
                          + list(args), check=True, capture_output=True, text=True).stdout.strip()


def request(port, method, path, token, body=None, content_type="application/json"):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        headers = {"Authorization": "Bearer " + token}
        if body is not None:
            headers["Content-Type"] = content_type
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def expect_refused(port, token, reason, label):
    status, headers, body = request(port, "GET", SETTINGS, token)
    check(status == 401, "%s: status %d, want 401" % (label, status))
    error = json.loads(body).get("error", {}) if status == 401 else {}
    check(error.get("code") == "InvalidAuthenticationToken", "%s: code %r" % (label, error.get("code")))
    check(error.get("message") == reason, "%s: message %r, want %r" % (label, error.get("message"), reason))
    challenge = headers.get("WWW-Authenticate", "")
    check('authorization_uri="%s"' % ISSUER in challenge and 'error="invalid_token"' in challenge,
          "%s: challenge %r names the issuer and invalid_token" % (label, challenge))
    check("login.microsoftonline.com" not in challenge, "%s: challenge points at Microsoft" % label)
    status, _, _ = request(port, "PATCH", SETTINGS, token, json.dumps({"timeZone": "Tokyo Standard Time"}))
    check(status == 401, "%s: PATCH status %d, want 401" % (label, status))


def tamper_payload(token, **claims):
    """The same header and signature over a payload with `claims` changed: the signature fails."""
    header, payload, signature = token.split(".")
    decoded = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    decoded.update(claims)
    encoded = base64.urlsafe_b64encode(json.dumps(decoded).encode()).rstrip(b"=").decode()
    return ".".join([header, encoded, signature])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    args = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix="oofgate-jwt-")
    gateway = None
    try:
        secret_file = os.path.join(workdir, "secret")
        with open(secret_file, "w") as secret:
            secret.write(base64.b64encode(os.urandom(48)).decode() + "\n")
        other_secret = os.path.join(workdir, "other-secret")
        with open(other_secret, "w") as secret:
            secret.write(base64.b64encode(os.urandom(48)).decode() + "\n")
        users_file = os.path.join(workdir, "users.json")
        with open(users_file, "w") as users:
            json.dump({"users": [ADELE, ALEX], "tokens": []}, users)
        gateway = gateway_driver.Gateway(
            args.binary, workdir,
            ["--data-dir", os.path.join(workdir, "data"), "--jwt-hs256-secret-file", secret_file,
             "--jwt-issuer", ISSUER, "--jwt-audience", AUDIENCE], users_file)
        port = gateway.port

        adele = mint(args.binary, secret_file, "--user", ADELE["userPrincipalName"],
                     "--scopes", "MailboxSettings.ReadWrite User.Read")
        status, _, body = request(port, "GET", SETTINGS, adele)
        check(status == 200, "delegated JWT: GET /me status %d" % status)
        before = body
        status, _, body = request(port, "PATCH", SETTINGS, adele,
                                  json.dumps({"automaticRepliesSetting": {"status": "alwaysEnabled"}}))
        check(status == 200, "delegated JWT: PATCH status %d %r" % (status, body[:200]))
        status, _, body = request(port, "POST", UM_PATH, adele, GET_UM, "text/xml; charset=utf-8")
        check(status == 200 and b"<OofStatus>true</OofStatus>" in body,
              "delegated JWT on UM: GetUMProperties %d shows the Graph write" % status)
        status, _, _ = request(port, "GET", "/v1.0/users/alex@contoso.com/mailboxSettings", adele)
        check(status == 403, "delegated JWT to another mailbox: status %d, want 403" % status)

        reader = mint(args.binary, secret_file, "--user", ADELE["userPrincipalName"], "--scopes",
                      "MailboxSettings.Read")
        status, _, _ = request(port, "PATCH", SETTINGS, reader, json.dumps({"timeZone": "UTC"}))
        check(status == 403, "MailboxSettings.Read JWT cannot PATCH: status %d" % status)

        app = mint(args.binary, secret_file, "--app", "reporting-app", "--roles", "MailboxSettings.Read")
        status, _, _ = request(port, "GET", "/v1.0/users/alex@contoso.com/mailboxSettings", app)
        check(status == 200, "application JWT reads any mailbox: status %d" % status)
        status, _, _ = request(port, "GET", SETTINGS, app)
        check(status == 400, "application JWT on /me: status %d, want 400" % status)

        expect_refused(port, mint(args.binary, other_secret, "--user", ADELE["userPrincipalName"], "--scopes",
                                  "MailboxSettings.ReadWrite"),
                       "the token's signature does not verify", "wrong key")
        expect_refused(port, tamper_payload(adele, aud="api://someone-else"), "the token's signature does not verify",
                       "tampered audience")
        header = base64.urlsafe_b64encode(b'{"alg":"none","typ":"JWT"}').rstrip(b"=").decode()
        expect_refused(port, header + "." + adele.split(".")[1] + ".", "the token's alg none is not accepted",
                       "alg none")
        expect_refused(port, "a.b.c", "the token's header is not base64url", "garbage")
        stranger = mint(args.binary, secret_file, "--user", "nobody@contoso.com", "--scopes",
                        "MailboxSettings.ReadWrite")
        expect_refused(port, stranger, "the token's oid, upn or preferred_username is no known user", "unknown user")

        status, _, body = request(port, "GET", SETTINGS, adele)
        after = json.loads(body)
        check(status == 200 and after.get("timeZone") == json.loads(before).get("timeZone"),
              "no refused token changed the mailbox (timeZone %r)" % after.get("timeZone"))
    finally:
        if gateway is not None:
            gateway.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    return report()


if __name__ == "__main__":
    sys.exit(main())
