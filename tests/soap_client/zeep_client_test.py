"""A real SOAP client against the real gateway: zeep (python3-zeep) loads the served WSDL
(GET /EWS/UM2007Legacy.asmx?wsdl) and calls the UM web service through both of its bindings,
SOAP 1.1 and SOAP 1.2, with HTTP Basic; the OOF state it sets is read back through UM and
through Graph. It does so over plain HTTP and again over HTTPS, trusting a throwaway CA made with
the openssl CLI (the WSDL then names an https:// address, which zeep posts to). If zeep cannot use
the WSDL as served, this test fails: that is its point."""

import json
import os
import re
import shutil
import stat
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "durability"))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
import gateway_driver  # noqa: E402  (start on port 0, stop by pid)
from tls_e2e_test import make_certificates  # noqa: E402  (the throwaway CA)

try:
    import requests
    import zeep
    import zeep.exceptions
except ImportError as missing:
    print("FAILED: %s; install python3-zeep (scripts/install-deps test) and run this with Debian's python3"
          % missing)
    sys.exit(1)

ADELE = {"id": "87d349ed-44d7-43e1-9a83-5f2406dee5bd", "userPrincipalName": "adele@contoso.com",
         "displayName": "Adele Vance", "password": "Adele-Pa55", "umEnabled": True}
NORA = {"id": "5c0d6a7e-8b1f-4c2d-9e3a-4f5b6c7d8e9f", "userPrincipalName": "nora@contoso.com",
        "displayName": "Nora Noum", "password": "Nora-Pa55", "umEnabled": False}
ADELE_TOKEN = "zeep-adele-token"
BINDINGS = ("UMServiceSoap", "UMServiceSoap12")


def check(condition, message):
    if not condition:
        raise AssertionError(message)


class Um:
    """The UM service as zeep sees it from the WSDL, for one user and one binding."""

    def __init__(self, base, who, binding, verify=True):
        session = requests.Session()
        # The CA file for https; the environment (REQUESTS_CA_BUNDLE, proxies) must not override it.
        session.trust_env = False
        session.verify = verify
        session.auth = requests.auth.HTTPBasicAuth(who["userPrincipalName"], who["password"])
        self.sent = []  # (Content-Type, SOAPAction) of every POST, as zeep sent them
        session.hooks["response"].append(self._record)
        self.client = zeep.Client(base + "/EWS/UM2007Legacy.asmx?wsdl",
                                  transport=zeep.Transport(session=session, timeout=10))
        self.service = self.client.bind("UMService", binding)

    def _record(self, response, *args, **kwargs):
        if response.request.method == "POST":
            self.sent.append((response.request.headers.get("Content-Type"), response.request.headers.get("SOAPAction")))


def graph_oof_status(base, verify):
    session = requests.Session()
    session.trust_env = False
    response = session.get(base + "/v1.0/me/mailboxSettings", headers={"Authorization": "Bearer " + ADELE_TOKEN},
                           verify=verify, timeout=10)
    return response.json()["automaticRepliesSetting"]["status"]


def expect_fault(call, binding, exception_type, what):
    """The call raises zeep's Fault naming `exception_type`: as the SOAP 1.1 faultcode `a:<Type>`
    or the SOAP 1.2 Subcode, and in detail/ExceptionType either way."""
    try:
        call()
    except zeep.exceptions.Fault as fault:
        if binding == "UMServiceSoap":
            named = (fault.code or "").endswith(":" + exception_type)
        else:
            named = any(subcode.localname == exception_type for subcode in fault.subcodes or [])
        detail = "" if fault.detail is None else "".join(fault.detail.itertext()).strip()
        check(named and detail == exception_type,
              "%s: expected %s, got code %r, subcodes %r, detail %r, message %r"
              % (what, exception_type, fault.code, fault.subcodes, detail, fault.message))
        return fault
    raise AssertionError("%s: no zeep Fault raised" % what)


