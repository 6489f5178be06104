#include "gateway/server/response_bytes.h"

#include <charconv>

namespace oofgate::gateway {

void write_response_bytes(const HttpResponse& response, std::string_view date, bool with_body, std::string& out) {
  out.clear();
  out.reserve(256 + response.body().size());
  out.append(response.version() == 10 ? "HTTP/1.0 " : "HTTP/1.1 ");
  char status[4];
  const auto end = std::to_chars(status, status + sizeof status, response.result_int()).ptr;
  out.append(status, end);
  out.push_back(' ');
  const auto reason = response.reason();
  out.append(reason.data(), reason.size());
  out.append("\r\n");
  for (const auto& field : response) {
    const auto name = field.name_string();
    const auto value = field.value();
    out.append(name.data(), name.size());
    out.append(": ");
    out.append(value.data(), value.size());
    out.append("\r\n");
  }
  out.append("Date: ");
  out.append(date);
  out.append("\r\n\r\n");
  if (with_body) {
    out.append(response.body());
  }
}

}  // namespace oofgate::gateway
