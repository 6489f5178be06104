#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

#include "core/result.h"

namespace oofgate::gateway {

// Replaces `path` with `content` so that a reader (or a crash) sees either the old file or the
// new one, never a mix: writes a temporary file in the same directory with the old file's
// permissions, fsyncs it, lets `check` refuse it (then `path` is untouched), renames it over
// `path` and fsyncs the directory.
using WrittenFileCheck = std::function<core::Status(const std::filesystem::path& written)>;
core::Status replace_file_atomically(const std::filesystem::path& path, std::string_view content,
                                     const WrittenFileCheck& check = {});

}  // namespace oofgate::gateway
