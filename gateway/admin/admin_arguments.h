#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/result.h"

namespace oofgate::gateway {

// The `--name value` and `--flag` arguments of one admin subcommand, checked against what it
// takes: an unknown or repeated option, or a missing value, is a usage error.
class AdminArguments {
 public:
  static core::Result<AdminArguments> parse(const std::vector<std::string>& args, const std::set<std::string>& valued,
                                            const std::set<std::string>& flags);

  bool has(const std::string& name) const { return values_.count(name) != 0; }
  // The value of a valued option; empty if absent.
  std::string value(const std::string& name) const;

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace oofgate::gateway
