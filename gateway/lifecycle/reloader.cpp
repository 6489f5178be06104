#include "gateway/lifecycle/reloader.h"

#include "gateway/config/users_file.h"
#include "gateway/tls/tls_context.h"

namespace oofgate::gateway {

std::optional<std::string> Reloader::reload() {
  auto users_file = load_users_file(sources_.users_file);
  if (!users_file) {
    return users_file.error().message;
  }
  auto next = core::DirectoryVersion::create(std::move(users_file.value().users), std::move(users_file.value().tokens));
  if (!next) {
    return "users file " + sources_.users_file + ": " + next.error().message;
  }
  std::shared_ptr<boost::asio::ssl::context> certificate;
  if (tls_ != nullptr) {
    auto context = make_tls_context(sources_.tls_certificate_file, sources_.tls_key_file);
    if (!context) {
      return context.error().message;
    }
    certificate = std::move(context).value();
  }
  // New users' mailboxes must exist before anyone can authenticate as them.
  std::vector<std::string> added;
  for (const auto& user : next.value()->users()) {
    if (directory_.find_user(user.id) == nullptr) {
      added.push_back(user.id);
    }
  }
  if (!added.empty()) {
    if (auto refused = store_.add_mailboxes(added)) {
      return "cannot add " + std::to_string(added.size()) + " new mailboxes: " + refused->message;
    }
  }
  directory_.publish(std::move(next).value());
  if (jwt_ != nullptr) {
    jwt_->forget_verified_tokens();
  }
  if (certificate) {
    tls_->replace(std::move(certificate));
  }
  return std::nullopt;
}

}  // namespace oofgate::gateway
