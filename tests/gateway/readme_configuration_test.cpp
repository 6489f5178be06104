// README.md "Configuration" documents every serve option: its table is compared with the option
// table in the code, row by row, so neither can change without the other.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "gateway/config/serve_option_table.h"

namespace oofgate::gateway {
namespace {

// The option rows of the table under "### Configuration" in README.md.
std::vector<std::string> readme_option_rows() {
  std::ifstream readme(std::filesystem::path(OOFGATE_SOURCE_DIR) / "README.md");
  std::vector<std::string> rows;
  bool in_section = false;
  bool in_code = false;  // a '#' there is a comment, not a heading
  for (std::string line; std::getline(readme, line);) {
    if (line.starts_with("```")) {
      in_code = !in_code;
    } else if (line.starts_with("#") && !in_code) {
      in_section = line == "### Configuration";
    } else if (in_section && line.starts_with("| `--")) {
      rows.push_back(line);
    }
  }
  return rows;
}

std::string expected_row(const ServeOptionSpec& option) {
  const std::string name(option.name);
  const std::string default_value =
      option.default_value.empty() ? std::string("—") : "`" + std::string(option.default_value) + "`";
  return "| `--" + name + " " + std::string(option.value_name) + "` | `" + name + "` | `" + environment_name(option) +
         "` | " + default_value + " | " + std::string(option.help) + " |";
}

TEST(ReadmeConfiguration, TheTableListsEveryOptionAsTheCodeDefinesIt) {
  const auto rows = readme_option_rows();
  const auto options = serve_option_table();
  ASSERT_FALSE(rows.empty()) << "README.md has no \"### Configuration\" table";
  for (std::size_t i = 0; i < std::max(rows.size(), options.size()); ++i) {
    const std::string expected = i < options.size() ? expected_row(options[i]) : "(no option)";
    const std::string documented = i < rows.size() ? rows[i] : "(no row)";
    EXPECT_EQ(documented, expected) << "row " << i + 1;
  }
}

}  // namespace
}  // namespace oofgate::gateway
