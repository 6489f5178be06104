#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include <pugixml.hpp>

#include "core/directory/user.h"
#include "core/service/mailbox_service.h"
#include "soap_facade/fault.h"
#include "soap_facade/namespaces.h"
#include "soap_facade/reply.h"
#include "soap_facade/xml_reader.h"

namespace oofgate::soap {

// MS-OXWUMS §3.1.4: the fourteen UM web service operations.
enum class UmOperation : std::uint8_t {
  kIsUmEnabled,
  kGetUmProperties,
  kSetOofStatus,
  kSetMissedCallNotificationEnabled,
  kSetPlayOnPhoneDialString,
  kSetTelephoneAccessFolderEmail,
  kResetPin,
  kPlayOnPhone,
  kPlayOnPhoneGreeting,
  kGetCallInfo,
  kDisconnect,
  kPlayOnPhone2,
  kGetPhoneCallInformation,
  kDisconnectPhoneCall,
};

// One request on its way through a handler. Handlers read `request` before they return; store
// callbacks must not touch it (the document dies with the request).
struct OperationContext {
  core::MailboxService& service;
  const core::User& user;  // UM acts for the authenticated user only; no request names a mailbox
  pugi::xml_node request;  // the Body's operation element
  // Resolves the names of `request` and its children (XmlDocument::name_of).
  const XmlDocument& document;
  std::string_view name;  // the operation's wire name
  MessagesNs ns;
  ExceptionType invalid_argument_as;
};

using OperationHandler = void (*)(const OperationContext& context, const Reply& reply);

struct OperationSpec {
  UmOperation id;
  std::string_view name;  // the Body element's local name, also the SOAPAction suffix
  core::Access access;
  ExceptionType invalid_argument_as;  // how this operation names a bad value (see fault_from_error)
  OperationHandler handler;
};

// THE table: operation name -> handler (operation_table.cpp).
std::span<const OperationSpec> um_operations();
const OperationSpec* find_um_operation(std::string_view local_name);

// Faults with UserNotUmEnabledException and returns false unless the caller is UM-enabled.
bool require_um_enabled(const OperationContext& context, const Reply& reply);
// A store callback answering `<XResponse xmlns=".." />` once committed, or the mapped fault.
core::SnapshotCallback answer_empty_on_commit(const OperationContext& context, const Reply& reply);

}  // namespace oofgate::soap
