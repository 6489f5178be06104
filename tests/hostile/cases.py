"""The hostile corpus: one row per case. Each row gives the exact request bytes (or a generator for
big ones) and the answer the hardened server must give, per /work/prompts/conventions.md and
issue 10: status, protocol of the answer, Graph `error.code` / SOAP fault code and ExceptionType,
the message where it is fixed, and the connection's fate. Rows whose behaviour cannot be written
as one request and one answer name a scenario from scenarios.py instead.

To change an expectation, edit its row. `message=None` means "any message" (the conventions fix
the code but not the wording); every other field is asserted exactly."""

from dataclasses import dataclass
from typing import Callable, Optional, Tuple, Union

import scenarios
from builders import (ADELE, ADELE_READ_TOKEN, ADELE_TOKEN, ALEX, APP_TOKEN, BASIC_ADELE, IS_UM_ENABLED,
                      ME_SETTINGS, MESSAGES_NS, SET_OOF_TRUE, SOAP12_NS, UM_PATH, basic, chunked, envelope,
                      graph_get, graph_patch, nested, operation, raw, request, soap11, soap12)
from builders import SOAP11_NS, EWS_GET_OOF, autodiscover, ews, ews_envelope, ews_set_oof, pox_request


@dataclass
class Expect:
    status: int
    # Who answers: "graph" (error JSON or a Graph document), "soap11", "soap12", "plain" text, or a
    # tuple of those where the conventions allow either (framing errors found before the head is known).
    protocol: Union[str, Tuple[str, ...]]
    code: Optional[str] = None  # Graph error.code, or the SOAP fault code (soap:Client, soap:Sender ...)
    exception: Optional[str] = None  # SOAP detail/ExceptionType
    message: Optional[str] = None  # exact Graph message / SOAP faultstring or Reason / plain text
    fate: str = "open"  # "open": the same connection then serves a normal request; "closed"
    within: float = 2.0  # seconds from the last byte sent to the whole answer
    same_as: Optional[str] = None  # a 200 whose body must equal this mailbox's snapshot (Graph)
    headers: Tuple[Tuple[str, str], ...] = ()  # response fields that must be present with this value


@dataclass
class Case:
    name: str
    group: str
    send: Union[bytes, Callable[[], bytes], None] = None
    expect: Optional[Expect] = None
    scenario: Optional[Callable] = None  # scenarios.py: fn(ctx) -> list of failure strings
    why: str = ""


# Short-hands for the answers used most.
def graph_error(status, code, message=None, fate="open", **kwargs):
    return Expect(status, "graph", code, message=message, fate=fate, **kwargs)


def framing_400(route):
    """RFC 9112 framing error: 400 and close, in the route's protocol or, where the parser fails
    before the head is known, plain text."""
    code = {"graph": "BadRequest", "soap11": "soap:Client", "soap12": "soap:Sender"}.get(route)
    return Expect(400, (route, "plain") if route != "plain" else "plain", code, fate="closed")


def soap_client_fault(exception, message=None, fate="open", within=2.0):
    return Expect(500, "soap11", "soap:Client", exception, message, fate, within)


def soap_sender_fault(exception, message=None, fate="open"):
    return Expect(400, "soap12", "soap:Sender", exception, message, fate)


UNREADABLE_JSON = ("Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of "
                   "valid JSON format.")
ACCESS_TOKEN_EMPTY = "Access token is empty."
TOKEN_PARSE_FAILED = "CompactToken parsing failed with error code: 80049217"
INVALID_TIME_ZONE = "Time Zone settings provided are invalid."
NOT_FOUND_TEXT = ("Not found. oofgate serves the Microsoft Graph API under /v1.0 and /beta and the Exchange UM web "
                  "service at /UnifiedMessaging/Service.asmx and /EWS/UM2007Legacy.asmx.")
AUTH_REQUIRED = "Authentication is required: send HTTP Basic credentials or a bearer token."
KiB = 1024
MiB = 1024 * 1024
BODY_LIMIT = 1 * MiB  # the runner leaves --body-limit at its default


def reply_message(text):
    return '{"automaticRepliesSetting":{"internalReplyMessage":"%s"}}' % text


def reply_message_bytes(raw_bytes):
    return b'{"automaticRepliesSetting":{"internalReplyMessage":"' + raw_bytes + b'"}}'


def scheduled(start, end="2036-01-01T00:00:00", zone="UTC"):
    return ('{"automaticRepliesSetting":{"status":"scheduled","scheduledStartDateTime":{"dateTime":"%s",'
            '"timeZone":"%s"},"scheduledEndDateTime":{"dateTime":"%s","timeZone":"UTC"}}}' % (start, zone, end))


def literal_error(literal):
    return graph_error(400, "RequestBodyRead",
                       "Cannot convert the literal '%s' to the expected type 'Edm.DateTimeOffset'." % literal)


def basic_refused(name, authorization):
    """A UM read with these Basic credentials: refused with 401 and an AccessDeniedException fault."""
    return Case(name, "auth", soap11(envelope(IS_UM_ENABLED), auth=authorization),
                Expect(401, "soap11", "soap:Client", "AccessDeniedException"))


def ews_fault(status, code, response_code, message=None, fate="open"):
    """An EWS SOAP 1.1 fault (detail/e:ResponseCode, t:ServerVersionInfo header)."""
    return Expect(status, "ews", code, response_code, message, fate)


def ews_schema_fault(fate="open"):
    return ews_fault(500, "soap:Client", "ErrorSchemaValidation", fate=fate)


INVALID_POX_REQUEST = Expect(200, "pox", "600", message="Invalid Request")
# Billion laughs: nine levels of ten references each over ten characters, 10^10 if ever expanded.
LAUGHS = ('<!ENTITY a "aaaaaaaaaa">'
          + "".join('<!ENTITY %s "%s">' % (chr(ord("b") + i), ("&%s;" % chr(ord("a") + i)) * 10) for i in range(9)))


