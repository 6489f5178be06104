#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace oofgate::fuzzing {

// Every target's input: byte 0 chooses the variant (each target documents its bits), the rest
// is the payload.
struct FuzzInput {
  std::uint8_t variant = 0;
  std::string_view payload;
};

inline std::optional<FuzzInput> split_input(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return std::nullopt;
  }
  return FuzzInput{data[0], std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1)};
}

}  // namespace oofgate::fuzzing
