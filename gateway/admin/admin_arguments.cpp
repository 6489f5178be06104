#include "gateway/admin/admin_arguments.h"

namespace oofgate::gateway {

core::Result<AdminArguments> AdminArguments::parse(const std::vector<std::string>& args,
                                                   const std::set<std::string>& valued,
                                                   const std::set<std::string>& flags) {
  AdminArguments parsed;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& name = args[i];
    const bool takes_value = valued.count(name) != 0;
    if (!takes_value && flags.count(name) == 0) {
      return core::Error{core::ErrorCode::kInvalidArgument, "unknown option '" + name + "'"};
    }
    if (parsed.values_.count(name) != 0) {
      return core::Error{core::ErrorCode::kInvalidArgument, name + " given twice"};
    }
    if (takes_value && i + 1 >= args.size()) {
      return core::Error{core::ErrorCode::kInvalidArgument, name + " needs a value"};
    }
    parsed.values_[name] = takes_value ? args[++i] : std::string();
  }
  return parsed;
}

std::string AdminArguments::value(const std::string& name) const {
  const auto it = values_.find(name);
  return it == values_.end() ? std::string() : it->second;
}

}  // namespace oofgate::gateway
