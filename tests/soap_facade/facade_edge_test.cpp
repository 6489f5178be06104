// The facade's two single points: the core-error -> fault mapping and the catch-all; plus a
// store that cannot commit (nothing applied, soap:Server).
#include <stdexcept>
#include <string>

#include "soap_facade/fault.h"
#include "soap_facade/reply.h"
#include "soap_test_support.h"

namespace oofgate::testing {
namespace {

using soap::ExceptionType;
using soap::FaultCode;

struct Mapped {
  core::ErrorCode code;
  FaultCode fault_code;
  ExceptionType exception;
  bool exception_as_code;
};

TEST(SoapFaultMapping, EveryCoreErrorHasOneFault) {
  const Mapped table[] = {
      {core::ErrorCode::kInvalidArgument, FaultCode::kClient, ExceptionType::kInvalidPhoneNumber, true},
      {core::ErrorCode::kInvalidTimeSettings, FaultCode::kClient, ExceptionType::kInvalidPhoneNumber, true},
      {core::ErrorCode::kInvalidTimeZone, FaultCode::kClient, ExceptionType::kInvalidPhoneNumber, true},
      {core::ErrorCode::kInvalidScheduledDuration, FaultCode::kClient, ExceptionType::kInvalidPhoneNumber, true},
      {core::ErrorCode::kUserNotFound, FaultCode::kClient, ExceptionType::kAccessDenied, true},
      {core::ErrorCode::kAccessDenied, FaultCode::kClient, ExceptionType::kAccessDenied, true},
      {core::ErrorCode::kDelegatedOnly, FaultCode::kClient, ExceptionType::kAccessDenied, true},
      {core::ErrorCode::kNotUmEnabled, FaultCode::kClient, ExceptionType::kUserNotUmEnabled, true},
      {core::ErrorCode::kNotSupported, FaultCode::kClient, ExceptionType::kNotSupported, true},
      {core::ErrorCode::kStoreUnavailable, FaultCode::kServer, ExceptionType::kServiceUnavailable, false},
      {core::ErrorCode::kInternal, FaultCode::kServer, ExceptionType::kInternalServerError, false},
  };
  for (const Mapped& row : table) {
    const soap::Fault fault =
        soap::fault_from_error(core::Error{row.code, "core says"}, ExceptionType::kInvalidPhoneNumber);
    EXPECT_EQ(fault.code, row.fault_code) << static_cast<int>(row.code);
    EXPECT_EQ(fault.exception, row.exception) << static_cast<int>(row.code);
    EXPECT_EQ(fault.exception_as_code, row.exception_as_code) << static_cast<int>(row.code);
  }
}

TEST(SoapFaultMapping, InternalAndStoreDetailNeverReachTheClient) {
  for (core::ErrorCode code : {core::ErrorCode::kInternal, core::ErrorCode::kStoreUnavailable}) {
    const soap::Fault fault = soap::fault_from_error(core::Error{code, "sqlite: disk I/O error at /var/lib/x"},
                                                     ExceptionType::kInvalidArgument);
    EXPECT_EQ(fault.reason.find("sqlite"), std::string::npos);
  }
}

TEST(SoapCatchAll, ExceptionBecomesAGenericServerFaultSentOnce) {
  int calls = 0;
  soap::HttpResponse answer;
  const soap::Reply reply(
      [&](soap::HttpResponse response) {
        ++calls;
        answer = std::move(response);
      },
      soap::SoapVersion::k11);
  soap::guarded(reply, [] { throw std::runtime_error("secret internals"); });
  soap::guarded(reply, [&] { reply.success("<late />"); });
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(answer.result(), http::status::internal_server_error);
  EXPECT_EQ(answer.body(), soap11_fault("soap:Server", "An internal server error occurred. The operation failed.",
                                        "InternalServerErrorException"));
}

TEST(SoapCatchAll, ExceptionAfterTheAnswerIsOnlyLogged) {
  int calls = 0;
  const soap::Reply reply([&](soap::HttpResponse) { ++calls; }, soap::SoapVersion::k11);
  soap::guarded(reply, [&] {
    reply.success("<ok />");
    throw std::logic_error("after the fact");
  });
  EXPECT_EQ(calls, 1);
}

// A backend whose disk is gone: every commit fails, so nothing is published.
class UnavailableBackend final : public core::PersistenceBackend {
 public:
  core::Result<std::vector<core::StoredMailbox>> load_all() override { return std::vector<core::StoredMailbox>{}; }
  core::Status commit(const std::vector<core::StoredMailbox>&) override {
    return core::Error{core::ErrorCode::kStoreUnavailable, "disk I/O error in /var/lib/oofgate/store.db"};
  }
};

TEST(SoapStoreFailure, UnavailableStoreIsAServerFaultAndChangesNothing) {
  CoreFixture fixture;
  std::vector<std::string> ids;
  for (const auto& user : fixture.directory->users()) {
    ids.push_back(user.id);
  }
  auto store = std::move(core::CachedStore::open(std::make_unique<UnavailableBackend>(), ids, [&](const std::string&) {
                 return core::default_settings(fixture.clock.now());
               })).value();
  core::MailboxService service(*fixture.directory, *store, fixture.clock, fixture.zones);
  soap::SoapFacade facade(service);

  soap::HttpRequest request{http::verb::post, std::string(kUmPath), 11};
  request.set(http::field::content_type, kSoap11Type);
  request.body() = soap11_request(
      R"(<SetOofStatus xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"><status>true</status></SetOofStatus>)");
  request.prepare_payload();
  core::PermissionSet permissions;
  permissions.add(core::Permission::kMailboxSettingsReadWrite);
  const core::Caller caller{core::CredentialScheme::kBasic,
                            core::Principal{core::PrincipalKind::kDelegated, &fixture.adele(), permissions}};
  std::promise<soap::HttpResponse> promise;
  facade.handle(facade::describe_request(request, caller),
                [&](soap::HttpResponse response) { promise.set_value(std::move(response)); });
  const auto response = promise.get_future().get();

  EXPECT_EQ(response.result(), http::status::internal_server_error);
  EXPECT_EQ(
      response.body(),
      soap11_fault("soap:Server", "The mailbox store is temporarily unavailable; nothing was changed. Try again later.",
                   "ServiceUnavailableException"));
  SnapshotWaiter waiter;
  service.read(fixture.adele(), waiter.callback());
  EXPECT_EQ(waiter.get().value()->settings.automatic_replies.state, core::OofState::kDisabled);
}

}  // namespace
}  // namespace oofgate::testing
