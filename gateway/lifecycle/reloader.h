#pragma once

#include <optional>
#include <string>

#include "core/directory/directory.h"
#include "core/store/mailbox_store.h"
#include "gateway/auth/jwt_verifier.h"
#include "gateway/tls/reloadable_tls_context.h"

namespace oofgate::gateway {

// Where SIGHUP reloads the configuration from: the files serve was started with.
struct ReloadSources {
  std::string users_file;
  std::string tls_certificate_file;  // empty: plain HTTP, nothing to reload
  std::string tls_key_file;
};

// What SIGHUP replaces while connections stay open: the users and tokens, and the TLS certificate
// and key. Everything is read and validated before anything changes, so a reload either applies
// completely or not at all.
class Reloader {
 public:
  // `tls` and `jwt` may be null (plain HTTP; no JWT support configured).
  Reloader(ReloadSources sources, core::Directory& directory, core::MailboxStore& store, ReloadableTlsContext* tls,
           const JwtVerifier* jwt)
      : sources_(std::move(sources)), directory_(directory), store_(store), tls_(tls), jwt_(jwt) {}

  // Runs on the signal thread (hashing plain-text passwords takes a while; no I/O thread waits).
  // Returns the one-line reason the reload was refused, or nullopt when it applied.
  std::optional<std::string> reload();

 private:
  ReloadSources sources_;
  core::Directory& directory_;
  core::MailboxStore& store_;
  ReloadableTlsContext* tls_;
  const JwtVerifier* jwt_;
};

}  // namespace oofgate::gateway
