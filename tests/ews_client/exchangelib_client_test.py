"""A real EWS client against the real gateway: Debian's exchangelib (python3-exchangelib) manages
a mailbox's automatic replies through POST /EWS/Exchange.asmx with HTTP Basic, once with an
explicit server version (Adele) and once without (Alex: it then probes with ConvertId), the same
scenario each time: read, set Scheduled, Enabled, Disabled. Every state it sets is
read back through exchangelib, through Graph (GET mailboxSettings) and through UM
(GetUMProperties); a wrong password must raise exchangelib's UnauthorizedError. Then over HTTPS
(--tls-cert/--tls-key, a throwaway CA made with the openssl CLI, trusted through requests'
REQUESTS_CA_BUNDLE): exchangelib reads and sets the automatic replies once, and refuses the
gateway while the CA is not trusted."""

import datetime
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "durability"))
import gateway_driver  # noqa: E402  (start on port 0, stop by pid)

try:
    import exchangelib
    from exchangelib import BASIC, Account, Build, Configuration, Credentials, DELEGATE, Version
    from exchangelib.errors import ErrorAccessDenied, UnauthorizedError
    from exchangelib.settings import OofSettings
except ImportError as missing:
    print("FAILED: %s; install python3-exchangelib (scripts/install-deps test) and run this with Debian's python3"
          % missing)
    sys.exit(1)

ADELE = {"id": "87d349ed-44d7-43e1-9a83-5f2406dee5bd", "userPrincipalName": "adele@contoso.com",
         "displayName": "Adele Vance", "password": "Adele-Pa55", "umEnabled": True}
ALEX = {"id": "2b7a1d65-1f3c-4e1b-9a0f-0c3b5e2d7a91", "userPrincipalName": "alex@contoso.com",
        "displayName": "Alex Wilber", "password": "Alex-Pa55", "umEnabled": True}
TOKENS = {ADELE["userPrincipalName"]: "ews-adele-token", ALEX["userPrincipalName"]: "ews-alex-token"}
UTC = exchangelib.UTC


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def account(port, who, password=None, version=None, scheme="http"):
    config = Configuration(service_endpoint="%s://127.0.0.1:%d/EWS/Exchange.asmx" % (scheme, port),
                           credentials=Credentials(who["userPrincipalName"], password or who["password"]),
                           auth_type=BASIC, version=version)
    return Account(who["userPrincipalName"], config=config, autodiscover=False, access_type=DELEGATE)


def graph_replies(client, who):
    status, body = client.request("GET", "/v1.0/me/mailboxSettings/automaticRepliesSetting",
                                  {"Authorization": "Bearer " + TOKENS[who["userPrincipalName"]]})
    check(status == 200, "Graph GET automaticRepliesSetting: %d %s" % (status, body))
    return json.loads(body)


def expect_state(acct, who, client, state, audience, internal, external, start=None, end=None, um=None):
    """exchangelib, Graph and UM all see the same automatic replies."""
    seen = acct.oof_settings
    check(seen.state == state, "exchangelib state %r, expected %r" % (seen.state, state))
    check(seen.external_audience == audience, "exchangelib audience %r, expected %r" % (seen.external_audience, audience))
    check(seen.internal_reply == internal, "exchangelib internal reply %r, expected %r" % (seen.internal_reply, internal))
    check(seen.external_reply == external, "exchangelib external reply %r, expected %r" % (seen.external_reply, external))
    if start is not None:
        check(seen.start == start and seen.end == end,
              "exchangelib window %r..%r, expected %r..%r" % (seen.start, seen.end, start, end))
    graph = graph_replies(client, who)
    graph_state = {"Disabled": "disabled", "Enabled": "alwaysEnabled", "Scheduled": "scheduled"}[state]
    graph_audience = {"None": "none", "Known": "contactsOnly", "All": "all"}[audience]
    check(graph["status"] == graph_state, "Graph status %r, expected %r" % (graph["status"], graph_state))
    check(graph["externalAudience"] == graph_audience,
          "Graph externalAudience %r, expected %r" % (graph["externalAudience"], graph_audience))
    check(graph["internalReplyMessage"] == internal and graph["externalReplyMessage"] == external,
          "Graph messages %r / %r" % (graph["internalReplyMessage"], graph["externalReplyMessage"]))
    if start is not None:
        for key, instant in (("scheduledStartDateTime", start), ("scheduledEndDateTime", end)):
            value = graph[key]
            check(value["timeZone"] == "UTC" and value["dateTime"] == instant.strftime("%Y-%m-%dT%H:%M:%S.0000000"),
                  "Graph %s %r, expected %s" % (key, value, instant))
    expected_um = (state == "Enabled") if um is None else um
    check(client.get_oof_status(who) == expected_um, "UM OofStatus, expected %r" % expected_um)


def scenario(client, who, acct):
    # Read: a fresh mailbox is Disabled, with a Duration even so.
    seen = acct.oof_settings
    check(seen.state == "Disabled", "fresh mailbox: %r" % seen)
    check(seen.start is not None and seen.end is not None, "fresh mailbox has no Duration: %r" % seen)

    now = exchangelib.EWSDateTime.now(tz=UTC).replace(microsecond=0)
    start = now + datetime.timedelta(days=10)
    end = now + datetime.timedelta(days=17)
    acct.oof_settings = OofSettings(state="Scheduled", start=start, end=end, external_audience="Known",
                                    internal_reply="Away <b>inside</b>", external_reply="Away & outside")
    expect_state(acct, who, client, "Scheduled", "Known", "Away <b>inside</b>", "Away & outside", start, end, um=False)

    acct.oof_settings = OofSettings(state="Enabled", external_audience="All", internal_reply="In: back soon",
                                    external_reply="Out: back soon")
    expect_state(acct, who, client, "Enabled", "All", "In: back soon", "Out: back soon")

    acct.oof_settings = OofSettings(state="Disabled", external_audience="None", internal_reply="", external_reply="")
    # EWS clients send empty replies when only switching off: the stored messages stay.
    expect_state(acct, who, client, "Disabled", "None", "In: back soon", "Out: back soon")


