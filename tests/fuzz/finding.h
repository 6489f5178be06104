#pragma once

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <string>
#include <string_view>

namespace oofgate::fuzzing {

// A broken promise of the code under test. Each finding has a kind; the run stops at the first
// one (libFuzzer, or the replay, keeps the input as a crash) unless its kind is named in
// OOFGATE_FUZZ_TOLERATE (e.g. "utf8,routing"), which lets a long run look past a known defect
// whose fix is pending: a tolerated finding is printed once per kind and the input goes on.
// Kinds: answer (not exactly one answer), exception, utf8, shape (not the protocol's own
// form), routing (answered by the wrong protocol), internal (a caught bug: 500).

inline std::string escaped(std::string_view bytes) {
  std::string out;
  for (const char c : bytes.substr(0, 2048)) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7F) {
      out.push_back(c);
    } else {
      char hex[5];
      std::snprintf(hex, sizeof hex, "\\x%02X", byte);
      out += hex;
    }
  }
  return out;
}

inline bool tolerated(std::string_view kind) {
  const char* list = std::getenv("OOFGATE_FUZZ_TOLERATE");
  if (list == nullptr) {
    return false;
  }
  const std::string_view names(list);
  for (std::size_t start = 0; start <= names.size();) {
    const std::size_t end = std::min(names.find_first_of(", ", start), names.size());
    if (names.substr(start, end - start) == kind) {
      return true;
    }
    start = end + 1;
  }
  return false;
}

// Stops the run, whatever OOFGATE_FUZZ_TOLERATE says: the input cannot go on after this.
[[noreturn]] inline void abort_finding(std::string_view kind, std::string_view what, std::string_view detail = {}) {
  std::fprintf(stderr, "oofgate fuzz finding (%.*s): %.*s\n%s\n", static_cast<int>(kind.size()), kind.data(),
               static_cast<int>(what.size()), what.data(), escaped(detail).c_str());
  std::abort();
}

// Stops the run unless `kind` is tolerated; the caller returns from its check afterwards.
inline void report_finding(std::string_view kind, std::string_view what, std::string_view detail = {}) {
  if (!tolerated(kind)) {
    abort_finding(kind, what, detail);
  }
  static bool printed[8] = {};
  static constexpr std::string_view kKinds[] = {"answer", "exception", "utf8", "shape", "routing", "internal"};
  for (std::size_t i = 0; i < std::size(kKinds); ++i) {
    if (kKinds[i] == kind && !printed[i]) {
      printed[i] = true;
      std::fprintf(stderr, "oofgate fuzz finding (%.*s, tolerated from now on): %.*s\n%s\n",
                   static_cast<int>(kind.size()), kind.data(), static_cast<int>(what.size()), what.data(),
                   escaped(detail).c_str());
    }
  }
}

}  // namespace oofgate::fuzzing
