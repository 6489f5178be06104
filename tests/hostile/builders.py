"""The users, tokens and request builders the hostile corpus is written with. Every builder returns
the exact bytes sent, so a case row shows (or computes) its whole request."""

import base64
import json

ADELE = {"id": "11111111-1111-4111-8111-111111111111", "userPrincipalName": "adele@contoso.com",
         "displayName": "Adele Vance", "password": "Adele-Pa55", "umEnabled": True}
ALEX = {"id": "22222222-2222-4222-8222-222222222222", "userPrincipalName": "alex@contoso.com",
        "displayName": "Alex Wilber", "password": "Alex-Pa55", "umEnabled": False}
# Carol's mailbox is the throttling victim: only the throttle case reads it with THROTTLED_APP_TOKEN.
CAROL = {"id": "33333333-3333-4333-8333-333333333333", "userPrincipalName": "carol@contoso.com",
         "displayName": "Carol Kim", "password": "Carol-Pa55", "umEnabled": True}
USERS = [ADELE, ALEX, CAROL]

ADELE_TOKEN = "adele-rw"
ADELE_READ_TOKEN = "adele-read"
APP_TOKEN = "app-rw"
THROTTLED_APP_TOKEN = "app-throttled"  # an application of its own, so only that case spends its budget
TOKENS = [
    {"token": ADELE_TOKEN, "user": ADELE["userPrincipalName"], "kind": "delegated",
     "scopes": ["MailboxSettings.ReadWrite"]},
    {"token": ADELE_READ_TOKEN, "user": ADELE["userPrincipalName"], "kind": "delegated",
     "scopes": ["MailboxSettings.Read"]},
    {"token": APP_TOKEN, "kind": "application", "roles": ["MailboxSettings.ReadWrite"]},
    {"token": THROTTLED_APP_TOKEN, "kind": "application", "roles": ["MailboxSettings.Read"]},
]

# The throttle the runner configures (--throttle-requests per --throttle-window): high enough that
# the corpus's own health checks never reach it, low enough that one case can.
THROTTLE_REQUESTS = 600
THROTTLE_WINDOW_SECONDS = 600

SOAP11_NS = "http://schemas.xmlsoap.org/soap/envelope/"
SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope"
MESSAGES_NS = "http://schemas.microsoft.com/exchange/services/2006/messages"
UM_PATH = "/EWS/UM2007Legacy.asmx"
ME_SETTINGS = "/v1.0/me/mailboxSettings"


def users_file_json():
    return json.dumps({"users": USERS, "tokens": TOKENS})


def basic(user, password):
    return "Basic " + base64.b64encode(user + b":" + password).decode("ascii")


BASIC_ADELE = basic(ADELE["userPrincipalName"].encode(), ADELE["password"].encode())


def raw(*lines, body=b""):
    """A request from literal lines (no framing added): `lines` are joined with CRLF and end
    with an empty line; use it when the framing itself is what is being tested."""
    head = b"".join((line.encode("latin-1") if isinstance(line, str) else line) + b"\r\n" for line in lines)
    return head + b"\r\n" + (body.encode("utf-8") if isinstance(body, str) else body)


def request(method, target, headers=(), body=None, version="HTTP/1.1", host=True):
    """A well-framed request: Host first (unless host=False), then `headers`, then Content-Length
    when there is a body."""
    lines = ["%s %s %s" % (method, target, version)]
    if host:
        lines.append("Host: 127.0.0.1")
    lines += ["%s: %s" % (name, value) for name, value in headers]
    if body is None:
        return raw(*lines)
    if isinstance(body, str):
        body = body.encode("utf-8")
    return raw(*lines, "Content-Length: %d" % len(body), body=body)


def graph_get(path=ME_SETTINGS, token=ADELE_TOKEN, headers=(), **kwargs):
    auth = [("Authorization", "Bearer " + token)] if token else []
    return request("GET", path, auth + list(headers), **kwargs)


def graph_patch(body, path=ME_SETTINGS, token=ADELE_TOKEN, content_type="application/json", headers=()):
    return request("PATCH", path, [("Authorization", "Bearer " + token), ("Content-Type", content_type)]
                   + list(headers), body)


def envelope(body_xml, header_xml="", ns=SOAP11_NS, prolog='<?xml version="1.0" encoding="utf-8"?>', after=""):
    header = "<soap:Header>%s</soap:Header>" % header_xml if header_xml else ""
    text = '%s<soap:Envelope xmlns:soap="%s">%s<soap:Body>%s</soap:Body></soap:Envelope>%s' % (
        prolog, ns, header, body_xml, after)
    return text.encode("utf-8")


