#include "retrieval_systems.h"

#include <sqlite3.h>
#include <xapian.h>

#include <filesystem>
#include <map>
#include <set>
#include <system_error>

#include "index/index.h"
#include "text/analyzer.h"

namespace kotae::bench {
namespace {

// Distinguishes CJK bigrams from whole words that happen to be two characters, as the
// answer engine does.
constexpr std::string_view kBigramPrefix = "~";

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// ---------------------------------------------------------------------------------------
class KotaeRetriever : public Retriever {
 public:
  explicit KotaeRetriever(std::unique_ptr<text::Analyzer> analyzer)
      : analyzer_(std::move(analyzer)) {
    params_.weight[0] = 3.0f;
    params_.b[0] = 0.6f;
    params_.weight[1] = 1.0f;
    params_.b[1] = 0.75f;
  }
  std::string name() const override { return "kotae"; }

  Status Build(const std::vector<LibraryText>& library) override {
    index::IndexBuilder builder(2);
    std::vector<std::vector<std::string>> fields(2);
    for (const LibraryText& e : library) {
      Terms(e.question, fields[0]);
      Terms(e.answer, fields[1]);
      builder.Add(fields);
    }
    index_ = builder.Build();
    return Status::Ok();
  }

  Result<std::vector<Ranked>> Search(std::string_view question, size_t k) override {
    std::vector<std::string> terms;
    Terms(question, terms);
    std::vector<index::QueryTerm> query;
    query.reserve(terms.size());
    for (std::string& t : terms) query.push_back({std::move(t), 1.0f});
    std::vector<Ranked> out;
    const auto start = std::chrono::steady_clock::now();
    const std::vector<index::Hit> hits = index_->Search(query, k, params_);
    last_index_ms_ = MsSince(start);
    for (const index::Hit& h : hits) out.push_back({h.doc, h.score});
    return out;
  }
  std::uint64_t IndexBytes() const override { return index_ ? index_->MemoryBytes() : 0; }
  std::string IndexBytesKind() const override { return "heap"; }

 private:
  void Terms(std::string_view text, std::vector<std::string>& out) {
    out.clear();
    for (text::Token& t : analyzer_->Analyze(text)) {
      out.push_back(t.kind == text::TokenKind::kBigram ? std::string(kBigramPrefix) + t.term
                                                       : std::move(t.term));
    }
  }

  std::unique_ptr<text::Analyzer> analyzer_;
  std::unique_ptr<index::Index> index_;
  index::Bm25fParams params_;
};

// ---------------------------------------------------------------------------------------
class Fts5Retriever : public Retriever {
 public:
  explicit Fts5Retriever(std::unique_ptr<text::Analyzer> analyzer)
      : analyzer_(std::move(analyzer)) {}
  ~Fts5Retriever() override {
    sqlite3_finalize(query_);
    sqlite3_close(db_);
  }
  std::string name() const override { return "fts5-trigram"; }

