#include "soap_facade/operations/operation.h"

#include <string>

#include "soap_facade/envelope_writer.h"

namespace oofgate::soap {

bool require_um_enabled(const OperationContext& context, const Reply& reply) {
  if (context.user.um_enabled) {
    return true;
  }
  reply.fault(fault_from_error(core::not_um_enabled_error(), context.invalid_argument_as));
  return false;
}

core::SnapshotCallback answer_empty_on_commit(const OperationContext& context, const Reply& reply) {
  return [reply, name = context.name, ns = context.ns,
          invalid_argument_as = context.invalid_argument_as](core::Result<core::SnapshotPtr> result) {
    // Rendered on the connection's thread, so the committer only commits.
    guarded(reply, [&] {
      facade::run_on_connection(reply.connection(), [reply, name, ns, invalid_argument_as, result = std::move(result)] {
        guarded(reply, [&] {
          if (!result) {
            reply.fault(fault_from_error(result.error(), invalid_argument_as));
            return;
          }
          reply.success(empty_response(name, ns));
        });
      });
    });
  };
}

}  // namespace oofgate::soap
