"""Who may do what, against the real binary over HTTPS with its JWKS fetched from an HTTPS
identity provider: one table of token kind x operation -> status and error, every reason a
token is refused with its exact 401 message, curl with a JWT, and proof that no refused token
changed a mailbox."""

import argparse
import base64
import http.client
import json
import os
import re
import ssl
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from permission_matrix_support import (AUDIENCE, ISSUER, SigningKey, b64url_json, check, claims,  # noqa: E402
                                       hs256_token, identity_provider, report)

ADELE = {"id": "87d349ed-44d7-43e1-9a83-5f2406dee5bd", "userPrincipalName": "adele@contoso.com",
         "displayName": "Adele Vance", "password": "Adele-Pa55", "umEnabled": True}
ALEX = {"id": "b4a1c1f4-0c1e-4c5a-9a8e-2f1f1c1d1e1f", "userPrincipalName": "alex@contoso.com",
        "displayName": "Alex Wilber", "password": "Alex-Pa55", "umEnabled": True}
OPAQUE = [
    {"token": "matrix-read", "user": ADELE["userPrincipalName"], "kind": "delegated",
     "scopes": ["MailboxSettings.Read"]},
    {"token": "matrix-readwrite", "user": ADELE["userPrincipalName"], "kind": "delegated",
     "scopes": ["MailboxSettings.ReadWrite"]},
    {"token": "matrix-app", "kind": "application", "roles": ["MailboxSettings.ReadWrite"]},
]
MESSAGES_NS = "http://schemas.microsoft.com/exchange/services/2006/messages"
UM_PATH = "/EWS/UM2007Legacy.asmx"
ME = "/v1.0/me/mailboxSettings"
OTHER = "/v1.0/users/%s/mailboxSettings" % ALEX["userPrincipalName"]
PATCH_BODY = json.dumps({"automaticRepliesSetting": {"status": "alwaysEnabled"}})


def envelope(operation):
    return ('<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/'
            'envelope/"><soap:Body>%s</soap:Body></soap:Envelope>' % operation)


GET_UM = envelope('<GetUMProperties xmlns="%s"/>' % MESSAGES_NS)
SET_OOF = envelope('<SetOofStatus xmlns="%s"><status>true</status></SetOofStatus>' % MESSAGES_NS)

# operation -> (method, path, body, content type)
OPERATIONS = {
    "GET /me": ("GET", ME, None, None),
    "PATCH /me": ("PATCH", ME, PATCH_BODY, "application/json"),
    "GET /users/other": ("GET", OTHER, None, None),
    "PATCH /users/other": ("PATCH", OTHER, PATCH_BODY, "application/json"),
    "UM GetUMProperties": ("POST", UM_PATH, GET_UM, "text/xml; charset=utf-8"),
    "UM SetOofStatus": ("POST", UM_PATH, SET_OOF, "text/xml; charset=utf-8"),
}
OK = (200, None)
DENIED = (403, "ErrorAccessDenied")
UNAUTHENTICATED = (401, "InvalidAuthenticationToken")
APP_ON_ME = (400, "BadRequest")
# The UM web service acts for a signed-in user: an application identity is refused, as is a write
# with a token that may only read (Exchange's AccessDeniedException fault, SOAP 1.1: HTTP 500).
UM_NO_USER = (500, "a:AccessDeniedException")
UM_READ_ONLY = (500, "a:AccessDeniedException")

#               token kind                 GET /me  PATCH /me  GET other  PATCH other  UM Get  UM SetOof
MATRIX = [
    ("opaque delegated Read",       [OK,     DENIED,    DENIED,    DENIED,      OK,         UM_READ_ONLY]),
    ("opaque delegated ReadWrite",  [OK,     OK,        DENIED,    DENIED,      OK,         OK]),
    ("opaque application",          [APP_ON_ME, APP_ON_ME, OK,     OK,          UM_NO_USER, UM_NO_USER]),
    ("JWT delegated RS256 (JWKS)",  [OK,     OK,        DENIED,    DENIED,      OK,         OK]),
    ("JWT delegated ES256 (JWKS)",  [OK,     DENIED,    DENIED,    DENIED,      OK,         UM_READ_ONLY]),
    ("JWT application RS256",       [APP_ON_ME, APP_ON_ME, OK,     OK,          UM_NO_USER, UM_NO_USER]),
    ("Basic",                       [UNAUTHENTICATED] * 4 + [OK, OK]),
]

class Https:
    def __init__(self, port, ca_file):
        self.port = port
        self.context = ssl.create_default_context(cafile=ca_file)

    def request(self, method, path, authorization, body=None, content_type=None):
        connection = http.client.HTTPSConnection("localhost", self.port, context=self.context, timeout=30)
        try:
            headers = {"Authorization": authorization} if authorization else {}
            if content_type:
                headers["Content-Type"] = content_type
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            return response.status, response.headers, response.read().decode("utf-8", "replace")
        finally:
            connection.close()


