#include "facade_common/log.h"

#include <unistd.h>

#include <string>

#include "core/text/utf8.h"

namespace oofgate::facade {

void log_event(std::string_view component, std::string_view request_id, std::string_view detail) noexcept {
  try {
    std::string line(component);
    if (!request_id.empty()) {
      line += " request-id=";
      line += request_id;
    }
    line += ": ";
    // Details may quote client bytes; the log stays one printable line per event.
    line += core::printable_excerpt(detail, 2048);
    line += '\n';
    std::string_view rest(line);
    while (!rest.empty()) {
      const ssize_t written = ::write(STDERR_FILENO, rest.data(), rest.size());
      if (written <= 0) {
        return;
      }
      rest.remove_prefix(static_cast<std::size_t>(written));
    }
  } catch (...) {
    // Out of memory while logging: the event is lost, the process is not.
  }
}

}  // namespace oofgate::facade
