// The retrieval systems the benchmark compares, behind one small interface:
//
//  - kotae:  text::Analyzer (MeCab words, stemmed English, CJK bigrams) + index::Index BM25F
//            over two fields, question (weight 3, b 0.6) and answer (weight 1, b 0.75), the
//            answer engine's own settings for those fields.
//  - fts5:   SQLite FTS5, tokenize='trigram', in memory, ranked by bm25(3, 1). The MATCH
//            expression ORs the question's words of 3 characters or more as quoted phrases
//            (trigram matching cannot see shorter strings); a Japanese compound is the run of
//            adjacent MeCab content words (多要素認証, 本番環境), found with kotae's Analyzer
//            because SQLite has no Japanese word splitter.
//  - xapian: Xapian glass database in a temporary directory, TermGenerator with English
//            stemming and FLAG_CJK_NGRAM, question text indexed with wdf 3 and answer with 1,
//            BM25 weighting. Two query modes over the same database: "qp" parses the question
//            with QueryParser (FLAG_DEFAULT | FLAG_CJK_NGRAM, default OR); "or" ORs the terms
//            TermGenerator makes of the question (a bag of words, as the others use).
//
// A Retriever owns its index. Not thread-safe. Errors from SQLite and Xapian come back as
// Status values; nothing throws out of this interface.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace kotae::bench {

struct LibraryText {
  std::string question;
  std::string answer;
};

struct Ranked {
  std::uint32_t doc;  // position in the library given to Build()
  double score;       // higher is better
};

// Milliseconds since `start`.
inline double MsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

class Retriever {
 public:
  virtual ~Retriever() = default;
  virtual std::string name() const = 0;
  virtual Status Build(const std::vector<LibraryText>& library) = 0;
  virtual Result<std::vector<Ranked>> Search(std::string_view question, size_t k) = 0;
  // Bytes the built index takes, and what that figure is ("heap", "db pages", "on disk").
  virtual std::uint64_t IndexBytes() const = 0;
  virtual std::string IndexBytesKind() const = 0;
  // Query modes over one built index (Xapian has two); Search() uses the selected one.
  virtual std::vector<std::string> Modes() const { return {""}; }
  virtual void SelectMode(size_t /*mode*/) {}
  // Milliseconds the last Search() spent in the index itself (kotae's Index::Search,
  // SQLite's statement steps, Xapian's get_mset), without building the query.
  double last_index_ms() const { return last_index_ms_; }

 protected:
  double last_index_ms_ = 0;
};

Result<std::unique_ptr<Retriever>> MakeKotaeRetriever();
Result<std::unique_ptr<Retriever>> MakeFts5Retriever();
// The database lives under `scratch_dir` and is deleted with the Retriever.
Result<std::unique_ptr<Retriever>> MakeXapianRetriever(const std::string& scratch_dir);

}  // namespace kotae::bench
