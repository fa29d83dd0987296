// Retrieval benchmark: kotae's Analyzer + BM25F index against SQLite FTS5 (trigram) and
// Xapian (CJK n-grams) on the same generated library, and a dev-eval mode that writes an
// answer run per system for ../shared/eval/score.py.
//
//   retrieval_bench [--docs 100000] [--queries 1000] [--seed 42] [--k 10] [--scratch DIR]
//       Generates the library and questions (retrieval_corpus.h), then for each system:
//       build time, index size, peak RSS growth while building, per-question latency
//       p50/p99/mean (query analysis included), and a synthetic hit rate (an entry with the
//       question's own topic/aspect/scope ranked first / in the top k). Prints a table and
//       kotae's ratio to the faster baseline. Measures only; asserts nothing.
//
//   --only NAME runs only the systems whose name contains NAME (kotae, fts5, xapian).
//
//   retrieval_bench --dev-eval OUTDIR --questions Q.tsv --library L.tsv
//       Builds every system over L.tsv, answers every question of Q.tsv with its top 5
//       entries and writes OUTDIR/<system>.json in the answer-run format of DESIGN.md
//       (status "needs_review", answer = the first source's answer, or "no_match" with no
//       source). Score with: python3 ../shared/eval/score.py OUTDIR/<system>.json GOLD.jsonl
//
// TSV input (UTF-8, one record per line, no header row, fields separated by TAB; inside a
// field, "\t", "\n", "\r" and "\\" stand for TAB, LF, CR and a backslash; a trailing CR is
// dropped; empty lines are skipped):
//   Q.tsv: id <TAB> question
//   L.tsv: doc <TAB> locator <TAB> question <TAB> answer
#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/file.h"
#include "base/status.h"
#include "retrieval_corpus.h"
#include "retrieval_systems.h"

namespace kotae::bench {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// --- memory ------------------------------------------------------------------------------

// Field of /proc/self/status in kB, or -1.
long StatusKb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const size_t n = std::strlen(field);
  while (std::getline(in, line)) {
    if (line.compare(0, n, field) == 0 && line.size() > n && line[n] == ':') {
      return std::atol(line.c_str() + n + 1);
    }
  }
  return -1;
}

// Returns freed heap to the OS and resets VmHWM to the current RSS (Linux "5" >
// clear_refs), so the next VmHWM reading is the peak of what runs after this call.
// ru_maxrss cannot be reset, hence /proc.
bool ResetPeakRss() {
  malloc_trim(0);
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
  out.flush();
  return static_cast<bool>(out);
}

// --- TSV ---------------------------------------------------------------------------------

std::string Unescape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    const char c = s[++i];
    out += c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
  }
  return out;
}

Result<std::vector<std::vector<std::string>>> ReadTsv(const std::string& path, size_t columns) {
  auto content = ReadFile(path);
  if (!content.ok()) return content.status();
  std::vector<std::vector<std::string>> rows;
  std::string_view rest = *content;
  size_t line_no = 0;
  while (!rest.empty()) {
    const size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    std::vector<std::string> fields;
    size_t start = 0;
    while (true) {
      const size_t tab = line.find('\t', start);
      fields.push_back(Unescape(line.substr(start, tab - start)));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (fields.size() != columns) {
      return Status::InvalidInput(path + ": line " + std::to_string(line_no) + ": " +
                                  std::to_string(fields.size()) + " fields, expected " +
                                  std::to_string(columns));
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

// --- systems -----------------------------------------------------------------------------

// The systems whose name contains `only` (all when empty).
Result<std::vector<std::unique_ptr<Retriever>>> MakeAll(const std::string& scratch,
                                                        const std::string& only) {
  std::vector<std::unique_ptr<Retriever>> all;
  auto wanted = [&](std::string_view name) {
    return only.empty() || name.find(only) != std::string_view::npos;
  };
  if (wanted("kotae")) {
    KOTAE_ASSIGN_OR_RETURN(auto kotae, MakeKotaeRetriever());
    all.push_back(std::move(kotae));
  }
  if (wanted("fts5-trigram")) {
    KOTAE_ASSIGN_OR_RETURN(auto fts5, MakeFts5Retriever());
    all.push_back(std::move(fts5));
  }
  if (wanted("xapian")) {
    KOTAE_ASSIGN_OR_RETURN(auto xapian, MakeXapianRetriever(scratch));
    all.push_back(std::move(xapian));
  }
  return all;
}

std::string RowName(const Retriever& r, const std::string& mode) {
  return mode.empty() ? r.name() : r.name() + "-" + mode;
}

// --- speed run ---------------------------------------------------------------------------

struct Row {
  std::string name;
  double build_s = 0;
  double index_mb = 0;
  std::string index_kind;
  double peak_mb = -1;
  double p50_ms = 0, p99_ms = 0, mean_ms = 0;
  double index_p50_ms = 0, index_p99_ms = 0;  // time inside the index only
  double hit1 = 0, hitk = 0;
  size_t errors = 0;
};

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t i = std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())));
  return v[i];
}

