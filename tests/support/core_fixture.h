#pragma once

#include <chrono>
#include <future>
#include <memory>
#include <vector>

#include "core/directory/directory.h"
#include "core/service/default_settings.h"
#include "core/service/mailbox_service.h"
#include "core/store/cached_store.h"
#include "core/time/clock.h"
#include "core/time/time_zone_db.h"

namespace oofgate::testing {

// Fixed identities used across facade and core tests.
inline constexpr const char* kAdeleId = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";
inline constexpr const char* kAdeleUpn = "adele@contoso.com";
inline constexpr const char* kAdelePassword = "Adele-Pa55";
inline constexpr const char* kAlexId = "2b7a1d65-1f3c-4e1b-9a0f-0c3b5e2d7a91";
inline constexpr const char* kAlexUpn = "alex@contoso.com";
inline constexpr const char* kAlexPassword = "Alex-Pa55";
inline constexpr const char* kNoUmId = "5c0d6a7e-8b1f-4c2d-9e3a-4f5b6c7d8e9f";
inline constexpr const char* kNoUmUpn = "nora@contoso.com";

// 2030-01-15T12:00:00Z: far enough ahead that "future" windows in tests stay future.
inline core::Instant fixed_now() {
  using namespace std::chrono;
  return core::Instant{duration_cast<core::Ticks>(sys_days{year{2030} / 1 / 15}.time_since_epoch() + 12h)};
}

// A complete core (directory, clock, time zones, in-memory store, service) for tests.
struct CoreFixture {
  CoreFixture() : clock(fixed_now()) {
    std::vector<core::User> users = {
        {kAdeleId, kAdeleUpn, "Adele Vance", kAdelePassword, true},
        {kAlexId, kAlexUpn, "Alex Wilber", kAlexPassword, true},
        {kNoUmId, "nora@contoso.com", "Nora Noum", "Nora-Pa55", false},
    };
    core::PermissionSet read;
    read.add(core::Permission::kMailboxSettingsRead);
    core::PermissionSet read_write;
    read_write.add(core::Permission::kMailboxSettingsReadWrite);
    core::PermissionSet user_read;
    user_read.add(core::Permission::kUserRead);
    std::vector<core::TokenGrant> tokens = {
        {"adele-rw", core::PrincipalKind::kDelegated, kAdeleUpn, read_write},
        {"adele-ro", core::PrincipalKind::kDelegated, kAdeleUpn, read},
        {"alex-rw", core::PrincipalKind::kDelegated, kAlexUpn, read_write},
        {"app-rw", core::PrincipalKind::kApplication, "", read_write},
        {"app-ro", core::PrincipalKind::kApplication, "", read},
        {"adele-user-read", core::PrincipalKind::kDelegated, kAdeleUpn, user_read},
    };
    directory = std::move(core::Directory::create(std::move(users), std::move(tokens))).value();
    std::vector<std::string> ids;
    for (const auto& user : directory->users()) {
      ids.push_back(user.id);
    }
    store = std::move(core::CachedStore::open(std::make_unique<core::NullBackend>(), ids, [this](const std::string&) {
              return core::default_settings(clock.now());
            })).value();
    service = std::make_unique<core::MailboxService>(*directory, *store, clock, zones);
  }

  const core::User& adele() const { return *directory->find_user(kAdeleId); }
  const core::User& alex() const { return *directory->find_user(kAlexId); }
  const core::User& no_um_user() const { return *directory->find_user(kNoUmId); }

  core::Principal principal(const char* token) const { return *directory->authenticate_bearer(token); }

  core::FixedClock clock;
  core::TimeZoneDb zones;
  std::unique_ptr<core::Directory> directory;
  std::unique_ptr<core::CachedStore> store;
  std::unique_ptr<core::MailboxService> service;
};

// Blocks until a store callback fires; store callbacks may arrive on the committer thread.
class SnapshotWaiter {
 public:
  core::SnapshotCallback callback() {
    return [this](core::Result<core::SnapshotPtr> result) { promise_.set_value(std::move(result)); };
  }
  core::Result<core::SnapshotPtr> get() { return promise_.get_future().get(); }

 private:
  std::promise<core::Result<core::SnapshotPtr>> promise_;
};

}  // namespace oofgate::testing