def batch_of_patches(count, body_bytes):
    """A JSON $batch of `count` PATCHes of Adele's settings, each body a `body_bytes`-character reply."""
    item = ('{"id":"%d","method":"PATCH","url":"/me/mailboxSettings","headers":{"Content-Type":"application/json"},'
            '"body":{"automaticRepliesSetting":{"internalReplyMessage":"%s"}}}')
    requests = ",".join(item % (i, "r" * body_bytes) for i in range(1, count + 1))
    return request("POST", "/v1.0/$batch", [("Authorization", "Bearer adele-rw"), ("Content-Type", "application/json")],
                   '{"requests":[%s]}' % requests)


def preflight(request_headers):
    return request("OPTIONS", ME_SETTINGS, [("Origin", "https://app.example"),
                                            ("Access-Control-Request-Method", "PATCH"),
                                            ("Access-Control-Request-Headers", request_headers)])


def many_attributes(count):
    attributes = " ".join('p:a%d="1"' % i for i in range(count))
    return envelope(IS_UM_ENABLED, '<h:Block xmlns:h="urn:h" xmlns:p="urn:p" %s/>' % attributes)


def trailer_fields(count, value_size):
    return b"".join(b"X-T%d: %s\r\n" % (i, b"v" * value_size) for i in range(count))


def chunked_patch(trailers=b"", chunk_lines=None, path=ME_SETTINGS, content_type="application/json"):
    body = chunk_lines if chunk_lines is not None else chunked('{"x":1}', trailers=trailers)
    return raw("PATCH %s HTTP/1.1" % path, "Host: 127.0.0.1", "Authorization: Bearer adele-rw",
               "Content-Type: %s" % content_type, "Transfer-Encoding: chunked", body=body)


def chunked_soap(trailers):
    return raw("POST %s HTTP/1.1" % UM_PATH, "Host: 127.0.0.1", "Authorization: " + BASIC_ADELE,
               "Content-Type: text/xml; charset=utf-8", "Transfer-Encoding: chunked",
               body=chunked(envelope(IS_UM_ENABLED), trailers=trailers))


def patch_head(*framing, path=ME_SETTINGS):
    """A Graph PATCH head with the given framing fields (no body framing of its own)."""
    return ("PATCH %s HTTP/1.1" % path, "Host: 127.0.0.1", "Authorization: Bearer adele-rw",
            "Content-Type: application/json") + framing


# A body that is also a complete request: if the server frames the first message wrongly, this
# one is served as a second request (request smuggling) and a second answer appears.
SMUGGLED = b"GET /v1.0/me/mailboxSettings HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer adele-rw\r\n\r\n"
UNKNOWN_PROPERTY_X = ("The property 'x' does not exist on type 'microsoft.graph.mailboxSettings'. Make sure to only "
                      "use property names that are defined by the type or mark the type as open type.")