int RunSpeed(size_t docs, size_t queries, std::uint64_t seed, size_t k, const std::string& scratch,
             const std::string& only) {
  const auto t0 = Clock::now();
  const SyntheticCorpus corpus = MakeSyntheticCorpus(docs, queries, seed);
  std::vector<LibraryText> library;
  library.reserve(corpus.library.size());
  for (const auto& e : corpus.library) library.push_back({e.question, e.answer});
  std::printf("corpus: %zu entries, %zu questions, seed %llu (generated in %.2f s)\n",
              library.size(), corpus.questions.size(), static_cast<unsigned long long>(seed),
              Seconds(t0, Clock::now()));

  std::vector<Row> rows;
  {
    auto made = MakeAll(scratch, only);
    if (!made.ok()) {
      std::fprintf(stderr, "retrieval_bench: %s\n", made.status().message().c_str());
      return 1;
    }
    for (auto& system : *made) {
      const bool peak_ok = ResetPeakRss();
      const long rss_before = StatusKb("VmRSS");
      const auto b0 = Clock::now();
      if (Status s = system->Build(library); !s.ok()) {
        std::fprintf(stderr, "retrieval_bench: %s: %s\n", system->name().c_str(),
                     s.message().c_str());
        return 1;
      }
      const double build_s = Seconds(b0, Clock::now());
      const long hwm = StatusKb("VmHWM");
      const auto modes = system->Modes();
      for (size_t m = 0; m < modes.size(); ++m) {
        system->SelectMode(m);
        Row row;
        row.name = RowName(*system, modes[m]);
        row.build_s = build_s;
        row.index_mb = static_cast<double>(system->IndexBytes()) / (1 << 20);
        row.index_kind = system->IndexBytesKind();
        if (peak_ok && hwm >= 0 && rss_before >= 0) {
          row.peak_mb = static_cast<double>(hwm - rss_before) / 1024.0;
        }
        std::vector<double> ms, index_ms;
        ms.reserve(corpus.questions.size());
        size_t hit1 = 0, hitk = 0;
        for (const SyntheticQuestion& q : corpus.questions) {
          const auto s0 = Clock::now();
          auto hits = system->Search(q.text, k);
          ms.push_back(Seconds(s0, Clock::now()) * 1e3);
          index_ms.push_back(system->last_index_ms());
          if (!hits.ok()) {
            ++row.errors;
            continue;
          }
          for (size_t i = 0; i < hits->size(); ++i) {
            if (corpus.library[(*hits)[i].doc].key != q.key) continue;
            hit1 += i == 0;
            ++hitk;
            break;
          }
        }
        row.p50_ms = Percentile(ms, 0.50);
        row.p99_ms = Percentile(ms, 0.99);
        row.index_p50_ms = Percentile(index_ms, 0.50);
        row.index_p99_ms = Percentile(index_ms, 0.99);
        for (double v : ms) row.mean_ms += v / static_cast<double>(ms.size());
        const double n = std::max<double>(1, static_cast<double>(corpus.questions.size()));
        row.hit1 = static_cast<double>(hit1) / n;
        row.hitk = static_cast<double>(hitk) / n;
        rows.push_back(row);
      }
      system.reset();  // free before the next system builds, so peaks do not stack
    }
  }

  std::printf("\n%-14s %8s %9s %-9s %9s %8s %8s %8s %8s %8s %6s %6s %s\n", "system", "build s",
              "index MB", "(kind)", "peak +MB", "p50 ms", "p99 ms", "mean ms", "idx p50", "idx p99",
              "hit@1", "hit@k", "errors");
  for (const Row& r : rows) {
    std::printf("%-14s %8.2f %9.1f %-9s %9.1f %8.3f %8.3f %8.3f %8.3f %8.3f %6.3f %6.3f %zu\n",
                r.name.c_str(), r.build_s, r.index_mb, r.index_kind.c_str(), r.peak_mb, r.p50_ms,
                r.p99_ms, r.mean_ms, r.index_p50_ms, r.index_p99_ms, r.hit1, r.hitk, r.errors);
  }
  // kotae against every baseline, the one with the lowest p50 first.
  const Row* kotae = nullptr;
  std::vector<const Row*> baselines;
  for (const Row& r : rows) {
    if (r.name == "kotae") {
      kotae = &r;
    } else {
      baselines.push_back(&r);
    }
  }
  std::stable_sort(baselines.begin(), baselines.end(),
                   [](const Row* a, const Row* b) { return a->p50_ms < b->p50_ms; });
  if (kotae && kotae->p50_ms > 0 && kotae->p99_ms > 0 && kotae->build_s > 0) {
    std::printf("\n");
    for (const Row* b : baselines) {
      std::printf("kotae vs %-13s p50 %6.1fx  p99 %6.1fx  build %6.1fx  (>1: kotae faster)%s\n",
                  b->name.c_str(), b->p50_ms / kotae->p50_ms, b->p99_ms / kotae->p99_ms,
                  b->build_s / kotae->build_s,
                  b == baselines.front() ? "  <- fastest baseline" : "");
    }
  }
  std::printf(
      "(p50/p99/mean: whole question, query analysis included; idx: inside the index only; "
      "hit@1/hit@%zu: an entry built from the question's own topic/aspect/scope ranked "
      "first / in the top %zu)\n",
      k, k);
  return 0;
}

