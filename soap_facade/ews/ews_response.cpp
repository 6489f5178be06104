#include "soap_facade/ews/ews_response.h"

#include "soap_facade/namespaces.h"
#include "soap_facade/text.h"

namespace oofgate::soap::ews {

void append_success_message(std::string& out, std::string_view element) {
  out += '<';
  out += element;
  out += R"( ResponseClass="Success"><ResponseCode>NoError</ResponseCode></)";
  out += element;
  out += '>';
}

void append_error_message(std::string& out, std::string_view element, const EwsError& error) {
  out += '<';
  out += element;
  out += R"( ResponseClass="Error"><MessageText>)";
  append_escaped(out, error.message);
  out += "</MessageText><ResponseCode>";
  out += error.code;
  out += "</ResponseCode><DescriptiveLinkKey>0</DescriptiveLinkKey></";
  out += element;
  out += '>';
}

std::string operation_response(std::string_view operation, std::string_view content) {
  std::string out = "<";
  out += operation;
  out += R"(Response xmlns=")";
  out += kMessagesNs;
  out += R"(">)";
  out += content;
  out += "</";
  out += operation;
  out += "Response>";
  return out;
}

std::string unsupported_operation_response(std::string_view operation) {
  std::string content = "<ResponseMessages>";
  append_error_message(content, std::string(operation) + "ResponseMessage",
                       EwsError{"ErrorInvalidOperation",
                                "oofgate implements only the EWS operations GetUserOofSettings and "
                                "SetUserOofSettings; " +
                                    std::string(operation) + " is not available."});
  content += "</ResponseMessages>";
  return operation_response(operation, content);
}

}  // namespace oofgate::soap::ews