def outcome_of(status, body):
    """(status, error): the Graph error code, or the SOAP fault code; None for a success."""
    if body.lstrip().startswith("{"):
        return status, json.loads(body).get("error", {}).get("code")
    fault = re.search(r"<faultcode[^>]*>([^<]*)</faultcode>", body)
    return status, fault.group(1) if fault else None


def token_kinds(rsa, ec):
    basic = base64.b64encode(("%s:%s" % (ADELE["userPrincipalName"], ADELE["password"])).encode()).decode()
    return {
        "opaque delegated Read": "Bearer matrix-read",
        "opaque delegated ReadWrite": "Bearer matrix-readwrite",
        "opaque application": "Bearer matrix-app",
        "JWT delegated RS256 (JWKS)": "Bearer " + rsa.token(claims(oid=ADELE["id"], scp="MailboxSettings.ReadWrite")),
        "JWT delegated ES256 (JWKS)": "Bearer " + ec.token(claims(preferred_username=ADELE["userPrincipalName"],
                                                                  scp="MailboxSettings.Read User.Read")),
        "JWT application RS256": "Bearer " + rsa.token(claims(azp="matrix-daemon",
                                                              roles=["MailboxSettings.ReadWrite"])),
        "Basic": "Basic " + basic,
    }


def test_matrix(client, rsa, ec):
    kinds = token_kinds(rsa, ec)
    for kind, expected_row in MATRIX:
        for (operation, (method, path, body, content_type)), expected in zip(OPERATIONS.items(), expected_row):
            status, _, text = client.request(method, path, kinds[kind], body, content_type)
            actual = outcome_of(status, text)
            check(actual == expected, "%s x %s: %r, want %r (%s)" % (kind, operation, actual, expected, text[:300]))


def refusals(rsa, ec, workdir):
    """(label, Authorization value, exact 401 message) for every reason a token is refused."""
    adele = {"oid": ADELE["id"], "scp": "MailboxSettings.ReadWrite"}
    stranger = SigningKey(workdir, "rsa-1", "RS256")  # the same kid, another key
    good = rsa.token(claims(**adele))
    header, payload, _ = good.split(".")
    return [
        ("missing", None, "Access token is empty."),
        ("malformed", "Bearer not.a-jwt.at all", "the token's header is not base64url"),
        ("expired", "Bearer " + rsa.token(claims(exp=int(claims()["iat"]) - 3600, nbf=None, iat=None, **adele)),
         "the token has expired"),
        ("not yet valid", "Bearer " + rsa.token(claims(nbf=int(claims()["exp"]), **adele)),
         "the token is not valid yet (nbf)"),
        ("wrong issuer", "Bearer " + rsa.token(claims(iss="https://evil.example/", **adele)),
         "the token's iss is not a trusted issuer"),
        ("wrong audience", "Bearer " + rsa.token(claims(aud="api://someone-else", **adele)),
         "the token's aud is not this API's audience"),
        ("token for Microsoft Graph", "Bearer " + rsa.token(claims(aud="https://graph.microsoft.com", **adele)),
         "the token is for Microsoft Graph; request a token for oofgate's API"),
        ("wrong signature", "Bearer " + stranger.token(claims(**adele)), "the token's signature does not verify"),
        ("ES256 signature on an RS256 key", "Bearer " + ec.token(claims(**adele), {"alg": "RS256", "kid": "rsa-1"}),
         "the token's signature does not verify"),
        ("alg none", "Bearer %s.%s." % (b64url_json({"alg": "none", "kid": "rsa-1"}), payload),
         "the token's alg none is not accepted"),
        ("HS256 signed with the RSA public key",
         "Bearer " + hs256_token(rsa.public_pem, {"alg": "HS256", "kid": "rsa-1"}, claims(**adele)),
         "the token's alg HS256 does not match its key's RS256"),
        ("no kid and no HS256 secret", "Bearer " + hs256_token(b"x" * 48, {"alg": "HS256"}, claims(**adele)),
         "the token names no kid"),
        ("unknown user", "Bearer " + rsa.token(claims(upn="nobody@contoso.com", scp="MailboxSettings.ReadWrite")),
         "the token's oid, upn or preferred_username is no known user"),
        ("no exp", "Bearer " + rsa.token(claims(exp=None, **adele)), "the token has no exp claim"),
        # Last: the first unknown kid starts a background refresh of the key set.
        ("unknown kid", "Bearer " + rsa.token(claims(**adele), {"alg": "RS256", "kid": "rsa-unknown"}),
         "the token's kid names no known signing key (the key set is being refreshed: retry shortly)"),
        ("unknown kid again", "Bearer " + rsa.token(claims(**adele), {"alg": "RS256", "kid": "rsa-unknown"}),
         "the token's kid names no known signing key"),
        ("Basic on Graph", "Basic " + base64.b64encode(b"adele@contoso.com:Adele-Pa55").decode(),
         "Access token is empty."),
    ]


