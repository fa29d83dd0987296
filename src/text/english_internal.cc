#include "text/english_internal.h"

#include <libstemmer.h>

#include <algorithm>
#include <memory>

namespace kotae::text::internal {

// Kept short and explicit (rather than a library's list) so that the index's vocabulary is
// visible in one place.
const std::unordered_set<std::string_view>& EnglishStopWords() {
  static const auto* const words = new std::unordered_set<std::string_view>{
      "a",     "about",   "above",  "after", "again",   "all",     "also",   "am",      "an",
      "and",   "any",     "are",    "as",    "at",      "be",      "been",   "before",  "being",
      "below", "between", "both",   "but",   "by",      "can",     "could",  "did",     "do",
      "does",  "doing",   "during", "each",  "etc",     "for",     "from",   "further", "had",
      "has",   "have",    "having", "he",    "her",     "here",    "hers",   "him",     "his",
      "how",   "i",       "if",     "in",    "into",    "is",      "it",     "its",     "itself",
      "just",  "may",     "me",     "might", "more",    "most",    "must",   "my",      "of",
      "on",    "once",    "only",   "or",    "other",   "our",     "ours",   "out",     "over",
      "own",   "please",  "s",      "same",  "shall",   "she",     "should", "so",      "some",
      "such",  "t",       "than",   "that",  "the",     "their",   "theirs", "them",    "then",
      "there", "these",   "they",   "this",  "those",   "through", "to",     "too",     "under",
      "until", "up",      "upon",   "us",    "very",    "was",     "we",     "were",    "what",
      "when",  "where",   "which",  "while", "who",     "whom",    "why",    "will",    "with",
      "would", "you",     "your",   "yours", "yourself"};
  return *words;
}

namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

}  // namespace

std::string StemEnglish(std::string_view word) {
  if (std::any_of(word.begin(), word.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
    return std::string(word);
  }
  // One Snowball instance per thread: an instance keeps state between calls.
  thread_local const std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(
      sb_stemmer_new("english", nullptr));
  if (!stemmer) return std::string(word);
  const sb_symbol* stemmed =
      sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                      static_cast<int>(word.size()));
  if (stemmed == nullptr) return std::string(word);
  return std::string(reinterpret_cast<const char*>(stemmed),
                     static_cast<std::size_t>(sb_stemmer_length(stemmer.get())));
}

}  // namespace kotae::text::internal
