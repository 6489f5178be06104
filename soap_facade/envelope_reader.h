#pragma once

#include <variant>

#include <pugixml.hpp>

#include "soap_facade/fault.h"
#include "soap_facade/namespaces.h"
#include "soap_facade/xml_limits.h"
#include "soap_facade/xml_reader.h"

namespace oofgate::soap {

// What a valid envelope carries for dispatch: the one element of the Body.
struct BodyOperation {
  pugi::xml_node element;
  QName name;
};

// Checks the envelope against the SOAP version the Content-Type announced: its namespace
// (VersionMismatch), Header blocks marked mustUnderstand (UM defines none, so any that target
// us is a MustUnderstand fault), no text where only elements belong, nothing after the Body in
// SOAP 1.2, and exactly one operation element in the Body.
std::variant<BodyOperation, Fault> read_envelope(const XmlDocument& document, SoapVersion version);

// The first steps of every SOAP request, UM and EWS alike: loads `body` into `document` within
// `limits` and reads its envelope.
std::variant<BodyOperation, Fault> parse_envelope(XmlDocument& document, std::string_view body, SoapVersion version,
                                                  const XmlLimits& limits);

}  // namespace oofgate::soap
