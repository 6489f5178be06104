#pragma once

#include <string>
#include <variant>

#include <pugixml.hpp>

#include "core/model/automatic_replies.h"
#include "core/model/mailbox_settings_patch.h"
#include "core/time/time_zone_db.h"
#include "soap_facade/fault.h"
#include "soap_facade/xml_reader.h"

namespace oofgate::soap::ews {

// Types.xsd UserOofSettings as t:OofSettings (the Get response's element): OofState,
// ExternalAudience, Duration (UTC, with Z, whole seconds: exchangelib parses no fraction before
// Z), InternalReply and ExternalReply, always all of them. A window whose instants cannot be
// computed is shown as the next 24 hours from the hour `now` is in.
std::string render_oof_settings(const core::AutomaticReplies& replies, const core::TimeZoneDb& zones,
                                core::Instant now);

// t:UserOofSettings of a Set request as a patch of the one model: OofState and ExternalAudience
// required, Duration (both bounds) and the replies optional, so what is omitted keeps its stored
// value. Times without an offset are UTC, offsets are converted. An empty Message while the state
// is Disabled keeps the stored message too, since EWS clients always send both replies and send
// them empty when only switching replies off. A value outside its type is a schema fault; the
// values' meaning (window, lengths) is checked by the core, like every other write.
std::variant<core::AutomaticRepliesPatch, Fault> read_user_oof_settings(const XmlDocument& document,
                                                                        pugi::xml_node settings);

}  // namespace oofgate::soap::ews