def openssl(directory, *args):
    subprocess.run(["openssl"] + list(args), cwd=directory, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)


def make_certificates(directory):
    """A throwaway CA, and a server certificate it signed for 127.0.0.1 (as tests/e2e/tls_e2e_test.py)."""
    openssl(directory, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days",
            "1", "-subj", "/CN=oofgate exchangelib test CA", "-keyout", "ca.key", "-out", "ca.pem")
    openssl(directory, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj",
            "/CN=localhost", "-keyout", "server.key", "-out", "server.csr")
    with open(os.path.join(directory, "san.ext"), "w") as ext:
        ext.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
    openssl(directory, "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-days", "1", "-extfile", "san.ext", "-out", "server.pem")


def over_https(binary, workdir, users):
    """exchangelib reads and sets Adele's automatic replies once through https://.../EWS/Exchange.asmx."""
    make_certificates(workdir)
    gateway = gateway_driver.Gateway(binary, workdir, [
        "--data-dir", os.path.join(workdir, "tls-data"), "--tls-cert", os.path.join(workdir, "server.pem"),
        "--tls-key", os.path.join(workdir, "server.key")], users)
    saved = os.environ.pop("REQUESTS_CA_BUNDLE", None)
    try:
        check(gateway.scheme == "https", "the gateway serves https: %s" % gateway.scheme)
        version = Version(build=Build(15, 1))
        exchangelib.close_connections()
        try:
            account(gateway.port, ADELE, version=version, scheme="https").oof_settings
            raise AssertionError("exchangelib accepted a certificate from a CA it does not trust")
        except exchangelib.errors.TransportError as refused:
            check("CERTIFICATE_VERIFY_FAILED" in str(refused), "untrusted CA: %s" % refused)

        os.environ["REQUESTS_CA_BUNDLE"] = os.path.join(workdir, "ca.pem")
        exchangelib.close_connections()
        acct = account(gateway.port, ADELE, version=version, scheme="https")
        check(acct.oof_settings.state == "Disabled", "over https, a fresh mailbox: %r" % acct.oof_settings)
        acct.oof_settings = OofSettings(state="Enabled", external_audience="All", internal_reply="TLS inside",
                                        external_reply="TLS outside")
        exchangelib.close_connections()
        seen = account(gateway.port, ADELE, version=version, scheme="https").oof_settings
        check((seen.state, seen.external_audience, seen.internal_reply, seen.external_reply)
              == ("Enabled", "All", "TLS inside", "TLS outside"), "over https, read back: %r" % seen)
    finally:
        os.environ.pop("REQUESTS_CA_BUNDLE", None)
        if saved is not None:
            os.environ["REQUESTS_CA_BUNDLE"] = saved
        exchangelib.close_connections()
        gateway.stop()


def run():
    binary = sys.argv[sys.argv.index("--binary") + 1]
    workdir = gateway_driver.scratch_dir("oofgate-exchangelib-")
    users = os.path.join(workdir, "users.json")
    with open(users, "w") as out:
        json.dump({"users": [ADELE, ALEX],
                   "tokens": [{"token": token, "user": upn, "kind": "delegated", "scopes": ["MailboxSettings.ReadWrite"]}
                              for upn, token in TOKENS.items()]}, out)
    gateway = gateway_driver.Gateway(binary, workdir, ["--data-dir", os.path.join(workdir, "data")], users)
    client = gateway_driver.Client(gateway.port)
    try:
        # With an explicit version: no probe, one POST per get and set.
        scenario(client, ADELE, account(gateway.port, ADELE, version=Version(build=Build(15, 1))))

        # Without a version: exchangelib probes with ConvertId and takes the version from our header.
        # Its protocol cache would otherwise hand back the version configured above.
        exchangelib.close_connections()
        probing = account(gateway.port, ALEX)
        check(probing.version.build == Build(15, 1, 2507, 6), "probed version %r" % probing.version)
        scenario(client, ALEX, probing)

        # A delegated caller may not read someone else's mailbox: MS-OXWOOF's access-denied fault.
        alex = account(gateway.port, ALEX, version=Version(build=Build(15, 1)))
        try:
            from exchangelib.services import GetUserOofSettings
            from exchangelib.properties import Mailbox
            GetUserOofSettings(account=alex).get(mailbox=Mailbox(email_address=ADELE["userPrincipalName"]))
            raise AssertionError("reading another user's automatic replies succeeded")
        except ErrorAccessDenied as denied:
            check("User is not mailbox owner" in str(denied), "access denied message: %s" % denied)

        # A wrong password: HTTP 401, which exchangelib raises as UnauthorizedError.
        try:
            account(gateway.port, ADELE, password="wrong-password", version=Version(build=Build(15, 1))).oof_settings
            raise AssertionError("a wrong password was accepted")
        except UnauthorizedError:
            pass
    finally:
        client.close()
        gateway.stop()
    over_https(binary, workdir, users)
    shutil.rmtree(workdir, ignore_errors=True)
    print("PASSED: exchangelib %s manages automatic replies through EWS; Graph and UM agree" % exchangelib.__version__)


if __name__ == "__main__":
    gateway_driver.main(run)
