"""One automatic-replies state seen alike by all three facades of the real gateway: the mailbox
walks disabled -> alwaysEnabled -> scheduled -> disabled, each step set through a different
facade (UM SetOofStatus, EWS SetUserOofSettings, Graph PATCH, then EWS again and UM again), and
after every step UM GetUMProperties, EWS GetUserOofSettings and Graph GET must agree. The EWS
WSDL is also loaded with zeep, which must find both operations at the served address."""

import base64
import datetime
import json
import os
import shutil
import sys
import xml.etree.ElementTree as ElementTree

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "durability"))
import gateway_driver  # noqa: E402  (start on port 0, stop by pid)

ADELE = {"id": "87d349ed-44d7-43e1-9a83-5f2406dee5bd", "userPrincipalName": "adele@contoso.com",
         "displayName": "Adele Vance", "password": "Adele-Pa55", "umEnabled": True}
ADELE_TOKEN = "transitions-adele-token"
M = "http://schemas.microsoft.com/exchange/services/2006/messages"
T = "http://schemas.microsoft.com/exchange/services/2006/types"
ENVELOPE = ('<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:m="%s" xmlns:t="%s">'
            '<s:Header><t:RequestServerVersion Version="Exchange2016"/></s:Header><s:Body>%%s</s:Body></s:Envelope>'
            % (M, T))
GRAPH_STATE = {"Disabled": "disabled", "Enabled": "alwaysEnabled", "Scheduled": "scheduled"}


def check(condition, message):
    if not condition:
        raise AssertionError(message)


class Facades:
    def __init__(self, port):
        self.client = gateway_driver.Client(port)
        self.basic = "Basic " + base64.b64encode(
            ("%s:%s" % (ADELE["userPrincipalName"], ADELE["password"])).encode()).decode()

    def ews(self, operation):
        status, body = self.client.request("POST", "/EWS/Exchange.asmx",
                                           {"Authorization": self.basic, "Content-Type": "text/xml; charset=utf-8"},
                                           (ENVELOPE % operation).encode())
        check(status == 200, "EWS %d %s" % (status, body))
        root = ElementTree.fromstring(body)
        check(root.find(".//{%s}ServerVersionInfo" % T) is not None, "EWS response without ServerVersionInfo")
        code = root.find(".//{%s}ResponseMessage/{%s}ResponseCode" % (M, M))
        check(code is not None and code.text == "NoError", "EWS answered %s" % body)
        return root

    def ews_set(self, settings):
        self.ews("<m:SetUserOofSettingsRequest><t:Mailbox><t:Address>%s</t:Address></t:Mailbox>"
                 "<t:UserOofSettings>%s</t:UserOofSettings></m:SetUserOofSettingsRequest>"
                 % (ADELE["userPrincipalName"], settings))

    def ews_get(self):
        root = self.ews("<m:GetUserOofSettingsRequest><t:Mailbox><t:Address>%s</t:Address></t:Mailbox>"
                        "</m:GetUserOofSettingsRequest>" % ADELE["userPrincipalName"])
        oof = root.find(".//{%s}OofSettings" % T)
        return {"state": oof.findtext("{%s}OofState" % T),
                "start": oof.findtext("{%s}Duration/{%s}StartTime" % (T, T)),
                "end": oof.findtext("{%s}Duration/{%s}EndTime" % (T, T)),
                "internal": oof.findtext("{%s}InternalReply/{%s}Message" % (T, T)) or ""}

    def graph_get(self):
        status, body = self.client.request("GET", "/v1.0/me/mailboxSettings/automaticRepliesSetting",
                                           {"Authorization": "Bearer " + ADELE_TOKEN})
        check(status == 200, "Graph GET %d %s" % (status, body))
        return json.loads(body)

    def graph_patch(self, replies):
        status, body = self.client.request("PATCH", "/v1.0/me/mailboxSettings",
                                           {"Authorization": "Bearer " + ADELE_TOKEN,
                                            "Content-Type": "application/json"},
                                           json.dumps({"automaticRepliesSetting": replies}))
        check(status == 200, "Graph PATCH %d %s" % (status, body))

    def um_set(self, enabled):
        status, body = self.client.set_oof_status(ADELE, enabled)
        check(status == 200, "UM SetOofStatus %d %s" % (status, body))

    def um_get(self):
        return self.client.get_oof_status(ADELE)


def expect_agreement(facades, state, um_on, window=None, internal=None, step=""):
    ews = facades.ews_get()
    graph = facades.graph_get()
    check(ews["state"] == state, "%s: EWS state %r, expected %r" % (step, ews["state"], state))
    check(graph["status"] == GRAPH_STATE[state], "%s: Graph status %r, expected %r"
          % (step, graph["status"], GRAPH_STATE[state]))
    check(facades.um_get() == um_on, "%s: UM OofStatus, expected %r" % (step, um_on))
    if window is not None:
        start, end = window
        check((ews["start"], ews["end"]) == (start.strftime("%Y-%m-%dT%H:%M:%SZ"), end.strftime("%Y-%m-%dT%H:%M:%SZ")),
              "%s: EWS window %r" % (step, ews))
        for key, instant in (("scheduledStartDateTime", start), ("scheduledEndDateTime", end)):
            check(graph[key] == {"dateTime": instant.strftime("%Y-%m-%dT%H:%M:%S.0000000"), "timeZone": "UTC"},
                  "%s: Graph %s %r" % (step, key, graph[key]))
    if internal is not None:
        check(ews["internal"] == internal and graph["internalReplyMessage"] == internal,
              "%s: messages EWS %r, Graph %r, expected %r" % (step, ews["internal"], graph["internalReplyMessage"],
                                                             internal))


