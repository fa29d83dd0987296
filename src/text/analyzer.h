// Text analysis: normalisation and tokenisation for Japanese and English check-sheet text.
//
// Normalize() applies ICU NFKC with case folding (full-width ASCII becomes ASCII, half-width
// katakana becomes full-width, "MFA" becomes "mfa"). Analyzer::Analyze() splits text into
// index terms: MeCab words for Japanese (content words, base forms), Snowball-stemmed English
// words without stop words, and character bigrams over runs of kanji/katakana so that
// unknown compounds still match. Every token keeps the byte offsets of the span it came from
// in the ORIGINAL (un-normalised) input, so evidence can be highlighted.
//
// An Analyzer owns its MeCab tagger and stemmer. It is not thread-safe: use one per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace kotae::text {

// Name and version of the analysis chain; recorded with every index so that an index built
// by an older chain is never queried with a newer one.
inline constexpr std::string_view kAnalyzerVersion = "kotae-analyzer/1";

// NFKC + case folding + whitespace runs collapsed to one ASCII space. Invalid UTF-8 is
// replaced with U+FFFD rather than rejected.
std::string Normalize(std::string_view text);

enum class TokenKind : std::uint8_t {
  kWord,    // a MeCab word or a stemmed English word
  kBigram,  // two adjacent CJK characters (fallback for unknown words)
};

struct Token {
  std::string term;     // normalised (and for English, stemmed) form
  std::uint32_t begin;  // byte offset in the original input
  std::uint32_t end;    // one past the last byte in the original input
  TokenKind kind;
};

struct AnalyzerOptions {
  bool words = true;    // emit kWord tokens
  bool bigrams = true;  // emit kBigram tokens for CJK runs
  // MeCab dictionary directory; empty = MeCab's default (mecabrc).
  std::string mecab_dicdir;
};

class Analyzer {
 public:
  // Fails (kInternal) if MeCab or its dictionary cannot be loaded.
  static Result<std::unique_ptr<Analyzer>> Create(const AnalyzerOptions& options = {});
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  std::vector<Token> Analyze(std::string_view text);

 private:
  struct Impl;
  explicit Analyzer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kotae::text
