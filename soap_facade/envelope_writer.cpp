#include "soap_facade/envelope_writer.h"

#include "soap_facade/text.h"

namespace oofgate::soap {
namespace {

constexpr std::string_view kXmlDeclaration = R"(<?xml version="1.0" encoding="utf-8"?>)";

void open_envelope(std::string& out, SoapVersion version) {
  out += kXmlDeclaration;
  out += R"(<soap:Envelope xmlns:soap=")";
  out += envelope_ns(version);
  out += R"(" xmlns:xsi=")";
  out += kXmlSchemaInstanceNs;
  out += R"(" xmlns:xsd=")";
  out += kXmlSchemaNs;
  out += R"(">)";
}

void close_envelope(std::string& out) { out += "</soap:Body></soap:Envelope>"; }

std::string_view soap11_code(FaultCode code) {
  switch (code) {
    case FaultCode::kVersionMismatch:
      return "soap:VersionMismatch";
    case FaultCode::kMustUnderstand:
      return "soap:MustUnderstand";
    case FaultCode::kClient:
      return "soap:Client";
    case FaultCode::kServer:
      break;
  }
  return "soap:Server";
}

std::string_view soap12_code(FaultCode code) {
  switch (code) {
    case FaultCode::kVersionMismatch:
      return "soap:VersionMismatch";
    case FaultCode::kMustUnderstand:
      return "soap:MustUnderstand";
    case FaultCode::kClient:
      return "soap:Sender";
    case FaultCode::kServer:
      break;
  }
  return "soap:Receiver";
}

void append_exception_code(std::string& out, std::string_view element, ExceptionType type) {
  out += '<';
  out += element;
  out += R"( xmlns:a=")";
  out += kErrorsNs;
  out += R"(">a:)";
  out += exception_type_name(type);
  out += "</";
  out += element;
  out += '>';
}

void append_exception_detail(std::string& out, MessagesNs ns, ExceptionType type) {
  out += R"(<ExceptionType xmlns=")";
  out += messages_ns(ns);
  out += R"(">)";
  out += exception_type_name(type);
  out += "</ExceptionType>";
}

// EWS's detail content when the fault has one, else UM's ExceptionType; none for header faults.
void append_detail(std::string& out, std::string_view element, MessagesNs ns, const Fault& fault) {
  if (fault.detail_xml.empty() && !fault.exception) {
    return;
  }
  out += '<';
  out += element;
  out += '>';
  if (!fault.detail_xml.empty()) {
    out += fault.detail_xml;
  } else {
    append_exception_detail(out, ns, *fault.exception);
  }
  out += "</";
  out += element;
  out += '>';
}

// SOAP 1.2 Part 1 §5.4.7 and §5.4.8: which envelopes we take, which header we did not understand.
void append_soap12_fault_blocks(std::string& out, const Fault& fault) {
  if (fault.code == FaultCode::kVersionMismatch) {
    out += "<soap:Upgrade>";
    out += R"(<soap:SupportedEnvelope qname="s12:Envelope" xmlns:s12=")";
    out += kSoap12EnvelopeNs;
    out += R"(" /><soap:SupportedEnvelope qname="s11:Envelope" xmlns:s11=")";
    out += kSoap11EnvelopeNs;
    out += R"(" /></soap:Upgrade>)";
  } else if (fault.code == FaultCode::kMustUnderstand && !fault.not_understood_local.empty()) {
    out += R"(<soap:NotUnderstood qname="q:)";
    append_escaped(out, fault.not_understood_local);
    out += R"(" xmlns:q=")";
    append_escaped(out, fault.not_understood_ns);
    out += R"(" />)";
  }
}

// The Header only when it has blocks: UM responses carry none, EWS ones t:ServerVersionInfo.
void append_header(std::string& out, std::string_view blocks) {
  if (blocks.empty()) {
    return;
  }
  out += "<soap:Header>";
  out += blocks;
  out += "</soap:Header>";
}

void append_soap11_fault(std::string& out, MessagesNs ns, const Fault& fault) {
  out += "<soap:Fault>";
  if (fault.exception_as_code && fault.exception) {
    append_exception_code(out, "faultcode", *fault.exception);
  } else {
    out += "<faultcode>";
    out += soap11_code(fault.code);
    out += "</faultcode>";
  }
  out += "<faultstring>";
  append_escaped(out, fault.reason);
  out += "</faultstring>";
  if (!fault.actor.empty()) {
    out += "<faultactor>";
    append_escaped(out, fault.actor);
    out += "</faultactor>";
  }
  append_detail(out, "detail", ns, fault);
  out += "</soap:Fault>";
}

void append_soap12_fault(std::string& out, MessagesNs ns, const Fault& fault) {
  out += "<soap:Fault><soap:Code><soap:Value>";
  out += soap12_code(fault.code);
  out += "</soap:Value>";
  if (fault.exception_as_code && fault.exception) {
    out += "<soap:Subcode>";
    append_exception_code(out, "soap:Value", *fault.exception);
    out += "</soap:Subcode>";
  }
  out += R"(</soap:Code><soap:Reason><soap:Text xml:lang="en">)";
  append_escaped(out, fault.reason);
  out += "</soap:Text></soap:Reason>";
  append_detail(out, "soap:Detail", ns, fault);
  out += "</soap:Fault>";
}

}  // namespace

std::string success_envelope(SoapVersion version, std::string_view body_content, std::string_view header_blocks) {
  std::string out;
  out.reserve(256 + header_blocks.size() + body_content.size());
  open_envelope(out, version);
  append_header(out, header_blocks);
  out += "<soap:Body>";
  out += body_content;
  close_envelope(out);
  return out;
}

std::string fault_envelope(SoapVersion version, MessagesNs ns, const Fault& fault, std::string_view header_blocks) {
  std::string out;
  out.reserve(512 + header_blocks.size());
  open_envelope(out, version);
  std::string blocks(header_blocks);
  if (version == SoapVersion::k12) {
    append_soap12_fault_blocks(blocks, fault);
  }
  append_header(out, blocks);
  out += "<soap:Body>";
  if (version == SoapVersion::k11) {
    append_soap11_fault(out, ns, fault);
  } else {
    append_soap12_fault(out, ns, fault);
  }
  close_envelope(out);
  return out;
}

http::status fault_status(SoapVersion version, const Fault& fault) {
  if (version == SoapVersion::k12 && fault.code == FaultCode::kClient) {
    return http::status::bad_request;
  }
  return http::status::internal_server_error;
}

std::string_view soap_content_type(SoapVersion version) {
  return version == SoapVersion::k11 ? "text/xml; charset=utf-8" : "application/soap+xml; charset=utf-8";
}

std::string empty_response(std::string_view operation, MessagesNs ns) {
  std::string out = "<";
  out += operation;
  out += R"(Response xmlns=")";
  out += messages_ns(ns);
  out += R"(" />)";
  return out;
}

std::string wrapped_response(std::string_view operation, MessagesNs ns, std::string_view inner_xml) {
  std::string out = "<";
  out += operation;
  out += R"(Response xmlns=")";
  out += messages_ns(ns);
  out += R"(">)";
  const std::string element = std::string(operation) + "Response";
  append_element_xml(out, element, inner_xml);
  out += "</";
  out += element;
  out += '>';
  return out;
}

}  // namespace oofgate::soap
