#include "rest_facade/routing/route_table.h"

#include <array>

#include "rest_facade/handlers/handlers.h"

namespace oofgate::rest {
namespace {

using boost::beast::http::verb;

constexpr std::array kRoutes = {
    Route{verb::get, "/{version}/{mailbox}/mailboxSettings", get_mailbox_settings, "getMailboxSettings"},
    Route{verb::patch, "/{version}/{mailbox}/mailboxSettings", patch_mailbox_settings, "updateMailboxSettings"},
    Route{verb::get, "/{version}/{mailbox}/mailboxSettings/{property}", get_mailbox_setting, "getMailboxSetting"},
    Route{verb::get, "/{version}/{mailbox}/outlook/supportedTimeZones()", get_supported_time_zones,
          "supportedTimeZones"},
    Route{verb::get, "/{version}/{mailbox}/outlook/supportedLanguages()", get_supported_languages,
          "supportedLanguages"},
    Route{verb::get, "/{version}/{mailbox}", get_user, "getUser"},
    Route{verb::patch, "/{version}/{mailbox}", patch_user, "updateUser"},
    Route{verb::get, "/{version}/users", list_users, "listUsers"},
};

}  // namespace

std::span<const Route> route_table() { return kRoutes; }

}  // namespace oofgate::rest