  Status Build(const std::vector<LibraryText>& library) override {
    if (sqlite3_open(":memory:", &db_) != SQLITE_OK) return Error("open");
    KOTAE_RETURN_IF_ERROR(
        Exec("CREATE VIRTUAL TABLE lib USING fts5(question, answer, tokenize='trigram')"));
    KOTAE_RETURN_IF_ERROR(Exec("BEGIN"));
    sqlite3_stmt* insert = nullptr;
    if (sqlite3_prepare_v2(db_, "INSERT INTO lib(rowid, question, answer) VALUES(?1, ?2, ?3)", -1,
                           &insert, nullptr) != SQLITE_OK) {
      return Error("prepare insert");
    }
    for (size_t i = 0; i < library.size(); ++i) {
      sqlite3_bind_int64(insert, 1, static_cast<sqlite3_int64>(i) + 1);
      sqlite3_bind_text(insert, 2, library[i].question.data(),
                        static_cast<int>(library[i].question.size()), SQLITE_STATIC);
      sqlite3_bind_text(insert, 3, library[i].answer.data(),
                        static_cast<int>(library[i].answer.size()), SQLITE_STATIC);
      if (sqlite3_step(insert) != SQLITE_DONE) {
        sqlite3_finalize(insert);
        return Error("insert");
      }
      sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    KOTAE_RETURN_IF_ERROR(Exec("COMMIT"));
    // Merge FTS5's incremental segments, as one would before serving queries.
    KOTAE_RETURN_IF_ERROR(Exec("INSERT INTO lib(lib) VALUES('optimize')"));
    if (sqlite3_prepare_v2(db_,
                           "SELECT rowid, bm25(lib, 3.0, 1.0) FROM lib WHERE lib MATCH ?1 "
                           "ORDER BY bm25(lib, 3.0, 1.0) LIMIT ?2",
                           -1, &query_, nullptr) != SQLITE_OK) {
      return Error("prepare query");
    }
    return Status::Ok();
  }

  Result<std::vector<Ranked>> Search(std::string_view question, size_t k) override {
    const std::string match = MatchExpression(question);
    std::vector<Ranked> out;
    last_index_ms_ = 0;
    if (match.empty()) return out;
    const auto start = std::chrono::steady_clock::now();
    sqlite3_reset(query_);
    sqlite3_bind_text(query_, 1, match.data(), static_cast<int>(match.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int64(query_, 2, static_cast<sqlite3_int64>(k));
    int rc;
    while ((rc = sqlite3_step(query_)) == SQLITE_ROW) {
      // bm25() is negated so that more relevant rows sort first; flip it back.
      out.push_back({static_cast<std::uint32_t>(sqlite3_column_int64(query_, 0) - 1),
                     -sqlite3_column_double(query_, 1)});
    }
    last_index_ms_ = MsSince(start);
    if (rc != SQLITE_DONE) return Error("query");
    return out;
  }

  std::uint64_t IndexBytes() const override {
    return static_cast<std::uint64_t>(Pragma("page_count")) *
           static_cast<std::uint64_t>(Pragma("page_size"));
  }
  std::string IndexBytesKind() const override { return "db pages"; }

 private:
  // The question's words of three or more characters, as quoted phrases joined by OR.
  // Adjacent content words (no gap between their spans) are joined first, so Japanese
  // compounds whose parts are shorter than a trigram still take part.
  std::string MatchExpression(std::string_view question) {
    std::vector<std::string> words;
    std::uint32_t last_end = 0;
    bool open = false;
    for (const text::Token& t : analyzer_->Analyze(question)) {
      if (t.kind != text::TokenKind::kWord || t.end <= t.begin || t.end > question.size()) {
        continue;
      }
      const std::string_view surface = question.substr(t.begin, t.end - t.begin);
      if (open && t.begin == last_end) {
        words.back() += surface;
      } else if (!open || t.begin > last_end) {
        words.emplace_back(surface);
      }
      open = true;
      last_end = std::max(last_end, t.end);
    }
    std::set<std::string> unique;
    std::string match;
    for (const std::string& w : words) {
      if (CodePoints(w) < 3 || !unique.insert(w).second) continue;
      if (!match.empty()) match += " OR ";
      match += '"';
      for (char c : w) {
        if (c == '"') match += '"';  // FTS5 escapes a quote inside a phrase by doubling it
        match += c;
      }
      match += '"';
    }
    return match;
  }

  Status Exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string message = std::string("sqlite: ") + sql + ": " + (err ? err : "error");
      sqlite3_free(err);
      return Status::Internal(message);
    }
    return Status::Ok();
  }
  Status Error(const char* what) const {
    return Status::Internal(std::string("sqlite: ") + what + ": " + sqlite3_errmsg(db_));
  }
  std::int64_t Pragma(const char* name) const {
    if (!db_) return 0;
    sqlite3_stmt* st = nullptr;
    std::int64_t v = 0;
    if (sqlite3_prepare_v2(db_, (std::string("PRAGMA ") + name).c_str(), -1, &st, nullptr) ==
            SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
      v = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return v;
  }

  std::unique_ptr<text::Analyzer> analyzer_;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* query_ = nullptr;
};

// ---------------------------------------------------------------------------------------
class XapianRetriever : public Retriever {
 public:
  explicit XapianRetriever(std::string dir) : dir_(std::move(dir)) {}
  ~XapianRetriever() override {
    reader_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::string name() const override { return "xapian"; }
  std::vector<std::string> Modes() const override { return {"qp", "or"}; }
  void SelectMode(size_t mode) override { mode_ = mode; }

  Status Build(const std::vector<LibraryText>& library) override {
    try {
      {
        Xapian::WritableDatabase db(dir_, Xapian::DB_CREATE_OR_OVERWRITE);
        Xapian::TermGenerator tg = Generator();
        for (const LibraryText& e : library) {
          Xapian::Document doc;
          tg.set_document(doc);
          tg.index_text(e.question, 3);
          tg.increase_termpos();
          tg.index_text(e.answer, 1);
          db.add_document(doc);
        }
        db.commit();
      }
      reader_ = std::make_unique<Xapian::Database>(dir_);
      parser_.set_database(*reader_);
      parser_.set_stemmer(Xapian::Stem("english"));
      parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
      parser_.set_default_op(Xapian::Query::OP_OR);
      return Status::Ok();
    } catch (const Xapian::Error& e) {
      return Status::Internal("xapian: " + e.get_description());
    }
  }

  Result<std::vector<Ranked>> Search(std::string_view question, size_t k) override {
    try {
      Xapian::Query query;
      if (mode_ == 0) {
        query = parser_.parse_query(std::string(question), Xapian::QueryParser::FLAG_DEFAULT |
                                                               Xapian::QueryParser::FLAG_CJK_NGRAM);
      } else {
        Xapian::Document scratch;
        Xapian::TermGenerator tg = Generator();
        tg.set_document(scratch);
        tg.index_text_without_positions(std::string(question));
        std::vector<Xapian::Query> terms;
        for (auto it = scratch.termlist_begin(); it != scratch.termlist_end(); ++it) {
          terms.emplace_back(*it, it.get_wdf());
        }
        query = Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
      }
      const auto start = std::chrono::steady_clock::now();
      Xapian::Enquire enquire(*reader_);
      enquire.set_query(query);
      Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(k));
      last_index_ms_ = MsSince(start);
      std::vector<Ranked> out;
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        out.push_back({static_cast<std::uint32_t>(*it - 1), it.get_weight()});
      }
      return out;
    } catch (const Xapian::Error& e) {
      return Status::Internal("xapian: " + e.get_description());
    }
  }

  std::uint64_t IndexBytes() const override {
    std::uint64_t bytes = 0;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(dir_, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec)) bytes += it->file_size(ec);
    }
    return bytes;
  }
  std::string IndexBytesKind() const override { return "on disk"; }

