#pragma once

#include <functional>

#include <boost/beast/http.hpp>

#include "core/directory/directory.h"
#include "rest_facade/rest_facade.h"
#include "soap_facade/soap_facade.h"

namespace oofgate::gateway {

namespace http = boost::beast::http;
using HttpRequest = http::request<http::string_body>;
using HttpResponse = http::response<http::string_body>;
using Respond = std::function<void(HttpResponse)>;

// The gateway's request handler: extracts credentials, routes by media type (then path) and
// hands the request to the facade that speaks the client's protocol. Knows no XML or JSON.
class RequestDispatcher {
 public:
  RequestDispatcher(const core::Directory& directory, soap::SoapFacade& soap, rest::RestFacade& rest)
      : directory_(directory), soap_(soap), rest_(rest) {}

  // Calls respond exactly once, possibly from a store thread.
  void dispatch(const HttpRequest& request, Respond respond);

 private:
  const core::Directory& directory_;
  soap::SoapFacade& soap_;
  rest::RestFacade& rest_;
};

}  // namespace oofgate::gateway