def snapshot(client):
    """Both mailboxes as Graph and UM show them (read with the application and Basic)."""
    views = []
    for path in (ME.replace("/me/", "/users/%s/" % ADELE["id"]), OTHER):
        views.append(client.request("GET", path, "Bearer matrix-app")[2])
    basic = base64.b64encode(("%s:%s" % (ADELE["userPrincipalName"], ADELE["password"])).encode()).decode()
    views.append(client.request("POST", UM_PATH, "Basic " + basic, GET_UM, "text/xml; charset=utf-8")[2])
    return views


def test_refusals(client, rsa, ec, workdir):
    before = snapshot(client)
    for label, authorization, message in refusals(rsa, ec, workdir):
        status, headers, body = client.request("GET", ME, authorization)
        error = json.loads(body).get("error", {}) if body.startswith("{") else {}
        check((status, error.get("code"), error.get("message")) == (401, "InvalidAuthenticationToken", message),
              "%s: %d %r %r, want 401 %r" % (label, status, error.get("code"), error.get("message"), message))
        challenge = headers.get("WWW-Authenticate", "")
        expected = 'Bearer realm="", authorization_uri="%s"' % ISSUER
        if authorization is not None and authorization.startswith("Bearer "):
            expected += ', error="invalid_token", error_description="%s"' % message.replace('"', "")
        check(challenge == expected, "%s: challenge %r, want %r" % (label, challenge, expected))
        # Writes through every facade with the same token reach no mailbox.
        for method, path, body_text, content_type in (OPERATIONS["PATCH /me"], OPERATIONS["PATCH /users/other"],
                                                      OPERATIONS["UM SetOofStatus"]):
            if authorization is not None and authorization.startswith("Basic ") and path == UM_PATH:
                continue  # Basic is a valid UM credential; only its Graph use is a refusal
            status, _, text = client.request(method, path, authorization, body_text, content_type)
            check(status == 401, "%s: %s %s answered %d %s" % (label, method, path, status, text[:200]))
    check(snapshot(client) == before, "no refused token changed a mailbox")


def test_curl(port, ca_file, rsa):
    token = rsa.token(claims(upn=ADELE["userPrincipalName"], scp="MailboxSettings.ReadWrite"))
    base = "https://localhost:%d" % port
    read = subprocess.run(["curl", "-sS", "--cacert", ca_file, "-w", "\n%{http_code}", base + ME,
                           "-H", "Authorization: Bearer " + token], capture_output=True, text=True, timeout=30)
    body, _, code = read.stdout.rpartition("\n")
    check(read.returncode == 0 and code == "200" and '"timeZone"' in body,
          "curl GET with a JWT: rc %d, %s %s %s" % (read.returncode, code, body[:200], read.stderr))
    write = subprocess.run(["curl", "-sS", "--cacert", ca_file, "-w", "\n%{http_code}", "-X", "PATCH", base + ME,
                            "-H", "Authorization: Bearer " + token, "-H", "Content-Type: application/json",
                            "-d", json.dumps({"timeZone": "Tokyo Standard Time"})],
                           capture_output=True, text=True, timeout=30)
    body, _, code = write.stdout.rpartition("\n")
    check(write.returncode == 0 and code == "200" and json.loads(body or "{}").get("timeZone") ==
          "Tokyo Standard Time", "curl PATCH with a JWT: rc %d, %s %s" % (write.returncode, code, body[:200]))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    args = parser.parse_args()
    with identity_provider("oofgate-matrix-") as provider:
        workdir, ca_file = provider.workdir, provider.ca_file
        rsa = SigningKey(workdir, "rsa-1", "RS256")
        ec = SigningKey(workdir, "ec-1", "ES256")
        os.makedirs(os.path.join(workdir, "other"))
        provider.jwks.keys = [rsa.jwk(), ec.jwk()]
        users_file = os.path.join(workdir, "users.json")
        with open(users_file, "w") as users:
            json.dump({"users": [ADELE, ALEX], "tokens": OPAQUE}, users)
        gateway = provider.start_gateway(
            args.binary,
            ["--data-dir", os.path.join(workdir, "data"), "--tls-cert", provider.cert_file,
             "--tls-key", provider.key_file, "--jwks", provider.jwks.url, "--jwks-ca", ca_file,
             "--jwt-issuer", ISSUER, "--jwt-audience", AUDIENCE], users_file)
        check(gateway.scheme == "https", "the gateway serves https")
        client = Https(gateway.port, ca_file)
        test_refusals(client, rsa, ec, os.path.join(workdir, "other"))
        test_matrix(client, rsa, ec)
        test_curl(gateway.port, ca_file, rsa)
    return report()


if __name__ == "__main__":
    sys.exit(main())
