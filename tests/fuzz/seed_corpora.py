#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora (tests/fuzz/<target>_corpus/) from one table of real
requests: the README's curl examples, the conformance and robustness tests' bodies, and
zeep/SDK-shaped requests. Each request becomes a seed of every target that can express it, in
that target's input layout (see the comment at the top of each *_fuzzer.cpp). Rerun after
changing a layout; the fuzzers' own discoveries are not kept here (only findings, in
regressions/). Usage: tests/fuzz/seed_corpora.py"""
import base64
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
MESSAGES = "http://schemas.microsoft.com/exchange/services/2006/messages"
SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"
SOAP12 = "http://www.w3.org/2003/05/soap-envelope"

# (name, method, target, body) for the Graph facade; bodies from tests/rest_facade and the README.
GRAPH = [
    ("get_settings", "GET", "/v1.0/me/mailboxSettings", ""),
    ("get_settings_beta", "GET", "/beta/me/mailboxSettings/automaticRepliesSetting", ""),
    ("get_timezone_app", "GET", "/v1.0/users/alex@contoso.com/mailboxSettings/timeZone", ""),
    ("get_select", "GET", "/v1.0/me/mailboxSettings?%24select=TimeZone,%20language", ""),
    ("get_users_key", "GET", "/v1.0/users('adele@contoso.com')/MailboxSettings", ""),
    ("get_users_escaped", "GET", "/v1.0/users(%27ADELE%40contoso.com%27)/mailboxSettings", ""),
    ("get_user_select", "GET", "/beta/me?$select=id,mailboxSettings", ""),
    ("get_time_zones", "GET", "/v1.0/me/outlook/supportedTimeZones(TimeZoneStandard=microsoft.graph.timeZoneStandard'Iana')", ""),
    ("get_languages", "GET", "/v1.0/me/outlook/supportedLanguages", ""),
    ("get_working_hours", "GET", "/v1.0/users/adele@contoso.com/mailboxSettings/workingHours", ""),
    ("get_bad_percent", "GET", "/v1.0/me/mailboxSettings/%", ""),
    ("patch_readme_scheduled", "PATCH", "/v1.0/me/mailboxSettings",
     '{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#Me/mailboxSettings","automaticRepliesSetting":'
     '{"status":"Scheduled","scheduledStartDateTime":{"dateTime":"2036-03-20T18:00:00.0000000","timeZone":"UTC"},'
     '"scheduledEndDateTime":{"dateTime":"2036-03-28T18:00:00.0000000","timeZone":"UTC"}}}'),
    ("patch_replies", "PATCH", "/v1.0/me/mailboxSettings",
     '{"automaticRepliesSetting":{"status":"alwaysEnabled","externalAudience":"contactsOnly",'
     '"internalReplyMessage":"<html><body>Away \\u00e9t\\u00e9</body></html>","externalReplyMessage":"out"}}'),
    ("patch_replies_segment", "PATCH", "/v1.0/me/mailboxSettings/automaticRepliesSetting",
     '{"status":"disabled","externalAudience":"all"}'),
    ("patch_time_zone", "PATCH", "/v1.0/me/mailboxSettings", '{"timeZone":"W. Europe Standard Time"}'),
    ("patch_iana_zone", "PATCH", "/v1.0/me/mailboxSettings", '{"timeZone":"America/Los_Angeles"}'),
    ("patch_language", "PATCH", "/v1.0/me/mailboxSettings", '{"language":{"locale":"zh-Hans-CN"}}'),
    ("patch_formats", "PATCH", "/v1.0/me/mailboxSettings",
     '{"dateFormat":"dd/MM/yyyy","timeFormat":"HH:mm","delegateMeetingMessageDeliveryOptions":"sendToDelegateAndPrincipal"}'),
    ("patch_working_hours", "PATCH", "/v1.0/me/mailboxSettings",
     '{"workingHours":{"daysOfWeek":["monday","tuesday","Friday"],"startTime":"08:00:00.0000000",'
     '"endTime":"17:30:00.0000000","timeZone":{"name":"Pacific Standard Time"}}}'),
    ("patch_custom_zone", "PATCH", "/v1.0/me/mailboxSettings",
     '{"workingHours":{"timeZone":{"@odata.type":"#microsoft.graph.customTimeZone","bias":-300,'
     '"name":"Customized Time Zone","standardOffset":{"time":"02:00:00","dayOccurrence":1,"dayOfWeek":"sunday",'
     '"month":11,"year":0},"daylightOffset":{"daylightBias":-60,"time":"02:00:00","dayOccurrence":2,'
     '"dayOfWeek":"sunday","month":3,"year":0}}}}'),
    ("patch_app_other_user", "PATCH", "/v1.0/users/alex@contoso.com/mailboxSettings/automaticRepliesSetting",
     '{"status":"scheduled","scheduledStartDateTime":{"dateTime":"2030-03-01T09:00:00.0000000",'
     '"timeZone":"Tokyo Standard Time"},"scheduledEndDateTime":{"dateTime":"2030-03-02T17:00:00.0000000",'
     '"timeZone":"Asia/Tokyo"}}'),
    ("patch_bad_date", "PATCH", "/v1.0/me/mailboxSettings",
     '{"automaticRepliesSetting":{"scheduledStartDateTime":{"dateTime":"2030-02-30T00:00:00","timeZone":"UTC"}}}'),
    ("patch_duplicate_member", "PATCH", "/v1.0/me/mailboxSettings", '{"timeZone":"UTC","TimeZone":"UTC"}'),
    ("patch_trailing_bytes", "PATCH", "/v1.0/me/mailboxSettings", '{"timeZone":"UTC"} x'),
    ("patch_surrogate", "PATCH", "/v1.0/me/mailboxSettings",
     '{"automaticRepliesSetting":{"internalReplyMessage":"\\ud83d\\ude00 \\ud800"}}'),
    ("patch_deep", "PATCH", "/v1.0/me/mailboxSettings", '{"workingHours":' + "[" * 40 + "]" * 40 + "}"),
    ("post_not_allowed", "POST", "/v1.0/me/mailboxSettings", '{"timeZone":"UTC"}'),
]

# (name, soap 1.2?, SOAPAction operation or None, Body content) for the UM facade; from the
# README, tests/soap_facade and the zeep client test.
SOAP = [
    ("set_oof_status", False, "SetOofStatus", "<SetOofStatus xmlns=\"%s\"><status>true</status></SetOofStatus>"),
    ("set_oof_status_12", True, None, "<m:SetOofStatus><m:status>false</m:status></m:SetOofStatus>"),
    ("is_um_enabled", False, "IsUMEnabled", "<IsUMEnabled xmlns=\"%s\" />"),
    ("get_um_properties_12", True, None, "<GetUMProperties xmlns=\"%s\" />"),
    ("missed_call", False, None,
     "<SetMissedCallNotificationEnabled xmlns=\"%s\"><status>1</status></SetMissedCallNotificationEnabled>"),
    ("dial_string", False, None,
     "<SetPlayOnPhoneDialString xmlns=\"%s\"><dialString>+1 (425) 555-0100</dialString></SetPlayOnPhoneDialString>"),
    ("folder_email", True, None,
     "<SetTelephoneAccessFolderEmail xmlns=\"%s\"><base64FolderID>QUJDRA==</base64FolderID>"
     "</SetTelephoneAccessFolderEmail>"),
    ("reset_pin", False, "ResetPIN", "<ResetPIN xmlns=\"%s\" />"),
    ("play_on_phone", False, None,
     "<PlayOnPhone xmlns=\"%s\"><entryId>AAMkAGI=</entryId><dialString>12345</dialString></PlayOnPhone>"),
    ("play_greeting", True, None,
     "<PlayOnPhoneGreeting xmlns=\"%s\"><greetingType>OofCustom</greetingType><dialString>12345</dialString>"
     "</PlayOnPhoneGreeting>"),
    ("call_info", False, None, "<GetCallInfo xmlns=\"%s\"><callId>abc</callId></GetCallInfo>"),
    ("disconnect", True, None, "<Disconnect xmlns=\"%s\"><callId>abc</callId></Disconnect>"),
    ("unknown_operation", False, None, "<Frobnicate xmlns=\"%s\" />"),
]
SOAP_ENVELOPE_ONLY = [
    # Whole envelopes whose interesting part is outside the Body content.
    ("must_understand", False,
     '<soap:Envelope xmlns:soap="%s"><soap:Header><x:Foo xmlns:x="urn:x" soap:mustUnderstand="1"/></soap:Header>'
     '<soap:Body><IsUMEnabled xmlns="%s"/></soap:Body></soap:Envelope>' % (SOAP11, MESSAGES)),
    ("time_zone_header_12", True,
     '<soap:Envelope xmlns:soap="%s"><soap:Header><t:TimeZoneContext xmlns:t="http://schemas.microsoft.com/exchange/'
     'services/2006/types"/></soap:Header><soap:Body><m:ResetPIN xmlns:m="%s"/></soap:Body></soap:Envelope>'
     % (SOAP12, MESSAGES)),
    ("doctype", False, '<!DOCTYPE x [<!ENTITY a "b">]><soap:Envelope xmlns:soap="%s"><soap:Body/></soap:Envelope>' % SOAP11),
    ("two_operations", False,
     '<soap:Envelope xmlns:soap="%s"><soap:Body><IsUMEnabled xmlns="%s"/><GetUMProperties xmlns="%s"/></soap:Body>'
     '</soap:Envelope>' % (SOAP11, MESSAGES, MESSAGES)),
    ("content_after_root", False,
     '<soap:Envelope xmlns:soap="%s"><soap:Body><IsUMEnabled xmlns="%s"/></soap:Body></soap:Envelope><x/>'
     % (SOAP11, MESSAGES)),
    ("duplicate_attribute", False,
     '<soap:Envelope xmlns:soap="%s" a="1" a="2"><soap:Body><IsUMEnabled xmlns="%s"/></soap:Body></soap:Envelope>'
     % (SOAP11, MESSAGES)),
    ("wrong_version_namespace", True,
     '<soap:Envelope xmlns:soap="%s"><soap:Body><IsUMEnabled xmlns="%s"/></soap:Body></soap:Envelope>'
     % (SOAP11, MESSAGES)),
    ("truncated", False,
     '<soap:Envelope xmlns:soap="%s"><soap:Body><SetOofStatus xmlns="%s"><status>maybe' % (SOAP11, MESSAGES)),
]

ADELE_BASIC = base64.b64encode(b"adele@contoso.com:Adele-Pa55").decode()


def envelope(soap12, content):
    namespace = SOAP12 if soap12 else SOAP11
    return ('<?xml version="1.0" encoding="utf-8"?>\n<soap:Envelope xmlns:soap="%s" xmlns:m="%s">\n'
            "  <soap:Body>%s</soap:Body>\n</soap:Envelope>" % (namespace, MESSAGES, content))


def write(target, name, data):
    folder = HERE / (target + "_corpus")
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(data)


def http_request(method, target, headers, body):
    head = "%s %s HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n" % (method, target)
    head += "".join("%s: %s\r\n" % header for header in headers)
    if body or method in ("POST", "PATCH", "PUT"):
        head += "Content-Length: %d\r\n" % len(body.encode())
    return (head + "\r\n").encode() + body.encode()


def chunked(method, target, headers, body, trailer=""):
    head = "%s %s HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nTransfer-Encoding: chunked\r\n" % (method, target)
    head += "".join("%s: %s\r\n" % header for header in headers)
    data = body.encode()
    middle = len(data) // 2
    chunks = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (data[:middle], data[middle:]) if part)
    return (head + "\r\n").encode() + chunks + b"0\r\n" + trailer.encode() + b"\r\n"


def graph_seeds():
    methods = {"GET": 0, "PATCH": 1, "POST": 3}
    for name, method, target, body in GRAPH:
        # graph_request: byte 0 = method | caller << 3 (0: adele-rw; 1: app-rw for users/... targets).
        caller = 1 if "/users" in target else 0
        write("graph_request", name, bytes([methods[method] | caller << 3]) + (target + "\n" + body).encode())
        headers = [("Authorization", "Bearer adele-rw" if caller == 0 else "Bearer app-rw")]
        if body:
            headers.append(("Content-Type", "application/json"))
        # http_request: byte 0 = 0 (credentials as sent, one read).
        write("http_request", "graph_" + name, b"\x00" + http_request(method, target, headers, body))
    write("graph_request", "client_request_id",
          bytes([0x80]) + b"/v1.0/me/mailboxSettings\nfuzz-client-\xc3\xa9\n")
    write("graph_request", "app_on_me", bytes([1 << 3]) + b"/v1.0/me/mailboxSettings\n")
    write("graph_request", "no_content_type_patch", bytes([1 | 64]) + b"/v1.0/me/mailboxSettings\n{}")


def soap_seeds():
    for name, soap12, action, content in SOAP:
        content = content.replace("%s", MESSAGES)
        body = envelope(soap12, content)
        # soap_envelope: bit 0 SOAP 1.2, bit 1 action, bit 4 wrapped Body content.
        variant = (1 if soap12 else 0) | (2 if action == "SetOofStatus" else 0)
        write("soap_envelope", name, bytes([variant]) + body.encode())
        write("soap_envelope", name + "_wrapped", bytes([variant | 16]) + content.encode())
        if soap12:
            content_type = 'application/soap+xml; charset=utf-8; action="%s/%s"' % (MESSAGES, action or "x")
            headers = [("Content-Type", content_type)]
        else:
            headers = [("Content-Type", "text/xml; charset=utf-8")]
            if action:
                headers.append(("SOAPAction", '"%s/%s"' % (MESSAGES, action)))
        headers.append(("Authorization", "Basic " + ADELE_BASIC))
        write("http_request", "soap_" + name,
              b"\x00" + http_request("POST", "/EWS/UM2007Legacy.asmx", headers, body))
    for name, soap12, body in SOAP_ENVELOPE_ONLY:
        write("soap_envelope", name, bytes([1 if soap12 else 0]) + body.encode())


def http_seeds():
    bearer = [("Authorization", "Bearer adele-rw")]
    json = [("Content-Type", "application/json")]
    get = http_request("GET", "/v1.0/me/mailboxSettings", bearer, "")
    patch = http_request("PATCH", "/v1.0/me/mailboxSettings", bearer + json, '{"timeZone":"UTC"}')
    seeds = {
        "pipelined": get + patch + get,
        "chunked_patch": chunked("PATCH", "/v1.0/me/mailboxSettings", bearer + json,
                                 '{"automaticRepliesSetting":{"status":"alwaysEnabled"}}'),
        "chunked_trailer": chunked("PATCH", "/v1.0/me/mailboxSettings", bearer + json, '{"timeZone":"UTC"}',
                                   "X-Trailer: 1\r\n"),
        "wsdl": http_request("GET", "/EWS/UM2007Legacy.asmx?wsdl", [], ""),
        "wsdl_upper": http_request("GET", "/UNIFIEDMESSAGING/SERVICE.ASMX?WSDL", [], ""),
        "not_found": http_request("GET", "/", [], ""),
        "unsupported_media": http_request("POST", "/upload", [("Content-Type", "image/png")], "x"),
        "graph_path_other_media": http_request("PATCH", "/v1.0/me/mailboxSettings", bearer + [("Content-Type", "text/plain")], "x"),
        "http10": b"GET /v1.0/me/mailboxSettings HTTP/1.0\r\nAuthorization: Bearer adele-rw\r\n\r\n",
        "close": http_request("GET", "/beta/me", bearer + [("Connection", "close")], "") + get,
        "expect_continue": http_request("PATCH", "/v1.0/me/mailboxSettings", bearer + json + [("Expect", "100-continue")], "{}"),
        "two_hosts": b"GET /v1.0/me HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
        "no_host": b"GET /v1.0/me HTTP/1.1\r\n\r\n",
        "te_gzip": b"POST /v1.0/me/mailboxSettings HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n" + get,
        "te_and_length": b"POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n",
        "two_lengths": b"POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
        "bearer_respelled": http_request("GET", "/v1.0/me/mailboxSettings", [("Authorization", "bearer  adele-rw")], ""),
        "basic_on_graph": http_request("GET", "/v1.0/me/mailboxSettings", [("Authorization", "Basic " + ADELE_BASIC)], ""),
        "basic_nul_password": http_request(
            "GET", "/v1.0/me", [("Authorization", "Basic " + base64.b64encode(b"adele@contoso.com:Adele-Pa55\0").decode())], ""),
    }
    seeds.update(ews_seeds())
    for name, data in seeds.items():
        write("http_request", name, b"\x00" + data)
    # The same request in one-byte and in MSS-sized reads, with the credentials chosen by byte 0.
    write("http_request", "segmented_1", bytes([1 << 3 | 1]) + http_request("GET", "/v1.0/me/mailboxSettings", [], ""))
    write("http_request", "segmented_1460", bytes([6 << 3 | 4]) + patch)


def ews_seeds():
    """EWS at /EWS/Exchange.asmx as exchangelib writes it, its WSDL paths, and Autodiscover POX."""
    types = "http://schemas.microsoft.com/exchange/services/2006/types"
    envelope_text = ('<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="%s" xmlns:m="%s" xmlns:t="%s">'
                     '<s:Header><t:RequestServerVersion Version="Exchange2016"/></s:Header><s:Body>%%s</s:Body>'
                     '</s:Envelope>' % (SOAP11, MESSAGES, types))
    mailbox = "<t:Mailbox><t:Address>adele@contoso.com</t:Address></t:Mailbox>"
    get = "<m:GetUserOofSettingsRequest>%s</m:GetUserOofSettingsRequest>" % mailbox
    set_scheduled = ("<m:SetUserOofSettingsRequest>%s<t:UserOofSettings><t:OofState>Scheduled</t:OofState>"
                     "<t:ExternalAudience>Known</t:ExternalAudience><t:Duration><t:StartTime>2036-03-20T18:00:00Z"
                     "</t:StartTime><t:EndTime>2036-03-28T18:00:00+01:00</t:EndTime></t:Duration><t:InternalReply>"
                     "<t:Message>Away</t:Message></t:InternalReply><t:ExternalReply><t:Message>Out</t:Message>"
                     "</t:ExternalReply></t:UserOofSettings></m:SetUserOofSettingsRequest>" % mailbox)
    xml = [("Content-Type", "text/xml; charset=utf-8"), ("Authorization", "Basic " + ADELE_BASIC)]
    pox = ('<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">'
           '<Request><EMailAddress>adele@contoso.com</EMailAddress><AcceptableResponseSchema>'
           'http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a'
           '</AcceptableResponseSchema></Request></Autodiscover>')
    return {
        "ews_get_oof": http_request("POST", "/EWS/Exchange.asmx", xml, envelope_text % get),
        "ews_set_oof_scheduled": http_request("POST", "/ews/exchange.asmx", xml, envelope_text % set_scheduled),
        "ews_convert_id_probe": http_request("POST", "/EWS/Exchange.asmx", xml, envelope_text % (
            '<m:ConvertId DestinationFormat="EwsId"><m:SourceIds><t:AlternateId Format="EwsId" Id="x" '
            'Mailbox="adele@contoso.com"/></m:SourceIds></m:ConvertId>')),
        "ews_soap12": http_request("POST", "/EWS/Exchange.asmx", [
            ("Content-Type", "application/soap+xml; charset=utf-8"), ("Authorization", "Basic " + ADELE_BASIC)],
            (envelope_text % get).replace(SOAP11, SOAP12)),
        "ews_wsdl": http_request("GET", "/EWS/Services.wsdl", [], ""),
        "ews_wsdl_query": http_request("GET", "/EWS/Exchange.asmx?wsdl", [], ""),
        "autodiscover_pox": http_request("POST", "/autodiscover/autodiscover.xml", xml, pox),
    }


def regression_seeds():
    """Inputs that broke a promise on the day they were written (issue 10), kept in
    regressions/<target>/ so every replay checks them; the fuzzers find more of these."""
    folder = HERE / "regressions"
    cases = {
        # A lone low surrogate is stored and served back as the bytes ED B0 80 (not UTF-8).
        ("graph_request", "lone_low_surrogate"):
            b"\x01/v1.0/me/mailboxSettings\n"
            b'{"automaticRepliesSetting":{"internalReplyMessage":"x\\udc00"}}',
        # The percent-decoded user id is echoed raw into the error message (byte FF).
        ("graph_request", "percent_decoded_user_id"): b"\x00/v1.0/users/%ff/mailboxSettings\n",
        # A body-less GET to a Graph path carrying Content-Type: text/xml is answered with a SOAP
        # fault; a request without a body is routed by its path.
        ("http_request", "get_graph_path_text_xml"):
            b"\x00" + http_request("GET", "/v1.0/me/mailboxSettings",
                                    [("Authorization", "Bearer adele-rw"), ("Content-Type", "text/xml")], ""),
        # A 64 KiB trailer field makes Beast's field container throw std::length_error; the
        # session's catch-all must answer and close (the target tolerates only that exception).
        ("http_request", "trailer_field_64k"):
            b"\x00" + chunked("POST", "/v1.0/me/mailboxSettings", [("Content-Type", "application/json")], "{}",
                               "X-Big: " + "a" * 65536 + "\r\n"),
    }
    for (target, name), data in cases.items():
        (folder / target).mkdir(parents=True, exist_ok=True)
        (folder / target / name).write_bytes(data)


graph_seeds()
soap_seeds()
http_seeds()
regression_seeds()
