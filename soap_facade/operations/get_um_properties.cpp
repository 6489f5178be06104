#include <memory>
#include <string>

#include "soap_facade/envelope_writer.h"
#include "soap_facade/operations/handlers.h"
#include "soap_facade/operations/parameters.h"
#include "soap_facade/text.h"

namespace oofgate::soap {
namespace {

// Render-cache slots 8..11 (8..15 belong to this facade): one per namespace spelling and
// OofStatus value, since OofStatus is the only part that depends on the clock, not the snapshot.
constexpr std::size_t kFirstCacheSlot = 8;

std::size_t cache_slot(MessagesNs ns, bool oof_active) {
  return kFirstCacheSlot + (ns == MessagesNs::kHttps ? 2U : 0U) + (oof_active ? 1U : 0U);
}

void append_element(std::string& out, std::string_view name, std::string_view value) {
  out += '<';
  out += name;
  if (value.empty()) {
    out += " />";
    return;
  }
  out += '>';
  append_escaped(out, value);
  out += "</";
  out += name;
  out += '>';
}

// UM Messages.xsd: UMProperties, children in the order of the documented sample.
std::string render_um_properties(const core::MailboxSettings& settings, bool oof_active, MessagesNs ns) {
  std::string inner;
  inner.reserve(256);
  append_element(inner, "OofStatus", oof_active ? "true" : "false");
  append_element(inner, "MissedCallNotificationEnabled",
                 settings.um.missed_call_notification_enabled ? "true" : "false");
  append_element(inner, "PlayOnPhoneDialString", settings.um.play_on_phone_dial_string);
  append_element(inner, "TelephoneAccessNumbers", settings.um.telephone_access_numbers);
  append_element(inner, "TelephoneAccessFolderEmail", settings.um.telephone_access_folder_email);
  return wrapped_response("GetUMProperties", ns, inner);
}

}  // namespace

// UM Messages.xsd: GetUMProperties (no parameters) -> GetUMPropertiesResponse/GetUMPropertiesResponse.
void handle_get_um_properties(const OperationContext& context, const Reply& reply) {
  auto parameters = Parameters::read(context, {});
  if (auto* fault = std::get_if<Fault>(&parameters)) {
    reply.fault(*fault);
    return;
  }
  if (!require_um_enabled(context, reply)) {
    return;
  }
  const core::MailboxService& service = context.service;
  context.service.read(
      context.user, [reply, &service, ns = context.ns,
                     invalid_argument_as = context.invalid_argument_as](core::Result<core::SnapshotPtr> result) {
        guarded(reply, [&] {
          if (!result) {
            reply.fault(fault_from_error(result.error(), invalid_argument_as));
            return;
          }
          const core::MailboxSnapshot& snapshot = *result.value();
          const bool oof_active = service.oof_active(snapshot.settings);
          const std::size_t slot = cache_slot(ns, oof_active);
          std::shared_ptr<const std::string> body = snapshot.render_cache.get(slot);
          if (!body) {
            body = std::make_shared<const std::string>(render_um_properties(snapshot.settings, oof_active, ns));
            snapshot.render_cache.put(slot, body);
          }
          reply.success(*body);
        });
      });
}

}  // namespace oofgate::soap
