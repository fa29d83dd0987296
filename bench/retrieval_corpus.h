// A deterministic, synthetic library of security check-sheet answers and questions asked
// against it, for the retrieval benchmark.
//
// Each entry is built from one (topic, aspect, scope) triple drawn from a few hundred
// Japanese and English fragments (多要素認証 / multi-factor authentication, 保管期間 /
// retention period, 本番環境 / production environment, …) and one of several sentence
// templates; about 70% of entries are Japanese. A question is a re-wording of one entry's
// triple with a different template, so the benchmark can report, besides speed, how often a
// system ranks an entry with the same triple first (a rough, synthetic sanity figure, not
// the product's quality measure: that is ../shared/eval).
//
// Plain data, no shared state: safe to use from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kotae::bench {

struct SyntheticEntry {
  std::string question;
  std::string answer;
  std::uint32_t key;  // the (language, topic, aspect, scope) it was built from
};

struct SyntheticQuestion {
  std::string text;
  std::uint32_t key;  // entries with this key answer it
};

struct SyntheticCorpus {
  std::vector<SyntheticEntry> library;
  std::vector<SyntheticQuestion> questions;
};

// Same arguments, same corpus, on every platform (own generator, no std distributions,
// whose output the standard leaves to the implementation).
SyntheticCorpus MakeSyntheticCorpus(size_t num_entries, size_t num_questions, std::uint64_t seed);

}  // namespace kotae::bench
