#pragma once

#include <string_view>
#include <variant>

#include "core/model/mailbox_settings_patch.h"
#include "rest_facade/graph_error.h"
#include "rest_facade/json/json_limits.h"
#include "rest_facade/json/mailbox_members.h"

namespace oofgate::rest {

// A PATCH body turned into a core patch, plus the top-level members it named (the PATCH
// response renders exactly those, after the merge).
struct ParsedPatch {
  core::MailboxSettingsPatch patch;
  MemberSet members;
};

// Graph: PATCH mailboxSettings body. Read-only members (archiveFolder, userPurpose) are accepted
// and ignored, because clients send back bodies they got from a GET. The body is parsed within
// `limits` (see parse_json_body); the facade passes the configured ones.
std::variant<ParsedPatch, GraphError> read_mailbox_settings_patch(std::string_view body, const JsonLimits& limits = {});

}  // namespace oofgate::rest