CASES = [
    # ---- HTTP framing (RFC 9112) -------------------------------------------------------------
    Case("te_gzip_body_not_served_as_request", "framing",
         raw(*patch_head("Transfer-Encoding: gzip"), body=SMUGGLED), framing_400("graph"),
         why="a Transfer-Encoding other than chunked was ignored and the body served as a second request"),
    Case("te_identity", "framing", raw(*patch_head("Transfer-Encoding: identity"), body=SMUGGLED),
         framing_400("graph")),
    Case("te_chunked_identity", "framing",
         raw(*patch_head("Transfer-Encoding: chunked, identity"), body=chunked('{"x":1}')), framing_400("graph")),
    Case("te_two_fields", "framing",
         raw(*patch_head("Transfer-Encoding: chunked", "Transfer-Encoding: identity"), body=chunked('{"x":1}')),
         framing_400("graph")),
    Case("te_space_before_colon", "framing",
         raw(*patch_head("Transfer-Encoding : chunked"), body=chunked('{"x":1}')), framing_400("graph")),
    Case("te_obs_fold", "framing",
         raw(*patch_head("Content-Length: 5", "Transfer-Encoding:", " chunked"), body=b"0\r\n\r\n"),
         framing_400("graph"), why="obs-fold joining 'chunked' onto an empty TE while CL frames the body"),
    Case("te_xchunked", "framing", raw(*patch_head("Transfer-Encoding: xchunked"), body=SMUGGLED),
         framing_400("graph")),
    Case("cl_te_smuggling", "framing",
         raw(*patch_head("Content-Length: %d" % (5 + len(SMUGGLED)), "Transfer-Encoding: chunked"),
             body=b"0\r\n\r\n" + SMUGGLED), framing_400("graph")),
    Case("te_cl_smuggling", "framing",
         raw(*patch_head("Transfer-Encoding: chunked", "Content-Length: 4"),
             body=b"%x\r\n" % len(SMUGGLED) + SMUGGLED + b"\r\n0\r\n\r\n"), framing_400("graph")),
    Case("cl_conflicting_values", "framing", raw(*patch_head("Content-Length: 7", "Content-Length: 8"),
                                                   body='{"x":1} '), framing_400("graph")),
    Case("cl_list_conflicting", "framing", raw(*patch_head("Content-Length: 7, 8"), body='{"x":1} '),
         framing_400("graph")),
    Case("cl_plus_sign", "framing", raw(*patch_head("Content-Length: +7"), body='{"x":1}'), framing_400("graph")),
    Case("cl_negative", "framing", raw(*patch_head("Content-Length: -1"), body='{"x":1}'), framing_400("graph")),
    Case("cl_hex", "framing", raw(*patch_head("Content-Length: 0x7"), body='{"x":1}'), framing_400("graph")),
    Case("cl_overflow", "framing", raw(*patch_head("Content-Length: 99999999999999999999999"), body='{"x":1}'),
         framing_400("graph")),
    Case("cl_empty", "framing", raw(*patch_head("Content-Length:"), body='{"x":1}'), framing_400("graph")),
    Case("cl_duplicate_equal_values_served", "framing",
         raw(*patch_head("Content-Length: 7", "Content-Length: 7"), body='{"x":1}'),
         graph_error(400, "RequestBodyRead", UNKNOWN_PROPERTY_X),
         why="RFC 9110 8.6: identical repeated values may be taken as one"),
    Case("host_missing_http11", "framing", graph_get(host=False), framing_400("graph")),
    Case("host_twice", "framing", graph_get(headers=[("Host", "evil.example")]), framing_400("graph")),
    Case("host_missing_soap", "framing",
         raw("POST %s HTTP/1.1" % UM_PATH, "Content-Type: text/xml; charset=utf-8", "Authorization: " + BASIC_ADELE,
             "Content-Length: %d" % len(envelope(IS_UM_ENABLED)), body=envelope(IS_UM_ENABLED)),
         framing_400("soap11")),
    Case("host_twice_soap12", "framing",
         soap12(envelope(IS_UM_ENABLED, ns=SOAP12_NS), headers=[("Host", "b.example")]), framing_400("soap12")),
    Case("host_invalid_value", "framing", graph_get(host=False, headers=[("Host", "a b/c@d")]), framing_400("graph"),
         why="RFC 9112 3.2: a Host field with an invalid value is a 400; it was served"),
    Case("host_invalid_value_soap", "framing",
         soap11(envelope(IS_UM_ENABLED)).replace(b"Host: 127.0.0.1", b"Host: user@127.0.0.1"), framing_400("soap11")),
    Case("host_ipv6_literal_with_port_is_fine", "framing", graph_get(host=False, headers=[("Host", "[::1]:8080")]),
         Expect(200, "graph", same_as="adele")),
    Case("host_missing_http10_is_fine", "framing", graph_get(version="HTTP/1.0", host=False),
         Expect(200, "graph", fate="closed", same_as="adele"), why="Host is required from HTTP/1.1 on"),
    Case("http10_keep_alive", "framing", graph_get(version="HTTP/1.0", headers=[("Connection", "keep-alive")]),
         Expect(200, "graph", same_as="adele")),
    Case("http09_request_line", "framing", b"GET /v1.0/me/mailboxSettings\r\n\r\n", framing_400("plain")),
    Case("http2_version", "framing", graph_get(version="HTTP/2.0"), framing_400("plain")),
    Case("http2_preface", "framing", b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", framing_400("plain")),
    Case("request_line_double_space", "framing", b"GET  /v1.0/me/mailboxSettings HTTP/1.1\r\nHost: a\r\n\r\n",
         framing_400("plain")),
    Case("request_line_bare_lf_garbage", "framing", b"GET /v1.0/me/mailboxSettings HTTP/1.1 extra\r\n\r\n",
         framing_400("plain")),
    Case("header_name_with_space", "framing", graph_get(headers=[("Bad Name", "x")]), framing_400("graph")),
    Case("header_value_nul", "framing", graph_get(headers=[("X-Note", "a\x00b")]), framing_400("graph")),
    Case("header_value_bare_cr", "framing", graph_get(headers=[("X-Note", "a\rb")]), framing_400("graph")),
    Case("authorization_value_nul", "framing", graph_get(token="adele-rw\x00"), framing_400("graph")),
    Case("chunk_size_invalid", "framing", chunked_patch(chunk_lines=b"zz\r\nabc\r\n0\r\n\r\n"), framing_400("graph")),
    Case("chunk_size_overflow", "framing",
         chunked_patch(chunk_lines=b"ffffffffffffffffff\r\nabc\r\n0\r\n\r\n"), framing_400("graph")),
    Case("chunk_size_negative", "framing", chunked_patch(chunk_lines=b"-1\r\nabc\r\n0\r\n\r\n"), framing_400("graph")),
    Case("chunk_missing_crlf", "framing", chunked_patch(chunk_lines=b"3\r\nabcX0\r\n\r\n"), framing_400("graph")),
    # Beast's chunk parser passes over a bare LF while it looks for CRLF: without the gateway's
    # own check each of these waited for the read timeout and was closed without an answer.
    Case("chunk_size_line_bare_lf", "framing", chunked_patch(chunk_lines=b'7\n{"x":1}\n0\n\n'),
         framing_400("graph")),
    Case("last_chunk_bare_lf", "framing", chunked_patch(chunk_lines=b'7\r\n{"x":1}\r\n0\n\n'), framing_400("graph")),
    Case("trailer_bare_lf", "framing", chunked_patch(chunk_lines=b'7\r\n{"x":1}\r\n0\r\nX-T: a\n\r\n'),
         framing_400("graph")),
    Case("chunk_over_body_limit", "framing",
         lambda: chunked_patch(chunk_lines=b"%x\r\n" % (2 * BODY_LIMIT) + b"{" * 65536),
         graph_error(413, "RequestEntityTooLarge", fate="closed"),
         why="the declared chunk alone exceeds the body limit; refused before the data arrives"),
    Case("trailer_64k_field_graph", "framing",
         lambda: chunked_patch(trailers=b"X-Big: " + b"a" * (64 * KiB) + b"\r\n"),
         graph_error(431, "RequestHeaderFieldsTooLarge", fate="closed"),
         why="a 64 KiB trailer field made Beast throw length_error out of io.run(): the process died"),
    Case("trailer_64k_field_soap", "framing",
         lambda: chunked_soap(b"X-Big: " + b"a" * (64 * KiB) + b"\r\n"),
         Expect(431, "soap11", "soap:Client", fate="closed")),
    Case("trailers_megabytes", "framing", lambda: chunked_patch(trailers=trailer_fields(4000, 1000)),
         graph_error(431, "RequestHeaderFieldsTooLarge", fate="closed"),
         why="4 MB of trailer fields were accepted: trailers were outside both limits"),
    Case("trailers_many_small", "framing", lambda: chunked_patch(trailers=trailer_fields(20000, 1)),
         graph_error(431, "RequestHeaderFieldsTooLarge", fate="closed")),
    Case("headers_oversized_graph", "limits", graph_get(headers=[("X-Big", "a" * (64 * KiB))]),
         graph_error(431, "RequestHeaderFieldsTooLarge", fate="closed")),
    Case("headers_oversized_soap", "limits", soap11(envelope(IS_UM_ENABLED), headers=[("X-Big", "a" * (64 * KiB))]),
         Expect(431, "soap11", "soap:Client", fate="closed")),
    Case("headers_oversized_unknown_path", "limits",
         request("GET", "/nothing", [("X-Big", "a" * (64 * KiB))]),
         Expect(431, "plain", message="The request's header fields are larger than 16384 bytes.", fate="closed")),
    Case("headers_too_many_fields", "limits", graph_get(headers=[("X%d" % i, "1") for i in range(1300)]),
         graph_error(431, "RequestHeaderFieldsTooLarge", fate="closed"),
         why="1,300 small fields: under the byte limit, over any sane count limit"),
    Case("url_100k_graph", "limits", graph_get("/v1.0/users/" + "a" * (100 * KiB) + "/mailboxSettings"),
         graph_error(414, "RequestUriTooLong", fate="closed")),
    Case("url_100k_soap", "limits", soap11(envelope(IS_UM_ENABLED), path="/EWS/" + "a" * (100 * KiB) + ".asmx"),
         Expect(414, "plain", fate="closed"),
         why="neither the path's end nor the Content-Type arrived before the limit: nobody's protocol can be told"),
    Case("url_100k_soap_query", "limits",
         soap11(envelope(IS_UM_ENABLED), path="/EWS/UM2007Legacy.asmx?" + "a" * (100 * KiB)),
         Expect(414, "soap11", "soap:Client", fate="closed"),
         why="the path is complete before the query runs over the limit, so the SOAP facade answers"),
    Case("body_over_limit_graph", "limits", lambda: graph_patch(reply_message("a" * (2 * BODY_LIMIT))),
         graph_error(413, "RequestEntityTooLarge", fate="closed")),
    Case("body_over_limit_soap11", "limits",
         lambda: soap11(envelope(operation("SetPlayOnPhoneDialString", "<dialString>%s</dialString>"
                                           % ("1" * 2 * BODY_LIMIT)))),
         Expect(413, "soap11", "soap:Client", fate="closed")),
    Case("body_over_limit_soap12", "limits",
         lambda: soap12(envelope(IS_UM_ENABLED, "<x>%s</x>" % ("a" * 2 * BODY_LIMIT), ns=SOAP12_NS)),
         Expect(413, "soap12", "soap:Sender", fate="closed")),
    Case("body_declared_over_limit_expect_continue", "limits",
         raw(*patch_head("Content-Length: %d" % (2 * BODY_LIMIT), "Expect: 100-continue")),
         graph_error(413, "RequestEntityTooLarge", fate="closed"),
         why="answered from the head alone: the client never sends the body"),

    # ---- routing and methods -----------------------------------------------------------------
    Case("get_graph_with_text_xml_is_graph", "routing", graph_get(headers=[("Content-Type", "text/xml")]),
         Expect(200, "graph", same_as="adele"), why="a request without a body is routed by its path"),
    Case("get_graph_with_soap12_type_is_graph", "routing",
         graph_get(headers=[("Content-Type", "application/soap+xml")]), Expect(200, "graph", same_as="adele")),
    Case("get_asmx_with_json_type_is_soap", "routing",
         request("GET", UM_PATH, [("Content-Type", "application/json")]),
         Expect(405, "plain", fate="open", headers=(("allow", "POST"),),
                message="The UM web service takes SOAP requests by POST; its WSDL is at /EWS/UM2007Legacy.asmx?wsdl.")),
    Case("patch_graph_text_plain_400", "routing", graph_patch('{"x":1}', content_type="text/plain"),
         graph_error(400, "BadRequest", UNREADABLE_JSON),
         why="Graph reads a PATCH without a JSON Content-Type as an unreadable payload (conformance table)"),
    Case("unknown_path_plain_404", "routing", request("GET", "/etc/passwd"),
         Expect(404, "plain", message=NOT_FOUND_TEXT)),
    Case("unknown_path_soap_404", "routing", soap11(envelope(IS_UM_ENABLED), auth=None, path="/totally/unknown"),
         Expect(404, "soap11", "soap:Client", "InvalidRequestException"),
         why="a SOAP body to a path with no service was a 500 fault; IIS answers 404"),
    Case("dot_segments_graph_path", "routing", graph_get("/v1.0/../../etc/passwd"),
         graph_error(400, "BadRequest")),
    Case("absolute_form_target", "routing",
         raw("GET http://127.0.0.1%s HTTP/1.1" % ME_SETTINGS, "Host: 127.0.0.1", "Authorization: Bearer adele-rw"),
         Expect(200, "graph", same_as="adele"), why="RFC 9112 3.2.2: a server MUST accept the absolute-form"),
    Case("trace_graph", "routing", request("TRACE", ME_SETTINGS, [("Authorization", "Bearer adele-rw")]),
         graph_error(405, "MethodNotAllowed", "Specified HTTP method is not allowed for the request target.")),
    Case("trace_asmx", "routing", request("TRACE", UM_PATH, [("Authorization", BASIC_ADELE)]),
         Expect(405, "plain", headers=(("allow", "POST"),),
                message="The UM web service takes SOAP requests by POST; its WSDL is at /EWS/UM2007Legacy.asmx?wsdl.")),
    Case("connect_authority_form", "routing", raw("CONNECT 127.0.0.1:80 HTTP/1.1", "Host: 127.0.0.1:80"),
         Expect(404, "plain", message=NOT_FOUND_TEXT), why="no tunnel: an unknown target like any other"),
    Case("options_asterisk", "routing", raw("OPTIONS * HTTP/1.1", "Host: 127.0.0.1"),
         Expect(404, "plain", message=NOT_FOUND_TEXT)),
    Case("unknown_method", "routing", request("FROB", ME_SETTINGS, [("Authorization", "Bearer adele-rw")]),
         graph_error(405, "MethodNotAllowed", "Specified HTTP method is not allowed for the request target.")),
    Case("percent_invalid_utf8_user", "routing", graph_get("/v1.0/users/%ff%fe%c0%af/mailboxSettings", APP_TOKEN),
         graph_error(404, "ErrorInvalidUser"), why="the raw decoded bytes were echoed: invalid UTF-8 on output"),
    Case("percent_nul_user", "routing", graph_get("/v1.0/users/a%00b/mailboxSettings", APP_TOKEN),
         graph_error(404, "ErrorInvalidUser")),
    Case("percent_encoded_surrogate_user", "routing", graph_get("/v1.0/users/%ed%a0%80/mailboxSettings", APP_TOKEN),
         graph_error(404, "ErrorInvalidUser")),
    Case("percent_invalid_utf8_segment", "routing", graph_get("/v1.0/me/%ff%fe"),
         graph_error(400, "BadRequest")),
    Case("raw_invalid_utf8_in_target", "routing", graph_get(b"/v1.0/users/\xff\xfe/mailboxSettings".decode("latin-1"),
                                                             APP_TOKEN), framing_400("graph")),

    # ---- Graph JSON ------------------------------------------------------------------------------
    Case("json_lone_high_surrogate", "graph-json", graph_patch(reply_message("\\ud800")),
         graph_error(400, "BadRequest"), why="stored and served back as invalid UTF-8"),
    Case("json_lone_low_surrogate", "graph-json", graph_patch(reply_message("\\udc00")),
         graph_error(400, "BadRequest")),
    Case("json_reversed_surrogates", "graph-json", graph_patch(reply_message("\\udc00\\ud800")),
         graph_error(400, "BadRequest")),
    Case("json_high_surrogate_then_text", "graph-json", graph_patch(reply_message("\\ud800abc")),
         graph_error(400, "BadRequest")),
    Case("json_raw_invalid_byte", "graph-json", graph_patch(reply_message_bytes(b"ab\xffcd")),
         graph_error(400, "BadRequest")),
    Case("json_raw_overlong", "graph-json", graph_patch(reply_message_bytes(b"\xc0\xaf")),
         graph_error(400, "BadRequest")),
    Case("json_raw_encoded_surrogate", "graph-json", graph_patch(reply_message_bytes(b"\xed\xa0\x80")),
         graph_error(400, "BadRequest")),
    Case("json_raw_truncated_sequence", "graph-json", graph_patch(reply_message_bytes(b"\xe2\x82")),
         graph_error(400, "BadRequest")),
    Case("json_raw_beyond_u10ffff", "graph-json", graph_patch(reply_message_bytes(b"\xf4\x90\x80\x80")),
         graph_error(400, "BadRequest")),
    Case("json_invalid_utf8_in_name", "graph-json", graph_patch(b'{"time\xffZone":"UTC"}'),
         graph_error(400, "BadRequest")),
    Case("json_nested_arrays_100k", "graph-json",
         lambda: graph_patch('{"automaticRepliesSetting":%s}' % nested(100000, "[", "]")),
         graph_error(400, "BadRequest"), why="a recursive parser overflows the stack"),
    Case("json_nested_objects_100k", "graph-json",
         lambda: graph_patch('{"workingHours":%s}' % nested(100000, '{"a":', "}", "1")),
         graph_error(400, "BadRequest")),
    Case("json_nested_unclosed_100k", "graph-json", lambda: graph_patch(nested(100000, "[", "")),
         graph_error(400, "BadRequest")),
    Case("json_nested_1m_unclosed", "graph-json", lambda: graph_patch("[" * (BODY_LIMIT - 100)),
         graph_error(400, "BadRequest"), why="a million levels inside the body limit: a recursive parser's stack"),
    Case("json_60k_members", "graph-json",
         lambda: graph_patch("{" + ",".join('"a%d":1' % i for i in range(60000)) + "}"),
         graph_error(400, "BadRequest", "The JSON payload exceeds the limit of 1024 members in one object.")),
    Case("json_trailing_garbage", "graph-json", graph_patch('{"timeZone":"UTC"} x'),
         graph_error(400, "BadRequest", UNREADABLE_JSON)),
    Case("json_two_documents", "graph-json", graph_patch('{"timeZone":"UTC"}{"timeZone":"UTC"}'),
         graph_error(400, "BadRequest", UNREADABLE_JSON)),
    Case("json_truncated_escape", "graph-json", graph_patch(reply_message("\\ud8")),
         graph_error(400, "BadRequest", UNREADABLE_JSON)),
    Case("json_empty_body", "graph-json", graph_patch(""),
         graph_error(400, "BadRequest", "Empty Payload. JSON content expected.")),
    Case("json_nul_bytes", "graph-json", graph_patch(b"\x00" * 64), graph_error(400, "BadRequest", UNREADABLE_JSON)),
    Case("json_year_0000", "graph-json", graph_patch(scheduled("0000-01-01T00:00:00")),
         literal_error("0000-01-01T00:00:00")),
    Case("json_year_10000", "graph-json", graph_patch(scheduled("2030-01-01T00:00:00", "10000-01-01T00:00:00")),
         literal_error("10000-01-01T00:00:00")),
    Case("json_year_minus_0001", "graph-json", graph_patch(scheduled("-0001-12-31T00:00:00")),
         literal_error("-0001-12-31T00:00:00")),
    Case("json_year_huge", "graph-json", graph_patch(scheduled("99999999999-01-01T00:00:00")),
         literal_error("99999999999-01-01T00:00:00")),
    Case("json_time_zone_localtime", "graph-json", graph_patch('{"timeZone":"localtime"}'),
         graph_error(400, "InvalidTimeZone", INVALID_TIME_ZONE), why="the host's /etc/localtime was accepted"),
    Case("json_time_zone_path", "graph-json", graph_patch('{"timeZone":"../../../../etc/localtime"}'),
         graph_error(400, "InvalidTimeZone", INVALID_TIME_ZONE)),
    Case("json_time_zone_absolute_path", "graph-json", graph_patch('{"timeZone":"/etc/localtime"}'),
         graph_error(400, "InvalidTimeZone", INVALID_TIME_ZONE)),
    Case("json_time_zone_posixrules", "graph-json", graph_patch('{"timeZone":"posixrules"}'),
         graph_error(400, "InvalidTimeZone", INVALID_TIME_ZONE)),
    Case("json_scheduled_zone_localtime", "graph-json",
         graph_patch(scheduled("2030-01-01T00:00:00", zone="localtime")),
         graph_error(400, "InvalidTimeZone", INVALID_TIME_ZONE)),
    Case("json_working_hours_zone_localtime", "graph-json",
         graph_patch('{"workingHours":{"timeZone":{"name":"localtime"}}}'),
         graph_error(400, "InvalidTimeZone", INVALID_TIME_ZONE)),
    Case("json_app_token_lone_surrogate_other_mailbox", "graph-json",
         graph_patch(reply_message("\\udfff"), path="/v1.0/users/%s/mailboxSettings" % ALEX["id"], token=APP_TOKEN),
         graph_error(400, "BadRequest")),
    Case("json_read_token_cannot_patch", "graph-json", graph_patch('{"timeZone":"UTC"}', token=ADELE_READ_TOKEN),
         graph_error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.")),

    # ---- SOAP / XML --------------------------------------------------------------------------------
    Case("soap_element_after_root", "soap-xml", soap11(envelope(SET_OOF_TRUE, after="<x/>")),
         soap_client_fault("InvalidRequestException"), why="content after the root element was accepted and applied"),
    Case("soap_text_after_root", "soap-xml", soap11(envelope(SET_OOF_TRUE, after="garbage")),
         soap_client_fault("InvalidRequestException")),
    Case("soap_second_envelope_after_root", "soap-xml",
         soap11(envelope(SET_OOF_TRUE) + envelope(IS_UM_ENABLED, prolog="")),
         soap_client_fault("InvalidRequestException")),
    Case("soap_comment_after_root_is_fine", "soap-xml", soap11(envelope(IS_UM_ENABLED, after="<!-- ok -->\n")),
         Expect(200, "soap11"), why="a comment and whitespace after the root are well-formed XML"),
    Case("soap_two_operations", "soap-xml",
         soap11(envelope(SET_OOF_TRUE + operation("SetMissedCallNotificationEnabled", "<status>false</status>"))),
         soap_client_fault("InvalidRequestException"), why="two operations in one Body were accepted and applied"),
    Case("soap_duplicate_attribute", "soap-xml",
         soap11(envelope('<SetOofStatus xmlns="%s" a="1" a="2"><status>true</status></SetOofStatus>' % MESSAGES_NS)),
         soap_client_fault("InvalidRequestException")),
    Case("soap_duplicate_xmlns", "soap-xml",
         soap11(envelope('<SetOofStatus xmlns="%s" xmlns="urn:x"><status>true</status></SetOofStatus>'
                         % MESSAGES_NS)), soap_client_fault("InvalidRequestException")),
    Case("soap_duplicate_prefixed_attribute", "soap-xml",
         soap11(envelope('<SetOofStatus xmlns="%s" xmlns:p="urn:p" xmlns:q="urn:p" p:a="1" q:a="2">'
                         '<status>true</status></SetOofStatus>' % MESSAGES_NS)),
         soap_client_fault("InvalidRequestException"), why="the same expanded name twice (XML Namespaces 6.3)"),
    Case("soap_60000_attributes", "soap-xml", lambda: soap11(many_attributes(60000)),
         Expect(500, "soap11", "soap:Client", within=2.0),
         why="60,000 prefixed attributes took ~10 s of one I/O thread (quadratic namespace lookup)"),
    Case("soap_60000_attributes_soap12", "soap-xml",
         lambda: soap12(many_attributes(60000).replace(b"http://schemas.xmlsoap.org/soap/envelope/",
                                                       SOAP12_NS.encode())),
         Expect(400, "soap12", "soap:Sender", within=2.0)),
    Case("soap_invalid_utf8_in_element", "soap-xml",
         soap11(envelope(SET_OOF_TRUE, '<h:Note xmlns:h="urn:h">aXb</h:Note>').replace(b"aXb", b"a\xffb")),
         soap_client_fault("InvalidRequestException"), why="not well-formed: invalid UTF-8 in a document declared utf-8"),
    Case("soap_invalid_utf8_in_value", "soap-xml",
         soap11(envelope(operation("SetPlayOnPhoneDialString", "<dialString>555</dialString>"))
                .replace(b"555", b"5\xc0\xaf5")), soap_client_fault("InvalidRequestException")),
    Case("soap_invalid_utf8_in_name", "soap-xml", soap11(envelope(SET_OOF_TRUE, "<aX/>").replace(b"<aX/>", b"<a\xff/>")),
         soap_client_fault("InvalidRequestException")),
    Case("soap_char_ref_surrogate", "soap-xml",
         soap11(envelope(operation("SetTelephoneAccessFolderEmail", "<base64FolderId>&#xD800;</base64FolderId>"))),
         soap_client_fault("InvalidRequestException"), why="&#xD800; is not a Char (XML 1.0 4.1)"),
    Case("soap_char_ref_nul", "soap-xml",
         soap11(envelope(operation("SetPlayOnPhoneDialString", "<dialString>&#0;</dialString>"))),
         soap_client_fault("InvalidRequestException")),
    Case("soap_char_ref_beyond_unicode", "soap-xml",
         soap11(envelope(operation("SetPlayOnPhoneDialString", "<dialString>&#x110000;</dialString>"))),
         soap_client_fault("InvalidRequestException")),
    Case("soap_raw_nul_byte", "soap-xml", soap11(envelope(SET_OOF_TRUE).replace(b"<status>", b"<status>\x00")),
         soap_client_fault("InvalidRequestException")),
    Case("soap_entity_bomb", "soap-xml",
         soap11(b'<?xml version="1.0"?><!DOCTYPE soap:Envelope [<!ENTITY a "aaaaaaaaaa">'
                + b"".join(b'<!ENTITY %c "%s">' % (ord("b") + i, (b"&%c;" % (ord("a") + i)) * 10) for i in range(9))
                + b"]>" + envelope(operation("SetPlayOnPhoneDialString", "<dialString>&j;</dialString>"), prolog="")),
         soap_client_fault("InvalidRequestException"), why="a DTD is never processed (billion laughs)"),
    Case("soap_external_entity", "soap-xml",
         soap11(b'<?xml version="1.0"?><!DOCTYPE soap:Envelope [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                + envelope(operation("SetPlayOnPhoneDialString", "<dialString>&e;</dialString>"), prolog="")),
         soap_client_fault("InvalidRequestException")),
    Case("soap_doctype_only", "soap-xml",
         soap11(b'<!DOCTYPE soap:Envelope>' + envelope(SET_OOF_TRUE, prolog="")),
         soap_client_fault("InvalidRequestException")),
    Case("soap_nested_100k", "soap-xml", lambda: soap11(envelope(IS_UM_ENABLED, nested(100000, "<a>", "</a>"))),
         Expect(500, "soap11", "soap:Client")),
    Case("soap_unclosed_100k", "soap-xml", lambda: soap11(envelope(IS_UM_ENABLED, nested(100000, "<a>", ""))),
         soap_client_fault("InvalidRequestException")),
    Case("soap_100k_elements", "soap-xml", lambda: soap11(envelope(IS_UM_ENABLED, "<a/>" * 100000)),
         Expect(500, "soap11", "soap:Client")),
    Case("soap_malformed_xml", "soap-xml", soap11(b"<a>"),
         soap_client_fault("InvalidRequestException",
                           "The request is not well-formed XML: Start-end tags mismatch at offset 2.")),
    Case("soap12_malformed_xml", "soap-xml", soap12(b"<a>"),
         soap_sender_fault("InvalidRequestException",
                           "The request is not well-formed XML: Start-end tags mismatch at offset 2.")),
    Case("soap12_element_after_root", "soap-xml", soap12(envelope(SET_OOF_TRUE, ns=SOAP12_NS, after="<x/>")),
         soap_sender_fault("InvalidRequestException")),
    Case("soap12_two_operations", "soap-xml",
         soap12(envelope(SET_OOF_TRUE + IS_UM_ENABLED, ns=SOAP12_NS)), soap_sender_fault("InvalidRequestException")),
    Case("soap12_entity_bomb", "soap-xml",
         soap12(b'<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                + envelope(SET_OOF_TRUE, ns=SOAP12_NS, prolog="")), soap_sender_fault("InvalidRequestException")),
    Case("soap_empty_body", "soap-xml", soap11(b""),
         soap_client_fault("InvalidRequestException")),
    Case("soap_unknown_operation", "soap-xml", soap11(envelope(operation("Foo"))),
         soap_client_fault("InvalidOperationException",
                           "The Body element {%s}Foo is not a UM web service operation." % MESSAGES_NS)),
    Case("soap_utf16_declared_utf8_bytes", "soap-xml",
         soap11(envelope(SET_OOF_TRUE, prolog='<?xml version="1.0" encoding="utf-16"?>')),
         soap_client_fault("InvalidRequestException")),

    # ---- authentication -----------------------------------------------------------------------------
    Case("bearer_lowercase_scheme", "auth", graph_get(headers=[]).replace(b"Bearer adele-rw", b"bearer adele-rw"),
         Expect(200, "graph", same_as="adele"), why="auth-scheme is case-insensitive (RFC 9110 11.1)"),
    Case("bearer_two_spaces", "auth", graph_get().replace(b"Bearer adele-rw", b"Bearer  adele-rw"),
         Expect(200, "graph", same_as="adele")),
    Case("bearer_uppercase_scheme", "auth", graph_get().replace(b"Bearer adele-rw", b"BEARER adele-rw"),
         Expect(200, "graph", same_as="adele")),
    Case("bearer_token_case_matters", "auth", graph_get(token="ADELE-RW"),
         graph_error(401, "InvalidAuthenticationToken", TOKEN_PARSE_FAILED)),
    Case("bearer_respelling_shares_throttle", "auth", scenario=scenarios.throttle_respelling,
         why="the throttle keyed on the raw header: each spelling had its own budget"),
    Case("basic_on_graph_route", "auth",
         request("GET", ME_SETTINGS, [("Authorization", BASIC_ADELE)]),
         graph_error(401, "InvalidAuthenticationToken", ACCESS_TOKEN_EMPTY)),
    Case("basic_flood_on_graph_route", "auth", scenario=scenarios.basic_flood_graph,
         why="every Basic header cost ~25 ms of PBKDF2 on the I/O thread even where Basic is refused"),
    Case("body_memory_budget", "limits", scenario=scenarios.body_memory_budget,
         why="bodies were buffered before authentication, bounded only by body limit x connections (16 GiB)"),
    Case("basic_burst_from_one_address", "auth", scenario=scenarios.basic_burst_from_one_address,
         why="the failure count moved only once a check had failed, so a burst got one check per queued request"),
    Case("basic_wrong_password_known_vs_unknown", "auth", scenario=scenarios.basic_known_vs_unknown,
         why="an unknown user answered in 0.4 ms, a known one in 25 ms: user names enumerable by timing"),
    basic_refused("basic_password_trailing_nul", basic(b"adele@contoso.com", b"Adele-Pa55\x00")),
    basic_refused("basic_password_trailing_nuls", basic(b"adele@contoso.com", b"Adele-Pa55\x00\x00\x00")),
    basic_refused("basic_user_trailing_nul", basic(b"adele@contoso.com\x00", b"Adele-Pa55")),
    basic_refused("basic_invalid_utf8_user", basic(b"ad\xffele@contoso.com", b"Adele-Pa55")),
    basic_refused("basic_no_colon", "Basic YWRlbGU="),
    basic_refused("basic_bad_base64", "Basic !!!!"),
    basic_refused("basic_huge_user", basic(b"u" * 8000, b"p")),
    Case("soap_no_credentials", "auth", soap11(envelope(IS_UM_ENABLED), auth=None),
         Expect(401, "soap11", "soap:Client", "AccessDeniedException", AUTH_REQUIRED)),
    Case("soap12_no_credentials", "auth", soap12(envelope(IS_UM_ENABLED, ns=SOAP12_NS), auth=None),
         Expect(401, "soap12", "soap:Sender", "AccessDeniedException", AUTH_REQUIRED)),
    Case("soap_unknown_scheme", "auth", soap11(envelope(SET_OOF_TRUE), auth="Digest username=adele"),
         Expect(401, "soap11", "soap:Client", "AccessDeniedException")),
    Case("graph_no_credentials", "auth", graph_get(token=None),
         graph_error(401, "InvalidAuthenticationToken", ACCESS_TOKEN_EMPTY)),
    Case("graph_two_authorization_fields", "auth",
         graph_get(token=ADELE_READ_TOKEN, headers=[("Authorization", "Bearer " + ADELE_TOKEN)]),
         graph_error(401, "InvalidAuthenticationToken", ACCESS_TOKEN_EMPTY),
         why="the first of two Authorization fields was believed, the second ignored"),
    Case("soap_two_authorization_fields", "auth",
         soap11(envelope(SET_OOF_TRUE), headers=[("Authorization", basic(b"alex@contoso.com", b"Alex-Pa55"))]),
         Expect(401, "soap11", "soap:Client", "AccessDeniedException"),
         why="the first of two Authorization fields was believed, the second ignored"),

    # ---- EWS (/EWS/Exchange.asmx) -----------------------------------------------------------------
    Case("ews_set_1mb_message", "ews", lambda: ews(ews_envelope(ews_set_oof("m" * MiB))),
         ews_fault(413, "soap:Client", "ErrorSchemaValidation", fate="closed"),
         why="a 1 MB reply makes the envelope longer than --body-limit: refused before it is read, in EWS's form"),
    Case("ews_set_900k_message", "ews", lambda: ews(ews_envelope(ews_set_oof("m" * (900 * KiB)))),
         ews_schema_fault(), why="under the body limit, over the XML text limit: refused whole, nothing stored"),
    Case("ews_nested_100k", "ews", lambda: ews(ews_envelope(nested(100000, "<a>", "</a>", EWS_GET_OOF))),
         ews_schema_fault()),
    Case("ews_unclosed_100k", "ews", lambda: ews(ews_envelope(nested(100000, "<a>", ""))), ews_schema_fault()),
    Case("ews_100k_elements", "ews", lambda: ews(ews_envelope(EWS_GET_OOF + "<a/>" * 100000)), ews_schema_fault()),
    Case("ews_60000_attributes", "ews",
         lambda: ews(ews_envelope(EWS_GET_OOF.replace("<m:GetUserOofSettingsRequest>", '<m:GetUserOofSettingsRequest '
                                                      'xmlns:p="urn:p" %s>' % " ".join('p:a%d="1"' % i
                                                                                       for i in range(60000))))),
         ews_schema_fault()),
    Case("ews_malformed_xml", "ews", ews(b"<s:Envelope"), ews_schema_fault()),
    Case("ews_entity_bomb", "ews",
         ews(ews_envelope(ews_set_oof("&j;"), prolog='<?xml version="1.0"?><!DOCTYPE s:Envelope [%s]>' % LAUGHS)),
         ews_schema_fault(), why="a DTD is never processed"),
    Case("ews_invalid_utf8_message", "ews", ews(ews_envelope(ews_set_oof("aXb")).replace(b"aXb", b"a\xffb")),
         ews_schema_fault()),
    Case("ews_two_operations", "ews", ews(ews_envelope(EWS_GET_OOF + EWS_GET_OOF)), ews_schema_fault()),
    Case("ews_soap12_envelope_as_text_xml", "ews",
         ews(ews_envelope(EWS_GET_OOF).replace(SOAP11_NS.encode(), SOAP12_NS.encode())),
         ews_fault(500, "soap:VersionMismatch", None,
                   "The envelope namespace '%s' does not match SOAP 1.1 (text/xml), whose envelope namespace is '%s'."
                   % (SOAP12_NS, SOAP11_NS))),
    Case("ews_headers_oversized", "ews", ews(ews_envelope(EWS_GET_OOF), headers=[("X-Big", "a" * (64 * KiB))]),
         ews_fault(431, "soap:Client", "ErrorSchemaValidation", fate="closed")),
    Case("ews_no_credentials", "ews", ews(ews_envelope(EWS_GET_OOF), auth=None),
         ews_fault(401, "soap:Client", "ErrorAccessDenied")),

    # ---- Autodiscover (POX) ----------------------------------------------------------------------
    Case("pox_entity_expansion", "autodiscover",
         autodiscover(pox_request("&j;", prolog='<?xml version="1.0"?><!DOCTYPE Autodiscover [%s]>' % LAUGHS)),
         INVALID_POX_REQUEST, why="a DTD is never processed (billion laughs)"),
    Case("pox_external_entity", "autodiscover",
         autodiscover(pox_request("&e;", prolog='<!DOCTYPE Autodiscover [<!ENTITY e SYSTEM "file:///etc/passwd">]>')),
         INVALID_POX_REQUEST),
    Case("pox_nested_100k", "autodiscover",
         lambda: autodiscover(pox_request().replace(b"<Request>", nested(100000, "<a>", "").encode() + b"<Request>")),
         INVALID_POX_REQUEST),
    Case("pox_two_addresses", "autodiscover",
         autodiscover(pox_request().replace(b"<EMailAddress>", b"<EMailAddress>alex@contoso.com</EMailAddress>"
                                                               b"<EMailAddress>", 1)),
         INVALID_POX_REQUEST, why="the last of two addresses was answered"),
    Case("pox_over_body_limit", "autodiscover",
         lambda: autodiscover(pox_request().replace(b"<Request>", b" " * (2 * BODY_LIMIT) + b"<Request>")),
         Expect(413, "pox", "600", message="Invalid Request", fate="closed")),

    # ---- Graph batching and CORS -------------------------------------------------------------------
    Case("batch_20_patches_of_1mb", "graph-batch", lambda: batch_of_patches(20, MiB),
         graph_error(413, "RequestEntityTooLarge", fate="closed"),
         why="20 MB of batch: the body limit bounds the whole batch, not each item"),
    Case("preflight_100k_request_headers", "cors", preflight(",".join("x-h%d" % i for i in range(20000))),
         graph_error(431, "RequestHeaderFieldsTooLarge", fate="closed")),

    # ---- connection behaviour ----------------------------------------------------------------------
    Case("garbage_bytes", "connection", bytes(range(256)) * 64, framing_400("plain")),
    Case("tls_client_hello", "connection",
         bytes.fromhex("16030100a1010000" "9d0303") + b"\x00" * 150, framing_400("plain")),
    *(Case(scenario.__name__, "connection", scenario=scenario) for scenario in (
        scenarios.pipelined_1000, scenarios.half_close_after_request, scenarios.chunk_framing_byte_by_byte,
        scenarios.slowloris_headers,
        scenarios.slowloris_body, scenarios.slowloris_many, scenarios.idle_keep_alive, scenarios.connection_flood,
        scenarios.slow_reader, scenarios.reset_mid_headers, scenarios.reset_mid_body, scenarios.reset_mid_response,
        scenarios.connect_and_close)),
    Case("descriptor_exhaustion", "connection", scenario=scenarios.descriptor_exhaustion,
         why="accept spun at 100% CPU on EMFILE"),
]
