#include <array>

#include "soap_facade/operations/handlers.h"
#include "soap_facade/operations/operation.h"

namespace oofgate::soap {
namespace {

using core::Access;
using E = ExceptionType;

// SOAPAction for each: http://schemas.microsoft.com/exchange/services/2006/messages/<name>.
constexpr std::array<OperationSpec, 14> kOperations = {{
    {UmOperation::kIsUmEnabled, "IsUMEnabled", Access::kRead, E::kInvalidArgument, handle_is_um_enabled},
    {UmOperation::kGetUmProperties, "GetUMProperties", Access::kRead, E::kInvalidArgument, handle_get_um_properties},
    {UmOperation::kSetOofStatus, "SetOofStatus", Access::kWrite, E::kInvalidArgument, handle_set_oof_status},
    {UmOperation::kSetMissedCallNotificationEnabled, "SetMissedCallNotificationEnabled", Access::kWrite,
     E::kInvalidArgument, handle_set_missed_call_notification_enabled},
    {UmOperation::kSetPlayOnPhoneDialString, "SetPlayOnPhoneDialString", Access::kWrite, E::kInvalidPhoneNumber,
     handle_set_play_on_phone_dial_string},
    {UmOperation::kSetTelephoneAccessFolderEmail, "SetTelephoneAccessFolderEmail", Access::kWrite, E::kInvalidObjectId,
     handle_set_telephone_access_folder_email},
    {UmOperation::kResetPin, "ResetPIN", Access::kWrite, E::kInvalidArgument, handle_reset_pin},
    {UmOperation::kPlayOnPhone, "PlayOnPhone", Access::kRead, E::kInvalidObjectId, handle_play_on_phone},
    {UmOperation::kPlayOnPhoneGreeting, "PlayOnPhoneGreeting", Access::kWrite, E::kInvalidArgument,
     handle_play_on_phone_greeting},
    {UmOperation::kGetCallInfo, "GetCallInfo", Access::kRead, E::kInvalidCallId, handle_call_id_operation},
    {UmOperation::kDisconnect, "Disconnect", Access::kRead, E::kInvalidCallId, handle_call_id_operation},
    {UmOperation::kPlayOnPhone2, "PlayOnPhone2", Access::kRead, E::kInvalidArgument, handle_unsupported_telephony},
    {UmOperation::kGetPhoneCallInformation, "GetPhoneCallInformation", Access::kRead, E::kInvalidCallId,
     handle_unsupported_telephony},
    {UmOperation::kDisconnectPhoneCall, "DisconnectPhoneCall", Access::kRead, E::kInvalidCallId,
     handle_unsupported_telephony},
}};

}  // namespace

std::span<const OperationSpec> um_operations() { return kOperations; }

const OperationSpec* find_um_operation(std::string_view local_name) {
  for (const OperationSpec& spec : kOperations) {
    if (spec.name == local_name) {
      return &spec;
    }
  }
  return nullptr;
}

}  // namespace oofgate::soap
