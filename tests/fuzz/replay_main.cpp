// Runs the fuzz target over every file of the given directories (its seed corpus and its kept
// findings, regressions/<target>/), without libFuzzer, so the target is built and its inputs are
// exercised by every compiler and in every ctest run. A directory that does not exist is
// skipped (a target may have no findings yet); no input at all is a failure. Each input's name
// is printed before it runs, so a failing replay names its input.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
  std::size_t inputs = 0;
  for (int i = 1; i < argc; ++i) {
    if (!std::filesystem::is_directory(argv[i])) {
      std::cout << "skipping " << argv[i] << " (no such directory)\n";
      continue;
    }
    // Sorted, so a replay runs in the same order on every machine (the facades keep state).
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(argv[i])) {
      if (entry.is_regular_file()) {
        files.push_back(entry.path());
      }
    }
    std::sort(files.begin(), files.end());
    for (const auto& path : files) {
      std::cout << path.string() << std::endl;
      std::ifstream file(path, std::ios::binary);
      const std::vector<char> bytes{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
      LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
      ++inputs;
    }
  }
  std::cout << "replayed " << inputs << " inputs\n";
  return inputs > 0 ? 0 : 1;
}