def walk(port):
    facades = Facades(port)
    try:
        expect_agreement(facades, "Disabled", False, step="fresh")
        facades.um_set(True)
        expect_agreement(facades, "Enabled", True, step="UM SetOofStatus(true)")

        now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
        # A window open now: UM sees it on; one in the future: UM sees it off.
        open_window = (now - datetime.timedelta(hours=1), now + datetime.timedelta(days=2))
        facades.ews_set("<t:OofState>Scheduled</t:OofState><t:ExternalAudience>Known</t:ExternalAudience>"
                        "<t:Duration><t:StartTime>%s</t:StartTime><t:EndTime>%s</t:EndTime></t:Duration>"
                        "<t:InternalReply><t:Message>set by EWS</t:Message></t:InternalReply>"
                        % tuple(w.strftime("%Y-%m-%dT%H:%M:%SZ") for w in open_window))
        expect_agreement(facades, "Scheduled", True, open_window, "set by EWS", step="EWS Scheduled (open)")

        future = (now + datetime.timedelta(days=3), now + datetime.timedelta(days=5))
        facades.graph_patch({"status": "scheduled", "internalReplyMessage": "set by Graph",
                             "scheduledStartDateTime": {"dateTime": future[0].strftime("%Y-%m-%dT%H:%M:%S"),
                                                        "timeZone": "UTC"},
                             "scheduledEndDateTime": {"dateTime": future[1].strftime("%Y-%m-%dT%H:%M:%S"),
                                                      "timeZone": "UTC"}})
        expect_agreement(facades, "Scheduled", False, future, "set by Graph", step="Graph scheduled (future)")

        facades.ews_set("<t:OofState>Disabled</t:OofState><t:ExternalAudience>All</t:ExternalAudience>")
        expect_agreement(facades, "Disabled", False, future, "set by Graph", step="EWS Disabled")

        facades.graph_patch({"status": "alwaysEnabled"})
        expect_agreement(facades, "Enabled", True, internal="set by Graph", step="Graph alwaysEnabled")

        facades.um_set(False)
        expect_agreement(facades, "Disabled", False, internal="set by Graph", step="UM SetOofStatus(false)")
    finally:
        facades.client.close()


def zeep_loads_wsdl(port):
    import requests
    import zeep
    session = requests.Session()
    session.auth = requests.auth.HTTPBasicAuth(ADELE["userPrincipalName"], ADELE["password"])
    for url in ("http://127.0.0.1:%d/EWS/Services.wsdl" % port, "http://127.0.0.1:%d/EWS/Exchange.asmx?wsdl" % port):
        client = zeep.Client(url, transport=zeep.Transport(session=session, timeout=10))
        service = client.bind("ExchangeServices", "ExchangeServicePort")
        check(service._binding_options["address"] == "http://127.0.0.1:%d/EWS/Exchange.asmx" % port,
              "WSDL address %r" % service._binding_options)
        result = service.GetUserOofSettings(Mailbox={"Address": ADELE["userPrincipalName"]},
                                            _soapheaders={"RequestVersion": {"Version": "Exchange2016"}})
        check(result.body.ResponseMessage.ResponseCode == "NoError", "zeep Get: %r" % result)
        check(result.body.OofSettings.OofState == "Disabled", "zeep Get state: %r" % result.body.OofSettings)
        check(result.header.ServerVersion.MajorVersion == 15, "zeep header: %r" % result.header)


def run():
    binary = sys.argv[sys.argv.index("--binary") + 1]
    workdir = gateway_driver.scratch_dir("oofgate-transitions-")
    users = os.path.join(workdir, "users.json")
    with open(users, "w") as out:
        json.dump({"users": [ADELE],
                   "tokens": [{"token": ADELE_TOKEN, "user": ADELE["userPrincipalName"], "kind": "delegated",
                               "scopes": ["MailboxSettings.ReadWrite"]}]}, out)
    gateway = gateway_driver.Gateway(binary, workdir, ["--data-dir", os.path.join(workdir, "data")], users)
    try:
        zeep_loads_wsdl(gateway.port)
        walk(gateway.port)
    finally:
        gateway.stop()
    shutil.rmtree(workdir, ignore_errors=True)
    print("PASSED: UM, EWS and Graph agree on every automatic-replies state; zeep loads the EWS WSDL")


if __name__ == "__main__":
    gateway_driver.main(run)
