// MS-OXWUMS ResetPIN: a new PIN per the policy, delivered to the user, only its hash stored.
#include <string>

#include "core/directory/password_hasher.h"
#include "soap_test_support.h"

namespace oofgate::testing {
namespace {

constexpr std::string_view kResetPin =
    R"(<ResetPIN xmlns="http://schemas.microsoft.com/exchange/services/2006/messages" />)";
constexpr std::string_view kResetPinResponse =
    R"(<ResetPINResponse xmlns="http://schemas.microsoft.com/exchange/services/2006/messages" />)";

using SoapResetPin = SoapFacadeTest;

TEST_F(SoapResetPin, AnswersEmptyResponseAndStoresOnlyTheHashOfTheDeliveredPin) {
  ASSERT_TRUE(settings_of(core_.adele()).um.pin_hash.empty());

  expect_soap11(post(soap11_request(kResetPin)), http::status::ok, soap11_response(kResetPinResponse));

  const auto deliveries = pins_.deliveries();
  ASSERT_EQ(deliveries.size(), 1U);
  EXPECT_EQ(deliveries[0].user_id, kAdeleId);
  const std::string& pin = deliveries[0].pin;
  EXPECT_EQ(pin.size(), 6U) << "the default policy: six digits";
  EXPECT_EQ(pin.find_first_not_of("0123456789"), std::string::npos) << pin;
  const std::string hash = settings_of(core_.adele()).um.pin_hash;
  EXPECT_TRUE(core::PasswordHasher::is_hash(hash)) << hash;
  EXPECT_EQ(hash.find(pin), std::string::npos);
  EXPECT_TRUE(core::PasswordHasher::verify(pin, hash));
  EXPECT_TRUE(pins_.withdrawn().empty());
}

TEST_F(SoapResetPin, EachResetReplacesTheHash) {
  expect_soap11(post(soap11_request(kResetPin)), http::status::ok, soap11_response(kResetPinResponse));
  const std::string first_hash = settings_of(core_.adele()).um.pin_hash;
  expect_soap11(post(soap11_request(kResetPin)), http::status::ok, soap11_response(kResetPinResponse));
  const std::string second_hash = settings_of(core_.adele()).um.pin_hash;

  EXPECT_NE(first_hash, second_hash);
  const auto deliveries = pins_.deliveries();
  ASSERT_EQ(deliveries.size(), 2U);
  EXPECT_TRUE(core::PasswordHasher::verify(deliveries[1].pin, second_hash));
  if (deliveries[0].pin != deliveries[1].pin) {
    EXPECT_FALSE(core::PasswordHasher::verify(deliveries[0].pin, second_hash)) << "the old PIN no longer works";
  }
}

TEST_F(SoapResetPin, OnlyTheCallersPinChanges) {
  expect_soap11(post(soap11_request(kResetPin), basic(core_.alex())), http::status::ok,
                soap11_response(kResetPinResponse));
  EXPECT_TRUE(settings_of(core_.adele()).um.pin_hash.empty());
  EXPECT_FALSE(settings_of(core_.alex()).um.pin_hash.empty());
  ASSERT_EQ(pins_.deliveries().size(), 1U);
  EXPECT_EQ(pins_.deliveries()[0].user_id, kAlexId);
}

TEST_F(SoapResetPin, UserWithoutUmIsRefusedAndNothingIsDelivered) {
  expect_soap11(post(soap11_request(kResetPin), basic(core_.no_um_user())), http::status::internal_server_error,
                soap11_um_fault("UserNotUmEnabledException", "The user is not enabled for Unified Messaging."));
  EXPECT_TRUE(pins_.deliveries().empty());
  EXPECT_TRUE(settings_of(core_.no_um_user()).um.pin_hash.empty());
}

TEST_F(SoapResetPin, FailedDeliveryChangesNothing) {
  expect_soap11(post(soap11_request(kResetPin)), http::status::ok, soap11_response(kResetPinResponse));
  const std::string before = settings_of(core_.adele()).um.pin_hash;

  pins_.fail_next();
  expect_soap11(
      post(soap11_request(kResetPin)), http::status::internal_server_error,
      soap11_fault("soap:Server", "The mailbox store is temporarily unavailable; nothing was changed. Try again later.",
                   "ServiceUnavailableException"));
  EXPECT_EQ(settings_of(core_.adele()).um.pin_hash, before);
  EXPECT_EQ(pins_.deliveries().size(), 1U);
}

TEST_F(SoapResetPin, ReadOnlyTokenCannotReset) {
  expect_soap11(post(soap11_request(kResetPin), bearer("adele-ro")), http::status::internal_server_error,
                soap11_um_fault("AccessDeniedException", "Access is denied. Check credentials and try again."));
  EXPECT_TRUE(pins_.deliveries().empty());
}

TEST_F(SoapResetPin, ParametersAreASchemaFault) {
  expect_soap11(
      post(soap11_request(
          R"(<ResetPIN xmlns="http://schemas.microsoft.com/exchange/services/2006/messages"><pin>123456</pin></ResetPIN>)")),
      http::status::internal_server_error,
      soap11_fault("soap:Client", "The element &lt;pin&gt; is not a parameter of ResetPIN.",
                   "SchemaValidationException"));
  EXPECT_TRUE(pins_.deliveries().empty());
}

TEST_F(SoapResetPin, Soap12WithMatchingAction) {
  const auto response = post(soap12_request(kResetPin), std::nullopt, kUmPath,
                             "application/soap+xml; charset=utf-8; "
                             "action=\"http://schemas.microsoft.com/exchange/services/2006/messages/ResetPIN\"");
  EXPECT_EQ(response.result(), http::status::ok);
  EXPECT_EQ(response.body(), soap12_response("<soap:Body>" + std::string(kResetPinResponse) + "</soap:Body>"));
  ASSERT_EQ(pins_.deliveries().size(), 1U);
  EXPECT_TRUE(core::PasswordHasher::verify(pins_.deliveries()[0].pin, settings_of(core_.adele()).um.pin_hash));
}

}  // namespace
}  // namespace oofgate::testing
