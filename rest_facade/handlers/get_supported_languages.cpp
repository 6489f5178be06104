#include "rest_facade/handlers/handlers.h"
#include "rest_facade/handlers/mailbox_access.h"
#include "rest_facade/json/json_writer.h"

namespace oofgate::rest {

void get_supported_languages(const RouteContext& context) {
  // Graph: User.Read is the least privileged permission for this call.
  if (authorize_or_reply(context, core::Access::kProfile) == nullptr) {
    return;
  }
  if (context.match.function_args && !context.match.function_args->empty()) {
    // Graph: supportedLanguages() takes no parameters.
    context.reply->send_error(requested_value_not_found_error(*context.match.function_args));
    return;
  }
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_member(writer, "@odata.context",
               metadata_context(context.match.version, "Collection(microsoft.graph.localeInfo)"));
  write_key(writer, "value");
  writer.StartArray();
  for (const auto& locale : context.service.locales().supported()) {
    writer.StartObject();
    write_member(writer, "locale", locale.locale);
    write_member(writer, "displayName", locale.display_name);
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  context.reply->send_json(boost::beast::http::status::ok, take_json(buffer));
}

}  // namespace oofgate::rest
