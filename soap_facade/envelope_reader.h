#pragma once

#include <variant>

#include <pugixml.hpp>

#include "soap_facade/fault.h"
#include "soap_facade/namespaces.h"
#include "soap_facade/xml_reader.h"

namespace oofgate::soap {

// What a valid envelope carries for dispatch: the first element of the Body.
struct BodyOperation {
  pugi::xml_node element;
  QName name;
};

// Checks the envelope against the SOAP version the Content-Type announced: its namespace
// (VersionMismatch), Header blocks marked mustUnderstand (UM defines none, so any that target
// us is a MustUnderstand fault), and that the Body holds an element.
std::variant<BodyOperation, Fault> read_envelope(const pugi::xml_document& doc, SoapVersion version);

}  // namespace oofgate::soap
