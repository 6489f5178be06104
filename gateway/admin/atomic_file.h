#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

#include "core/result.h"
#include "gateway/config/lock_handle.h"

namespace oofgate::gateway {

// Replaces `path` with `content` so that a reader (or a crash) sees either the old file or the
// new one, never a mix: writes a temporary file in the same directory with the old file's
// permissions, fsyncs it, lets `check` refuse it (then `path` is untouched), renames it over
// `path` and fsyncs the directory.
using WrittenFileCheck = std::function<core::Status(const std::filesystem::path& written)>;
core::Status replace_file_atomically(const std::filesystem::path& path, std::string_view content,
                                     const WrittenFileCheck& check = {});

// Serializes read-modify-write edits of files in one directory: an exclusive flock(2) on the
// directory itself, waited for. (A lock on the file would not do: each edit renames a new inode
// over it.) Two `oofgate users add` run at once then both land, one after the other.
core::Result<LockHandle> lock_directory_for_edit(const std::filesystem::path& file_in_it);

}  // namespace oofgate::gateway
