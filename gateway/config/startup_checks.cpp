#include "gateway/config/startup_checks.h"

#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <system_error>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

namespace oofgate::gateway {
namespace {

core::Error startup_error(const std::string& message) {
  return core::Error{core::ErrorCode::kStoreUnavailable, message};
}

}  // namespace

core::Result<std::string> resolve_listen_host(const std::string& host) {
  boost::system::error_code error;
  const auto address = boost::asio::ip::make_address(host, error);
  if (!error) {
    return address.to_string();
  }
  boost::asio::io_context io;
  boost::asio::ip::tcp::resolver resolver(io);
  const auto results = resolver.resolve(host, "", boost::asio::ip::resolver_base::passive, error);
  if (error || results.empty()) {
    return core::Error{core::ErrorCode::kInvalidArgument,
                       "--listen: cannot resolve host '" + host + "': " + (error ? error.message() : "no address")};
  }
  return results.begin()->endpoint().address().to_string();
}

core::Status check_data_dir(const std::string& dir, bool sqlite) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::create_directories(dir, error);
  if (error) {
    return startup_error("cannot create data directory " + dir + ": " + error.message());
  }
  if (!fs::is_directory(dir, error)) {
    return startup_error("data directory " + dir + " is not a directory");
  }
  if (::access(dir.c_str(), W_OK | X_OK) != 0) {
    return startup_error("data directory " + dir + " is not writable: " + std::generic_category().message(errno));
  }
  const std::string database = (fs::path(dir) / "oofgate.sqlite3").string();
  if (sqlite && ::access(database.c_str(), F_OK) == 0 && ::access(database.c_str(), R_OK | W_OK) != 0) {
    return startup_error("database " + database + " is read-only: " + std::generic_category().message(errno));
  }
  const std::string outbox = (fs::path(dir) / "outbox").string();
  if (::access(outbox.c_str(), F_OK) == 0 && ::access(outbox.c_str(), W_OK | X_OK) != 0) {
    return startup_error("PIN outbox " + outbox + " is not writable: " + std::generic_category().message(errno));
  }
  return core::ok_status();
}

}  // namespace oofgate::gateway
