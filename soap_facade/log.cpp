#include "soap_facade/log.h"

#include <iostream>
#include <string>

namespace oofgate::soap {

void log_error(std::string_view message) {
  // One write per line so lines from the committer thread and I/O threads do not interleave.
  std::string line(message);
  line += '\n';
  std::cerr << line << std::flush;
}

}  // namespace oofgate::soap
