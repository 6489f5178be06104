#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace oofgate::facade {

// Appends `value` (valid UTF-8) as a JSON string literal, quotes included. Text that needs no
// escaping (ids, URLs, most log fields) is copied in one piece; only '"', '\\' and control
// characters are escaped. Written by hand for the hot paths that build JSON by concatenation
// (Graph bodies joined from cached parts, access-log lines); documents go through RapidJSON.
void append_json_string(std::string& out, std::string_view value);

// The most bytes write_json_string writes for a value of `size` bytes (every byte a \u00XX).
constexpr std::size_t json_string_bound(std::size_t size) { return 6 * size + 2; }

// The same literal written at `out`, which has room for json_string_bound(value.size()) bytes;
// returns the end of what was written. For a line built in a buffer sized once (the access log).
char* write_json_string(char* out, std::string_view value);

// write_json_string for text that may not be UTF-8 (a log field a client chose): checks the
// encoding in the same pass, eight plain ASCII bytes at a time; nullptr when `value` is not
// well-formed UTF-8, and then what was written at `out` is to be discarded.
char* write_json_string_if_utf8(char* out, std::string_view value);

namespace detail {

// Whether any of the eight bytes in `word` is one write_json_string_if_utf8 must look at: a
// control character, '"', '\\' or a byte of a multi-byte sequence (the classic bit tricks: a
// byte below n borrows into its top bit when n is subtracted; a byte equal to c is zero after
// xor with c). Exact for the word as a whole, which is all the callers ask.
inline bool has_special_byte(std::uint64_t word) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kTops = 0x8080808080808080ULL;
  const auto below = [](std::uint64_t x, std::uint64_t n) { return (x - kOnes * n) & ~x & kTops; };
  const auto equal = [&below](std::uint64_t x, std::uint64_t c) { return below(x ^ (kOnes * c), 1); };
  return ((word & kTops) | below(word, 0x20) | equal(word, '"') | equal(word, '\\')) != 0;
}

// Sixteen bytes as one SSE2 (or NEON) register: GCC's and Clang's vector extension, so the
// compiler picks the instructions and no intrinsics header ties this to one architecture.
using Bytes16 = unsigned char __attribute__((vector_size(16)));

// has_special_byte for sixteen bytes at once.
inline bool has_special_byte(Bytes16 bytes) {
  const auto special = (bytes < 0x20) | (bytes == '"') | (bytes == '\\') | (bytes >= 0x80);
  std::array<std::uint64_t, 2> halves{};
  static_assert(sizeof halves == sizeof special);
  std::memcpy(halves.data(), &special, sizeof halves);
  return (halves[0] | halves[1]) != 0;
}

}  // namespace detail

// Copies `value` to `out` when it is plain ASCII with nothing to escape, checking and copying in
// one pass; returns the end of the copy, or nullptr (and what was written at `out` is to be
// discarded) when `value` needs write_json_string_if_utf8. `out` has room for value.size() +
// kPlainCopySlack bytes: a value shorter than a word is stored as a whole word. Inline, because
// an access line copies seven short fields this way and a call per field cost as much as the
// copies (sixteen bytes at a time from 16 on, the last piece overlapping the one before it, so
// an id of 36 bytes is three checked moves).
constexpr std::size_t kPlainCopySlack = 8;
inline char* copy_if_plain(char* out, std::string_view value) {
  const char* const text = value.data();
  const std::size_t size = value.size();
  if (size >= sizeof(detail::Bytes16)) {
    constexpr std::size_t kPiece = sizeof(detail::Bytes16);
    detail::Bytes16 piece;
    for (std::size_t at = 0; at + kPiece < size; at += kPiece) {
      std::memcpy(&piece, text + at, kPiece);
      if (detail::has_special_byte(piece)) {
        return nullptr;
      }
      std::memcpy(out + at, &piece, kPiece);
    }
    std::memcpy(&piece, text + size - kPiece, kPiece);
    if (detail::has_special_byte(piece)) {
      return nullptr;
    }
    std::memcpy(out + size - kPiece, &piece, kPiece);
    return out + size;
  }
  constexpr std::size_t kWord = sizeof(std::uint64_t);
  static_assert(kPlainCopySlack >= kWord);
  std::uint64_t first = 0x2020202020202020ULL;  // a short value is padded with plain spaces
  if (size < kWord) {
    if (size != 0) {  // an empty view's data may be null, which memcpy must not be given
      std::memcpy(&first, text, size);
    }
    if (detail::has_special_byte(first)) {
      return nullptr;
    }
    std::memcpy(out, &first, kWord);  // the padding lands in the slack
    return out + size;
  }
  // Eight to fifteen bytes: two words, the second overlapping the first.
  std::uint64_t last = 0;
  std::memcpy(&first, text, kWord);
  std::memcpy(&last, text + size - kWord, kWord);
  if (detail::has_special_byte(first) || detail::has_special_byte(last)) {
    return nullptr;
  }
  std::memcpy(out, &first, kWord);
  std::memcpy(out + size - kWord, &last, kWord);
  return out + size;
}

}  // namespace oofgate::facade
