// In-memory inverted index with field-weighted BM25 (BM25F) scoring.
//
// Documents are added as analysed terms per field (question, section, answer, passage, …;
// the caller defines fields by number). Build() freezes the index into compact posting lists.
// Search() scores a weighted bag of query terms and returns the top k documents.
//
// Scoring (BM25F, Robertson & Zaragoza 2009): for each term t, the field-weighted, length-
// normalised term frequency
//   tf~(t,d) = sum_f w_f * tf(t,d,f) / (1 - b_f + b_f * len(d,f) / avglen(f))
// is saturated as tf~ / (k1 + tf~) * (k1 + 1) and multiplied by
//   idf(t) = ln(1 + (N - df(t) + 0.5) / (df(t) + 0.5))
// and by the query term's weight. All parameters live in Bm25fParams.
//
// A field whose weight is 0 contributes nothing; a document whose tf~ is 0 for every query
// term (no query term in a weighted field) is never returned. Query terms the index does not
// know are ignored; a term given twice counts once with the sum of its weights, and a term
// whose summed weight is not positive is ignored.
//
// Layout after Build(): a term dictionary (hash map term -> id) and, per term, a posting list
// of ascending doc ids with one 8-bit tf per field (saturating at 255: at k1 = 1.2 the
// saturated tf of 255 and of 10,000 differ by under 0.5%), stored flat (CSR) so a list is two
// contiguous arrays; per document, the length (term count) of each field.
//
// An IndexBuilder is single-threaded. A built Index is immutable; Search() and Score() are
// const and safe to call from many threads at once (Search() keeps a per-thread scratch
// accumulator).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kotae::index {

inline constexpr int kMaxFields = 8;

// Defaults are the usual Okapi BM25 values (k1 = 1.2, b = 0.75; Robertson & Zaragoza, "The
// Probabilistic Relevance Framework: BM25 and Beyond", 2009, section 3.4) with every field
// weighted 1. k1 >= 0, b in [0, 1], weight >= 0 (0 switches the field off).
struct Bm25fParams {
  float k1 = 1.2f;
  float b[kMaxFields] = {0.75f, 0.75f, 0.75f, 0.75f, 0.75f, 0.75f, 0.75f, 0.75f};
  float weight[kMaxFields] = {1, 1, 1, 1, 1, 1, 1, 1};
};

struct QueryTerm {
  std::string term;
  float weight = 1.0f;
};

struct Hit {
  std::uint32_t doc;
  float score;
};

class Index;

class IndexBuilder {
 public:
  // num_fields is clamped to [1, kMaxFields].
  explicit IndexBuilder(int num_fields);
  ~IndexBuilder();
  // Adds the next document; returns its id (0, 1, 2, … in order of addition).
  // fields[f] are the terms of field f (repeats count as term frequency); fields beyond
  // num_fields are ignored, missing ones are empty.
  std::uint32_t Add(const std::vector<std::vector<std::string>>& fields);
  // Freezes what was added into an Index and leaves the builder empty.
  std::unique_ptr<Index> Build();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

class Index {
 public:
  ~Index();
  std::uint32_t num_docs() const;
  int num_fields() const;
  // Number of documents containing `term` in any field.
  std::uint32_t DocFreq(std::string_view term) const;
  // Top-k documents by BM25F, best first; ties broken by smaller doc id. Documents with no
  // query term are never returned.
  std::vector<Hit> Search(const std::vector<QueryTerm>& query, size_t k,
                          const Bm25fParams& params) const;
  // Score of one document (same formula), for explanations and tests.
  float Score(const std::vector<QueryTerm>& query, std::uint32_t doc,
              const Bm25fParams& params) const;
  // Number of distinct terms.
  std::uint32_t num_terms() const;
  // Approximate heap bytes held (postings, lengths, dictionary).
  size_t MemoryBytes() const;

 private:
  friend class IndexBuilder;
  struct Impl;
  explicit Index(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kotae::index
