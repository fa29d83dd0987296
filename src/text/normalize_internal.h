// Internal to kotae_text: normalisation that remembers where every output byte came from.
//
// The analyzer needs token offsets in the caller's original text, but tokenises the
// normalised text, and NFKC changes lengths (「ＭＦＡ」 is 9 bytes, "mfa" is 3). Stateless,
// thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kotae::text::internal {

struct NormalizedText {
  std::string text;  // exactly what Normalize() returns for the same input
  // For every byte of `text`: the original byte span it was produced from. A normalised
  // code point produced by a multi-character change (composition, ligature expansion) maps
  // to the whole original span of that change.
  std::vector<std::uint32_t> orig_begin;
  std::vector<std::uint32_t> orig_end;
};

// `with_offsets` false leaves the two vectors empty (Normalize() uses this).
NormalizedText NormalizeWithOffsets(std::string_view input, bool with_offsets = true);

// True if `s` is well-formed UTF-8 (no surrogates, no overlong forms). Normalisation
// replaces each maximal ill-formed subpart with U+FFFD, so its output always passes.
bool IsValidUtf8(std::string_view s);

}  // namespace kotae::text::internal
