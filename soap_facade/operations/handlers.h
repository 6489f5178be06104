#pragma once

#include "soap_facade/operations/operation.h"

namespace oofgate::soap {

// One file per operation (or per family of telephony operations), named after it.
void handle_is_um_enabled(const OperationContext& context, const Reply& reply);
void handle_get_um_properties(const OperationContext& context, const Reply& reply);
void handle_set_oof_status(const OperationContext& context, const Reply& reply);
void handle_set_missed_call_notification_enabled(const OperationContext& context, const Reply& reply);
void handle_set_play_on_phone_dial_string(const OperationContext& context, const Reply& reply);
void handle_set_telephone_access_folder_email(const OperationContext& context, const Reply& reply);
void handle_reset_pin(const OperationContext& context, const Reply& reply);
void handle_play_on_phone(const OperationContext& context, const Reply& reply);
void handle_play_on_phone_greeting(const OperationContext& context, const Reply& reply);
void handle_call_id_operation(const OperationContext& context, const Reply& reply);
void handle_unsupported_telephony(const OperationContext& context, const Reply& reply);

}  // namespace oofgate::soap
