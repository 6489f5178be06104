#pragma once

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <boost/beast/http.hpp>
#include <pugixml.hpp>

#include "core/text/utf8.h"
#include "fuzz/finding.h"
#include "fuzz/one_answer.h"

namespace oofgate::fuzzing {

// What every answer must be, whatever the request (issue 10's rule): the protocol's own shape,
// well-formed, valid UTF-8, and never a caught bug (Graph InternalServerError, SOAP
// InternalServerErrorException: the in-memory store cannot fail, so those mean an exception).
// Exact bodies are the facade and end-to-end tests' job; these checks hold for any input.

enum class SoapVersion { k11, k12 };

inline constexpr std::string_view kGraphContentType =
    "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
inline constexpr std::string_view kPlainContentType = "text/plain; charset=utf-8";

inline std::string_view header_of(const HttpResponse& response, boost::beast::http::field field) {
  const auto value = response[field];
  return {value.data(), value.size()};
}

// Each check returns false after reporting a (tolerated) finding, so the caller stops checking.
inline bool check_status_in(const HttpResponse& response, std::initializer_list<unsigned> allowed,
                            std::string_view who) {
  if (std::find(allowed.begin(), allowed.end(), response.result_int()) == allowed.end()) {
    report_finding("shape",
                   std::string(who) + " answered an unexpected status " + std::to_string(response.result_int()),
                   response.body());
    return false;
  }
  return true;
}

inline bool check_utf8_body(const HttpResponse& response) {
  if (!core::is_valid_utf8(response.body())) {
    report_finding("utf8", "response body is not valid UTF-8", response.body());
    return false;
  }
  return true;
}

// The gateway's own plain-text answers (no facade, or a SOAP path without a SOAP request).
inline void check_plain_response(const HttpResponse& response) {
  if (!check_status_in(response, {400, 404, 405, 413, 414, 415, 431, 503}, "plain-text answer")) {
    return;
  }
  if (header_of(response, boost::beast::http::field::content_type) != kPlainContentType) {
    report_finding("shape",
                   "plain-text answer with Content-Type '" +
                       std::string(header_of(response, boost::beast::http::field::content_type)) + "'",
                   response.body());
  }
  check_utf8_body(response);
}

// Graph: JSON with the Graph media type; errors are {"error":{"code","message","innerError"}}.
inline void check_graph_response(const HttpResponse& response) {
  if (!check_status_in(response,
                       {200, 201, 204, 400, 401, 403, 404, 405, 406, 409, 412, 413, 414, 415, 429, 431, 500, 503},
                       "Graph") ||
      !check_utf8_body(response)) {
    return;
  }
  if (response.result_int() == 204) {
    if (!response.body().empty()) {
      report_finding("shape", "Graph 204 with a body", response.body());
    }
    return;
  }
  if (header_of(response, boost::beast::http::field::content_type) != kGraphContentType) {
    report_finding("shape",
                   "Graph answer with Content-Type '" +
                       std::string(header_of(response, boost::beast::http::field::content_type)) + "'",
                   response.body());
    return;
  }
  rapidjson::Document document;
  document.Parse<rapidjson::kParseValidateEncodingFlag>(response.body().data(), response.body().size());
  if (document.HasParseError() || !document.IsObject()) {
    report_finding(
        "shape",
        std::string("Graph answer is not a JSON object: ") + rapidjson::GetParseError_En(document.GetParseError()),
        response.body());
    return;
  }
  if (response.result_int() < 400) {
    return;
  }
  if (!document.HasMember("error") || !document["error"].IsObject()) {
    report_finding("shape", "Graph error without an error object", response.body());
    return;
  }
  const auto& error = document["error"];
  if (!error.HasMember("code") || !error["code"].IsString() || !error.HasMember("message") ||
      !error["message"].IsString() || !error.HasMember("innerError") || !error["innerError"].IsObject()) {
    report_finding("shape", "Graph error without error.code/message/innerError", response.body());
    return;
  }
  if (std::string_view(error["code"].GetString()) == "InternalServerError") {
    report_finding("internal", "Graph InternalServerError: an exception reached the facade's catch-all",
                   response.body());
  }
}

// Which protocol an answer speaks, from its media type.
enum class AnswerFamily { kGraph, kSoap, kPlain, kOther };

inline AnswerFamily family_of(const HttpResponse& response) {
  const std::string_view content_type = header_of(response, boost::beast::http::field::content_type);
  if (content_type.starts_with("application/json") || (response.result_int() == 204 && content_type.empty())) {
    return AnswerFamily::kGraph;
  }
  if (content_type.starts_with("text/xml") || content_type.starts_with("application/soap+xml")) {
    return AnswerFamily::kSoap;
  }
  return content_type.starts_with("text/plain") ? AnswerFamily::kPlain : AnswerFamily::kOther;
}

inline std::string_view soap_envelope_namespace(SoapVersion version) {
  return version == SoapVersion::k12 ? "http://www.w3.org/2003/05/soap-envelope"
                                     : "http://schemas.xmlsoap.org/soap/envelope/";
}

// The namespace URI an element's prefix is bound to on that element (oofgate declares them on
// the root), or "" when it is not declared there.
inline std::string_view namespace_of(const pugi::xml_node& element) {
  const std::string_view name = element.name();
  const auto colon = name.find(':');
  const std::string attribute =
      colon == std::string_view::npos ? std::string("xmlns") : "xmlns:" + std::string(name.substr(0, colon));
  return element.attribute(attribute.c_str()).value();
}

inline std::string_view local_name(std::string_view name) {
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// SOAP: an envelope of the request's version (a fault for every error status), the WSDL for a
// GET, or a plain-text 404/405/415 for requests that are not SOAP requests at all.
inline void check_soap_response(const HttpResponse& response, SoapVersion version) {
  if (!check_status_in(response, {200, 400, 401, 404, 405, 413, 414, 415, 429, 431, 500, 503}, "SOAP") ||
      !check_utf8_body(response)) {
    return;
  }
  const std::string_view content_type = header_of(response, boost::beast::http::field::content_type);
  if (content_type == kPlainContentType) {
    check_status_in(response, {404, 405, 415}, "SOAP plain-text answer");
    return;
  }
  pugi::xml_document document;
  if (!document.load_buffer(response.body().data(), response.body().size())) {
    report_finding("shape", "SOAP answer is not well-formed XML", response.body());
    return;
  }
  const pugi::xml_node root = document.document_element();
  if (local_name(root.name()) == "definitions" && response.result_int() == 200) {
    return;  // the WSDL
  }
  const std::string_view expected_type = version == SoapVersion::k12 ? "application/soap+xml" : "text/xml";
  if (!content_type.starts_with(expected_type)) {
    report_finding("shape", "SOAP answer with Content-Type '" + std::string(content_type) + "'", response.body());
  }
  if (local_name(root.name()) != "Envelope" || namespace_of(root) != soap_envelope_namespace(version)) {
    report_finding("shape", "SOAP answer is not an envelope of the request's SOAP version", response.body());
  }
  const bool fault = response.body().find(":Fault>") != std::string::npos;
  if ((response.result_int() != 200) != fault) {
    report_finding("shape",
                   "SOAP status " + std::to_string(response.result_int()) + (fault ? " with" : " without") + " a Fault",
                   response.body());
  }
  // The element, not the text: a fault may quote the client's bytes, which can spell anything.
  const pugi::xml_node exception_type = document.find_node([](const pugi::xml_node& node) {
    return local_name(node.name()) == "ExceptionType" &&
           std::string_view(node.child_value()) == "InternalServerErrorException";
  });
  if (exception_type) {
    report_finding("internal", "SOAP InternalServerErrorException: an exception reached the facade's catch-all",
                   response.body());
  }
}

}  // namespace oofgate::fuzzing
