#include "soap_facade/operations/handlers.h"
#include "soap_facade/operations/parameters.h"

namespace oofgate::soap {

// MS-OXWUMS: SetTelephoneAccessFolderEmail/base64FolderId (xs:string) -> empty response.
void handle_set_telephone_access_folder_email(const OperationContext& context, const Reply& reply) {
  auto parameters = Parameters::read(context, {{"base64FolderId", "base64FolderID"}});
  if (auto* fault = std::get_if<Fault>(&parameters)) {
    reply.fault(*fault);
    return;
  }
  auto folder = std::get<Parameters>(parameters).required_text("base64FolderId");
  if (auto* fault = std::get_if<Fault>(&folder)) {
    reply.fault(*fault);
    return;
  }
  context.service.set_telephone_access_folder_email(context.user, std::move(std::get<std::string>(folder)),
                                                    answer_empty_on_commit(context, reply));
}

}  // namespace oofgate::soap
