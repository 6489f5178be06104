#pragma once

#include <optional>
#include <string_view>

#include <pugixml.hpp>

#include "core/directory/principal.h"
#include "core/service/mailbox_service.h"
#include "soap_facade/reply.h"
#include "soap_facade/xml_limits.h"
#include "soap_facade/xml_reader.h"

namespace oofgate::soap::ews {

// One EWS request on its way through a handler. As with UM, handlers read `request` before they
// return; store callbacks must not touch it.
struct EwsContext {
  core::MailboxService& service;
  const core::Principal& principal;
  pugi::xml_node request;  // the Body's operation element, e.g. m:GetUserOofSettingsRequest
  const XmlDocument& document;
  std::string_view operation;     // the operation name, e.g. GetUserOofSettings
  std::string_view endpoint_url;  // this endpoint's absolute URL (faultactor)
};

using EwsHandler = void (*)(const EwsContext& context, const Reply& reply);

void handle_get_user_oof_settings(const EwsContext& context, const Reply& reply);
void handle_set_user_oof_settings(const EwsContext& context, const Reply& reply);

// From request bytes to a handler: the shared envelope reader and XML limits, then the EWS
// header (RequestServerVersion), the Body element (the operation table, by element name), and
// SOAPAction, which may only name the same operation. Every refusal happens before the handler.
void dispatch_ews(core::MailboxService& service, const core::Principal& principal, std::string_view body,
                  std::optional<std::string_view> action, const Reply& reply, const XmlLimits& limits,
                  std::string_view endpoint_url);

}  // namespace oofgate::soap::ews