// --- dev eval ----------------------------------------------------------------------------

int RunDevEval(const std::string& outdir, const std::string& questions_path,
               const std::string& library_path, const std::string& scratch,
               const std::string& only) {
  auto questions = ReadTsv(questions_path, 2);
  auto library_rows = ReadTsv(library_path, 4);
  for (const Status& s : {questions.status(), library_rows.status()}) {
    if (!s.ok()) {
      std::fprintf(stderr, "retrieval_bench: %s\n", s.message().c_str());
      return 2;
    }
  }
  std::vector<LibraryText> library;
  for (const auto& r : *library_rows) library.push_back({r[2], r[3]});
  std::error_code ec;
  std::filesystem::create_directories(outdir, ec);
  if (ec) {
    std::fprintf(stderr, "retrieval_bench: %s: %s\n", outdir.c_str(), ec.message().c_str());
    return 1;
  }
  auto made = MakeAll(scratch, only);
  if (!made.ok()) {
    std::fprintf(stderr, "retrieval_bench: %s\n", made.status().message().c_str());
    return 1;
  }
  for (auto& system : *made) {
    if (Status s = system->Build(library); !s.ok()) {
      std::fprintf(stderr, "retrieval_bench: %s: %s\n", system->name().c_str(),
                   s.message().c_str());
      return 1;
    }
    const auto modes = system->Modes();
    for (size_t m = 0; m < modes.size(); ++m) {
      system->SelectMode(m);
      nlohmann::json items = nlohmann::json::array();
      for (const auto& q : *questions) {
        nlohmann::json sources = nlohmann::json::array();
        auto hits = system->Search(q[1], 5);
        if (hits.ok()) {
          for (const Ranked& h : *hits) {
            const auto& e = (*library_rows)[h.doc];
            sources.push_back({{"doc", e[0]},
                               {"locator", e[1]},
                               {"question", e[2]},
                               {"answer", e[3]},
                               {"score", h.score}});
          }
        }
        const bool any = !sources.empty();
        items.push_back({{"id", q[0]},
                         {"question", q[1]},
                         {"status", any ? "needs_review" : "no_match"},
                         {"answer", any ? sources[0]["answer"] : ""},
                         {"choice", ""},
                         {"confidence", 0.0},
                         {"sources", sources}});
      }
      nlohmann::json run = {
          {"questionnaire", {{"path", questions_path}, {"items", questions->size()}}},
          {"items", items}};
      const std::string path = outdir + "/" + RowName(*system, modes[m]) + ".json";
      std::ofstream out(path, std::ios::binary);
      out << run.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      if (!out) {
        std::fprintf(stderr, "retrieval_bench: %s: cannot write\n", path.c_str());
        return 1;
      }
      std::printf("%s: %zu items\n", path.c_str(), questions->size());
    }
  }
  return 0;
}

int Usage() {
  std::fprintf(stderr,
               "usage: retrieval_bench [--docs N] [--queries N] [--seed N] [--k N] "
               "[--scratch DIR] [--only NAME]\n"
               "       retrieval_bench --dev-eval OUTDIR --questions Q.tsv --library L.tsv "
               "[--scratch DIR] [--only NAME]\n");
  return 2;
}

int Main(int argc, char** argv) {
  size_t docs = 100000, queries = 1000, k = 10;
  std::uint64_t seed = 42;
  std::string dev_out, questions, library, only;
  std::string scratch = "/tmp/kotae-retrieval-bench-" + std::to_string(getpid());
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) return Usage();
    const std::string value = argv[++i];
    char* end = nullptr;
    const unsigned long long n = std::strtoull(value.c_str(), &end, 10);
    const bool numeric = end && *end == '\0' && !value.empty();
    if (arg == "--docs" && numeric) {
      docs = n;
    } else if (arg == "--queries" && numeric) {
      queries = n;
    } else if (arg == "--seed" && numeric) {
      seed = n;
    } else if (arg == "--k" && numeric && n > 0) {
      k = n;
    } else if (arg == "--scratch") {
      scratch = value;
    } else if (arg == "--only") {
      only = value;
    } else if (arg == "--dev-eval") {
      dev_out = value;
    } else if (arg == "--questions") {
      questions = value;
    } else if (arg == "--library") {
      library = value;
    } else {
      return Usage();
    }
  }
  int rc;
  if (!dev_out.empty()) {
    if (questions.empty() || library.empty()) return Usage();
    rc = RunDevEval(dev_out, questions, library, scratch, only);
  } else {
    rc = RunSpeed(docs, queries, seed, k, scratch, only);
  }
  std::error_code ec;
  std::filesystem::remove_all(scratch, ec);
  return rc;
}

}  // namespace
}  // namespace kotae::bench

int main(int argc, char** argv) { return kotae::bench::Main(argc, argv); }