 private:
  static Xapian::TermGenerator Generator() {
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("english"));
    tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    return tg;
  }

  std::string dir_;
  std::unique_ptr<Xapian::Database> reader_;
  Xapian::QueryParser parser_;
  size_t mode_ = 0;
};

Result<std::unique_ptr<text::Analyzer>> NewAnalyzer() {
  auto analyzer = text::Analyzer::Create();
  if (!analyzer.ok()) return analyzer.status();
  return std::move(analyzer).value();
}

}  // namespace

Result<std::unique_ptr<Retriever>> MakeKotaeRetriever() {
  KOTAE_ASSIGN_OR_RETURN(auto analyzer, NewAnalyzer());
  return std::unique_ptr<Retriever>(std::make_unique<KotaeRetriever>(std::move(analyzer)));
}

Result<std::unique_ptr<Retriever>> MakeFts5Retriever() {
  KOTAE_ASSIGN_OR_RETURN(auto analyzer, NewAnalyzer());
  return std::unique_ptr<Retriever>(std::make_unique<Fts5Retriever>(std::move(analyzer)));
}

Result<std::unique_ptr<Retriever>> MakeXapianRetriever(const std::string& scratch_dir) {
  std::error_code ec;
  std::filesystem::create_directories(scratch_dir, ec);
  if (ec) return Status::IoError(scratch_dir + ": " + ec.message());
  return std::unique_ptr<Retriever>(std::make_unique<XapianRetriever>(scratch_dir + "/xapian"));
}

}  // namespace kotae::bench