def run_binding(base, binding, verify=True):
    adele = Um(base, ADELE, binding, verify)
    service = adele.service
    binding_name = type(adele.service._binding).__name__
    check(binding_name == ("Soap11Binding" if binding == "UMServiceSoap" else "Soap12Binding"),
          "%s is bound as %s" % (binding, binding_name))

    check(service.IsUMEnabled() is True, "%s: IsUMEnabled for adele" % binding)
    check(Um(base, NORA, binding, verify).service.IsUMEnabled() is False, "%s: IsUMEnabled for nora" % binding)

    for enabled, graph_status in ((True, "alwaysEnabled"), (False, "disabled"), (True, "alwaysEnabled")):
        check(service.SetOofStatus(status=enabled) is None, "%s: SetOofStatus answers nothing" % binding)
        properties = service.GetUMProperties()
        check(properties.OofStatus is enabled,
              "%s: GetUMProperties.OofStatus %r after SetOofStatus(%r)" % (binding, properties.OofStatus, enabled))
        status = graph_oof_status(base, verify)
        check(status == graph_status, "%s: Graph status %r after SetOofStatus(%r)" % (binding, status, enabled))
    check(properties.MissedCallNotificationEnabled is True, "%s: MissedCallNotificationEnabled" % binding)

    # What went over the wire is what each binding prescribes.
    action = "http://schemas.microsoft.com/exchange/services/2006/messages/SetOofStatus"
    if binding == "UMServiceSoap":
        expected = ("text/xml; charset=utf-8", '"%s"' % action)
    else:  # zeep adds a SOAPAction header to SOAP 1.2 requests too; the action parameter is what counts
        expected = ('application/soap+xml; charset=utf-8; action="%s"' % action, '"%s"' % action)
    check(expected in adele.sent, "%s: SetOofStatus was sent as %r, not %r" % (binding, adele.sent, expected))

    service.SetPlayOnPhoneDialString(dialString="+1 425 555 0100")
    check(service.GetUMProperties().PlayOnPhoneDialString == "+1 425 555 0100", "%s: dial string" % binding)

    expect_fault(lambda: service.SetPlayOnPhoneDialString(dialString="call me maybe"), binding,
                 "InvalidPhoneNumberException", "%s: bad dial string" % binding)
    expect_fault(lambda: Um(base, NORA, binding, verify).service.SetOofStatus(status=True), binding,
                 "UserNotUmEnabledException", "%s: SetOofStatus without UM" % binding)
    expect_fault(lambda: service.PlayOnPhone(entryId="INVALID_ENTRY_ID", DialString="12345"), binding,
                 "InvalidObjectIdException", "%s: PlayOnPhone" % binding)

    check(service.ResetPIN() is None, "%s: ResetPIN answers nothing" % binding)


def outbox_messages(data_dir):
    outbox = os.path.join(data_dir, "outbox")
    return sorted(os.path.join(outbox, name) for name in os.listdir(outbox)) if os.path.isdir(outbox) else []


def run_over_https(workdir, users_file):
    tls_dir = os.path.join(workdir, "tls")
    os.makedirs(tls_dir)
    make_certificates(tls_dir)
    ca_file = os.path.join(tls_dir, "ca.pem")
    gateway = gateway_driver.Gateway(sys.argv[sys.argv.index("--binary") + 1], workdir,
                                     ["--data-dir", os.path.join(workdir, "tls-data"), "--tls-cert",
                                      os.path.join(tls_dir, "server.pem"), "--tls-key",
                                      os.path.join(tls_dir, "server.key")], users_file)
    try:
        check(gateway.scheme == "https", "the TLS gateway serves https")
        base = "https://localhost:%d" % gateway.port
        for binding in BINDINGS:
            client = Um(base, ADELE, binding, ca_file)
            address = client.service._binding_options["address"]
            check(address == "https://127.0.0.1:%d/EWS/UM2007Legacy.asmx" % gateway.port,
                  "%s over https: the WSDL names %r" % (binding, address))
            run_binding(base, binding, ca_file)
            print("ok: %s over https" % binding)
        # Without the test CA zeep refuses the server, as it should.
        try:
            Um(base, ADELE, BINDINGS[0])
            raise AssertionError("zeep trusted a certificate from an unknown CA")
        except requests.exceptions.SSLError:
            pass
    finally:
        gateway.stop()


def run():
    workdir = gateway_driver.scratch_dir("oofgate-zeep-")
    data_dir = os.path.join(workdir, "data")
    users_file = os.path.join(workdir, "users.json")
    with open(users_file, "w") as f:
        json.dump({"users": [ADELE, NORA],
                   "tokens": [{"token": ADELE_TOKEN, "user": ADELE["userPrincipalName"], "kind": "delegated",
                               "scopes": ["MailboxSettings.ReadWrite"]}]}, f)
    gateway = gateway_driver.Gateway(sys.argv[sys.argv.index("--binary") + 1], workdir,
                                     ["--data-dir", data_dir, "--pin-length", "8"], users_file)
    try:
        for binding in BINDINGS:
            run_binding("http://127.0.0.1:%d" % gateway.port, binding)
            print("ok: %s" % binding)
    finally:
        gateway.stop()
    run_over_https(workdir, users_file)

    # One ResetPIN per binding: each left one private message with an 8-digit PIN for adele,
    # and no PIN reached the gateway's log.
    messages = outbox_messages(data_dir)
    check(len(messages) == len(BINDINGS), "outbox holds %r" % messages)
    with open(gateway.log.name, "rb") as f:
        log = f.read().decode("utf-8", "replace")
    for path in messages:
        check(os.path.basename(path).startswith("adele@contoso.com-"), "outbox file %s" % path)
        check(stat.S_IMODE(os.stat(path).st_mode) == 0o600, "%s is not 0600" % path)
        with open(path) as f:
            pin = re.search(r"new PIN is:\s+(\d+)\s", f.read())
        check(pin is not None and len(pin.group(1)) == 8, "%s holds no 8-digit PIN" % path)
        check(pin.group(1) not in log, "the PIN from %s is in the gateway log" % path)
    print("ok: ResetPIN outbox (%d messages)" % len(messages))
    shutil.rmtree(workdir)  # kept when the test fails, for the gateway log


if __name__ == "__main__":
    gateway_driver.main(run)
