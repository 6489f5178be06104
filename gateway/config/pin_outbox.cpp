#include "gateway/config/pin_outbox.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <optional>
#include <system_error>
#include <utility>
#include <vector>

#include <date/date.h>

#include "facade_common/log.h"

namespace oofgate::gateway {
namespace {

constexpr int kMaxNameAttempts = 100;

// A UPN as a file name: anything but letters, digits and @._- becomes '_', so no UPN can
// reach outside the outbox.
std::string file_stem(std::string_view upn) {
  std::string stem;
  for (char c : upn) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '@' ||
                      c == '.' || c == '_' || c == '-';
    stem.push_back(safe ? c : '_');
  }
  if (stem.empty() || stem.front() == '.') {
    stem.insert(stem.begin(), '_');
  }
  return stem;
}

std::string message_text(const core::User& user, std::string_view pin, const std::string& date) {
  std::string text;
  text += "To: " + user.display_name + " <" + user.user_principal_name + ">\n";
  text += "Date: " + date + "\n";
  text += "Subject: Your new voice mail PIN\n";
  text += "\n";
  text += "Your voice mail PIN was reset. Your new PIN is:\n\n    ";
  text += pin;
  text += "\n\nIf you did not ask for a new PIN, tell your administrator.\n";
  return text;
}

bool write_all(int fd, const std::string& text) {
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return false;
    }
    written += static_cast<std::size_t>(n);
  }
  return true;
}

// Makes a new or removed directory entry survive a crash.
bool sync_directory(const std::filesystem::path& directory) {
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    return false;
  }
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

core::Error outbox_error(const std::string& what) {
  return core::Error{core::ErrorCode::kStoreUnavailable,
                     "PIN outbox: " + what + ": " + std::generic_category().message(errno)};
}

// Where a message of one user sorts among that user's: (stamp, attempt number).
using MessageOrder = std::pair<std::string, unsigned>;

// The order of `name` if it is `<stem>-<YYYYMMDDTHHMMSSZ>[-<n>].txt`, else nullopt. Exact, so a
// user whose UPN extends another's ("a@x" and "a@x-1") never loses the other's messages.
std::optional<MessageOrder> message_order(std::string_view name, std::string_view stem) {
  constexpr std::size_t kStampLength = 16;  // YYYYMMDDTHHMMSSZ
  if (name.size() < stem.size() + 1 + kStampLength + 4 || name.substr(0, stem.size()) != stem ||
      name[stem.size()] != '-') {
    return std::nullopt;
  }
  std::string_view rest = name.substr(stem.size() + 1);
  rest.remove_suffix(4);  // ".txt"
  const std::string_view stamp = rest.substr(0, kStampLength);
  for (std::size_t i = 0; i < kStampLength; ++i) {
    const bool digit = stamp[i] >= '0' && stamp[i] <= '9';
    if (i == 8 ? stamp[i] != 'T' : i == 15 ? stamp[i] != 'Z' : !digit) {
      return std::nullopt;
    }
  }
  rest.remove_prefix(kStampLength);
  unsigned attempt = 1;
  if (!rest.empty()) {
    if (rest.size() < 2 || rest.front() != '-' ||
        std::from_chars(rest.data() + 1, rest.data() + rest.size(), attempt).ptr != rest.data() + rest.size()) {
      return std::nullopt;
    }
  }
  return MessageOrder{std::string(stamp), attempt};
}

}  // namespace

PinOutbox::PinOutbox(std::filesystem::path directory, const core::Clock& clock, PinOutboxLimits limits)
    : directory_(std::move(directory)), clock_(clock), limits_(limits) {
  limits_.per_user = std::max<std::size_t>(limits_.per_user, 2);
}

core::Status PinOutbox::make_room(const std::string& stem) {
  std::vector<std::pair<MessageOrder, std::filesystem::path>> own;
  std::size_t total = 0;
  std::error_code error;
  for (std::filesystem::directory_iterator it(directory_, error), end; !error && it != end; it.increment(error)) {
    const std::string name = it->path().filename().string();
    if (name.size() < 4 || name.compare(name.size() - 4, 4, ".txt") != 0) {
      continue;
    }
    ++total;
    if (auto order = message_order(name, stem)) {
      own.emplace_back(*order, it->path());
    }
  }
  if (error) {
    errno = error.value();
    return outbox_error("cannot list " + directory_.string());
  }
  std::sort(own.begin(), own.end());
  // Oldest first, until this user has room for one more.
  for (std::size_t i = 0; i + limits_.per_user <= own.size(); ++i) {
    if (::unlink(own[i].second.c_str()) == 0) {
      --total;
    }
  }
  if (total >= limits_.total) {
    return core::Error{core::ErrorCode::kStoreUnavailable, "PIN outbox: " + directory_.string() + " holds " +
                                                               std::to_string(total) +
                                                               " messages, its limit; nothing is forwarding them"};
  }
  return core::ok_status();
}

core::Result<std::string> PinOutbox::deliver(const core::User& user, std::string_view pin) {
  std::error_code ignored;  // mkdir below reports what matters
  std::filesystem::create_directories(directory_.parent_path(), ignored);
  if (::mkdir(directory_.c_str(), 0700) != 0 && errno != EEXIST) {
    return outbox_error("cannot create " + directory_.string());
  }
  const auto now = date::floor<std::chrono::seconds>(clock_.now());
  const std::string stamp = date::format("%Y%m%dT%H%M%SZ", now);
  const std::string text = message_text(user, pin, date::format("%Y-%m-%dT%H:%M:%SZ", now));
  const std::string user_stem = file_stem(user.user_principal_name);
  const std::string stem = user_stem + "-" + stamp;
  if (auto room = make_room(user_stem); !room) {
    return room.error();
  }

  for (int attempt = 1; attempt <= kMaxNameAttempts; ++attempt) {
    const auto path = directory_ / (stem + (attempt == 1 ? "" : "-" + std::to_string(attempt)) + ".txt");
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0 && errno == EEXIST) {
      continue;
    }
    if (fd < 0) {
      return outbox_error("cannot create " + path.string());
    }
    // The umask can only take bits away; fchmod makes the mode exactly 0600 whatever it is.
    const bool written = ::fchmod(fd, 0600) == 0 && write_all(fd, text) && ::fsync(fd) == 0;
    const int write_errno = errno;
    ::close(fd);
    errno = write_errno;
    if (!written || !sync_directory(directory_)) {
      const core::Error error =
          outbox_error(written ? "cannot sync " + directory_.string() : "cannot write " + path.string());
      ::unlink(path.c_str());
      return error;
    }
    return path.string();
  }
  errno = EEXIST;
  return outbox_error("no free file name for " + stem);
}

void PinOutbox::withdraw(const std::string& receipt) {
  if (::unlink(receipt.c_str()) != 0 || !sync_directory(directory_)) {
    // The file name carries no PIN.
    facade::log_line(facade::LogLevel::kError, "oofgate", "",
                     "could not withdraw PIN message " + receipt + ": " + std::generic_category().message(errno) +
                         " (its PIN never became valid)");
  }
}

}  // namespace oofgate::gateway
