#pragma once

#include <boost/asio/basic_stream_socket.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

namespace oofgate::gateway {

// A TCP socket bound to its io_context's own executor type, not the type-erased any_io_executor:
// every asynchronous operation copies its executor, and the erased one costs a call and often an
// allocation each time (measured at 4% of a cached GET).
using Socket = boost::asio::basic_stream_socket<boost::asio::ip::tcp, boost::asio::io_context::executor_type>;

}  // namespace oofgate::gateway
