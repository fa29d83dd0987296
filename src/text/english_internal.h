// Internal to kotae_text: English words as the analyzer and the vocabulary both see them.
//
// The analyzer indexes English words stemmed (Snowball) without function words; the
// vocabulary matches English surface forms on the same stems so that "access is revoked"
// meets the form "revoke access" and "backed-up data" meets "data backup". Thread-safe: each
// thread stems with its own Snowball instance.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

namespace kotae::text::internal {

// English function words (lower case), dropped before stemming.
const std::unordered_set<std::string_view>& EnglishStopWords();

// The Snowball English stem of a lower-case ASCII word; the word itself when it has a digit
// ("sha256", "iso27001") or when the stemmer is unavailable.
std::string StemEnglish(std::string_view word);

}  // namespace kotae::text::internal
