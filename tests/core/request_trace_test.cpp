#include <gtest/gtest.h>

#include <cstddef>
#include <string>

#include "core/service/request_trace.h"

namespace oofgate::core {
namespace {

RequestTrace filled_trace() {
  RequestTrace trace;
  trace.subject = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";
  trace.facade = "graph";
  trace.operation = "UpdateMailboxSettings";
  trace.mailbox = "0c3a9e41-5b1f-4c7e-9d2a-6f8b0e1d2c3b";
  trace.request_id = "6f1c2d3e4a5b6c7d8e9f0a1b2c3d4e5f";
  trace.client_request_id = "a client's own id, longer than a short string";
  trace.auth_failure = "bearer credentials were refused";
  return trace;
}

TEST(RequestTrace, ClearEmptiesEveryField) {
  RequestTrace trace = filled_trace();
  trace.clear();
  for (const std::string* field : {&trace.subject, &trace.facade, &trace.operation, &trace.mailbox, &trace.request_id,
                                   &trace.client_request_id, &trace.auth_failure}) {
    EXPECT_TRUE(field->empty()) << *field;
  }
}

TEST(RequestTrace, ClearKeepsEachFieldsCapacityForTheNextRequest) {
  RequestTrace trace = filled_trace();
  const std::size_t subject_capacity = trace.subject.capacity();
  const std::size_t client_id_capacity = trace.client_request_id.capacity();
  trace.clear();
  EXPECT_EQ(trace.subject.capacity(), subject_capacity);
  EXPECT_EQ(trace.client_request_id.capacity(), client_id_capacity);
}

}  // namespace
}  // namespace oofgate::core
