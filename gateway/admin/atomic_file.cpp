#include "gateway/admin/atomic_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <system_error>

namespace oofgate::gateway {
namespace {

core::Error os_error(const std::string& what) {
  return core::Error{core::ErrorCode::kInvalidArgument, what + ": " + std::generic_category().message(errno)};
}

core::Status write_all(int fd, std::string_view content) {
  while (!content.empty()) {
    const ssize_t written = ::write(fd, content.data(), content.size());
    if (written < 0 && errno == EINTR) {
      continue;
    }
    if (written <= 0) {
      return os_error("write failed");
    }
    content.remove_prefix(static_cast<std::size_t>(written));
  }
  return core::ok_status();
}

std::filesystem::path directory_of(const std::filesystem::path& path) {
  return path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
}

}  // namespace

core::Result<LockHandle> lock_directory_for_edit(const std::filesystem::path& file_in_it) {
  const auto directory = directory_of(file_in_it);
  LockHandle handle(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (handle.fd() < 0) {
    return os_error("cannot open directory " + directory.string());
  }
  int rc = 0;
  while ((rc = ::flock(handle.fd(), LOCK_EX)) != 0 && errno == EINTR) {
  }
  if (rc != 0) {
    return os_error("cannot lock directory " + directory.string());
  }
  return handle;
}

core::Status replace_file_atomically(const std::filesystem::path& path, std::string_view content,
                                     const WrittenFileCheck& check) {
  const std::filesystem::path directory = directory_of(path);
  std::string temporary = (directory / ("." + path.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) {
    return os_error("cannot create a temporary file in " + directory.string());
  }
  // The users file holds password hashes and tokens: keep the old file's mode (mkstemp's 0600 otherwise).
  struct stat old_file {};
  if (::stat(path.c_str(), &old_file) == 0) {
    (void)::fchmod(fd, old_file.st_mode & 07777);
  }
  auto written = write_all(fd, content);
  if (written && ::fsync(fd) != 0) {
    written = os_error("cannot sync " + temporary);
  }
  ::close(fd);
  if (written && check) {
    written = check(temporary);
  }
  if (written && ::rename(temporary.c_str(), path.c_str()) != 0) {
    written = os_error("cannot rename " + temporary + " to " + path.string());
  }
  if (!written) {
    ::unlink(temporary.c_str());
    return written;
  }
  const int dir_fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd < 0 || ::fsync(dir_fd) != 0) {
    const auto error = os_error("cannot sync directory " + directory.string());
    if (dir_fd >= 0) {
      ::close(dir_fd);
    }
    return error;
  }
  ::close(dir_fd);
  return core::ok_status();
}

}  // namespace oofgate::gateway