def operation(name, inner=""):
    if not inner:
        return '<%s xmlns="%s"/>' % (name, MESSAGES_NS)
    return '<%s xmlns="%s">%s</%s>' % (name, MESSAGES_NS, inner, name)


SET_OOF_TRUE = operation("SetOofStatus", "<status>true</status>")
IS_UM_ENABLED = operation("IsUMEnabled")


def soap11(body, auth=BASIC_ADELE, headers=(), path=UM_PATH):
    fields = [("Content-Type", "text/xml; charset=utf-8")] + ([("Authorization", auth)] if auth else [])
    return request("POST", path, fields + list(headers), body)


def soap12(body, auth=BASIC_ADELE, headers=(), path=UM_PATH):
    fields = [("Content-Type", "application/soap+xml; charset=utf-8")] + ([("Authorization", auth)] if auth else [])
    return request("POST", path, fields + list(headers), body)


def nested(depth, opener, closer, inner=""):
    return opener * depth + inner + closer * depth


def chunked(*chunks, trailers=b""):
    """A chunked body from the given chunks, then the last chunk and `trailers` (raw field lines)."""
    out = b""
    for chunk in chunks:
        if isinstance(chunk, str):
            chunk = chunk.encode("utf-8")
        out += b"%x\r\n%s\r\n" % (len(chunk), chunk)
    return out + b"0\r\n" + trailers + b"\r\n"


# ---- EWS (/EWS/Exchange.asmx, SOAP 1.1 only) and Autodiscover (POX) ---------------------------
TYPES_NS = "http://schemas.microsoft.com/exchange/services/2006/types"
ERRORS_NS = "http://schemas.microsoft.com/exchange/services/2006/errors"
EWS_PATH = "/EWS/Exchange.asmx"
AUTODISCOVER_PATH = "/autodiscover/autodiscover.xml"
POX_REQUEST_NS = "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006"
POX_RESPONSE_SCHEMA = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"


def ews_envelope(body_xml, prolog='<?xml version="1.0" encoding="utf-8"?>'):
    """An EWS request as exchangelib writes one: m/t prefixes, RequestServerVersion header block."""
    text = ('%s<s:Envelope xmlns:s="%s" xmlns:m="%s" xmlns:t="%s"><s:Header><t:RequestServerVersion '
            'Version="Exchange2016"/></s:Header><s:Body>%s</s:Body></s:Envelope>'
            % (prolog, SOAP11_NS, MESSAGES_NS, TYPES_NS, body_xml))
    return text.encode("utf-8")


def ews_set_oof(internal_message="Away", state="Enabled"):
    return ('<m:SetUserOofSettingsRequest><t:Mailbox><t:Address>adele@contoso.com</t:Address></t:Mailbox>'
            '<t:UserOofSettings><t:OofState>%s</t:OofState><t:ExternalAudience>All</t:ExternalAudience>'
            '<t:InternalReply><t:Message>%s</t:Message></t:InternalReply></t:UserOofSettings>'
            '</m:SetUserOofSettingsRequest>' % (state, internal_message))


EWS_GET_OOF = ('<m:GetUserOofSettingsRequest><t:Mailbox><t:Address>adele@contoso.com</t:Address></t:Mailbox>'
               '</m:GetUserOofSettingsRequest>')


def ews(body, auth=BASIC_ADELE, headers=(), content_type="text/xml; charset=utf-8"):
    fields = [("Content-Type", content_type)] + ([("Authorization", auth)] if auth else [])
    return request("POST", EWS_PATH, fields + list(headers), body)


def pox_request(address="adele@contoso.com", prolog=""):
    return ('%s<Autodiscover xmlns="%s"><Request><EMailAddress>%s</EMailAddress><AcceptableResponseSchema>%s'
            '</AcceptableResponseSchema></Request></Autodiscover>'
            % (prolog, POX_REQUEST_NS, address, POX_RESPONSE_SCHEMA)).encode("utf-8")


def autodiscover(body, auth=BASIC_ADELE, headers=()):
    fields = [("Content-Type", "text/xml; charset=utf-8")] + ([("Authorization", auth)] if auth else [])
    return request("POST", AUTODISCOVER_PATH, fields + list(headers), body)
