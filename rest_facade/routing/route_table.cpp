#include "rest_facade/routing/route_table.h"

#include <array>

#include "rest_facade/handlers/handlers.h"

namespace oofgate::rest {
namespace {

using boost::beast::http::verb;

constexpr std::array kRoutes = {
    Route{verb::get, "/{version}/{mailbox}/mailboxSettings", get_mailbox_settings},
    Route{verb::patch, "/{version}/{mailbox}/mailboxSettings", patch_mailbox_settings},
    Route{verb::get, "/{version}/{mailbox}/mailboxSettings/{property}", get_mailbox_setting},
    Route{verb::get, "/{version}/{mailbox}/outlook/supportedTimeZones()", get_supported_time_zones},
    Route{verb::get, "/{version}/{mailbox}/outlook/supportedLanguages()", get_supported_languages},
    Route{verb::get, "/{version}/{mailbox}", get_user},
    Route{verb::patch, "/{version}/{mailbox}", patch_user},
    Route{verb::get, "/{version}/users", list_users},
};

}  // namespace

std::span<const Route> route_table() { return kRoutes; }

}  // namespace oofgate::rest
