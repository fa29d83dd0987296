// Engine: answers the items of a questionnaire from a Library.
//
// For each item it analyses the question (MeCab words, stemmed English words, CJK bigrams)
// and maps it onto the security vocabulary, so that 「二要素認証」, "two-factor authentication"
// and 「多要素認証」 meet on the concept `mfa`. Library entries are indexed in four fields —
// question, section, answer, and the concepts named in them — and ranked by BM25F. The
// decision then asks how much of the question the best entry covers (by IDF mass of the
// question's terms and by its concepts), how far ahead of the next distinct answer it is, and
// whether the top sources agree on yes/no; from that come the status and the confidence.
// AnswerAll() also reads the questionnaire as a whole first: terms that most of its items
// repeat weigh less, and a column of per-item titles weighs more (see EngineOptions).
//
// The Engine owns its index, its copy of the library and an Analyzer. Answer() is not
// thread-safe (the analyzer keeps MeCab state); use one Engine per thread. Create() may use
// several threads internally (EngineOptions::build_threads).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "answer/library.h"
#include "answer/run.h"
#include "base/status.h"
#include "index/index.h"
#include "sheet/model.h"
#include "text/analyzer.h"
#include "text/vocabulary.h"

namespace kotae::answer {

// Index fields of a library entry.
enum Field : int { kFieldQuestion = 0, kFieldSection = 1, kFieldAnswer = 2, kFieldConcept = 3 };
inline constexpr int kNumFields = 4;

// Every tunable of retrieval and decision in one place, with its default.
struct EngineOptions {
  EngineOptions();

  // BM25F parameters per field (see index.h). The question field dominates: two items that ask
  // the same thing share their question words; answers share only some.
  index::Bm25fParams bm25;

  float word_weight = 1.0f;         // a MeCab/English word of the incoming question
  float bigram_weight = 0.3f;       // a CJK bigram: a fallback, mostly redundant with words
  float concept_weight = 2.5f;      // a vocabulary concept named in the question
  float narrower_weight = 1.2f;     // an entry names a narrower concept of one in the question
  float broader_weight = 0.6f;      // an entry names a broader concept of one in the question
  float section_weight = 0.3f;      // terms of the incoming item's section headings
  float control_weight = 0.6f;      // an entry names a concept of the same Annex A control
  float title_boost = 1.0f;         // extra weight of an item's title cell (see ItemTitle)
  size_t title_max_chars = 40;      // a first question cell up to this long is a title
  double title_unique_share = 0.8;  // share of items whose first cell must be their own

  // Questionnaire statistics (AnswerAll on a sheet of at least `min_sheet_items` items): a
  // term in more than `sheet_common_share` of the items loses weight, down to
  // `sheet_factor_floor` for a term in every item.
  std::uint32_t min_sheet_items = 20;
  double sheet_common_share = 0.05;
  double sheet_factor_floor = 0.15;

  // Share of the rank score that depends on how much of the entry's own question the
  // incoming question covers (short library questions that the item covers entirely rank up).
  double reverse_coverage_weight = 0.3;

  // Building the index analyses every library entry; that runs on up to `build_threads`
  // threads (0: one per core, at most 8), one more thread per `entries_per_build_thread`
  // entries. The index is the same whatever the number of threads.
  size_t build_threads = 0;
  size_t entries_per_build_thread = 2000;

  size_t max_sources = 5;  // sources listed per item
  size_t candidates = 40;  // entries re-ranked per item

  // Decision: confidence >= answer_threshold → answered, >= review_threshold → needs_review,
  // else no_match.
  double answer_threshold = 0.5;
  double review_threshold = 0.2;
  // Largest confidence penalty for a best source no further ahead of the next distinct answer
  // than a tie; a lead of half its score or more costs nothing.
  double margin_weight = 0.15;
  // Largest confidence penalty for a best source that covers none of the item's title.
  double title_confidence_weight = 0.2;
  // Confidence factor when the question names concepts and the best source has none of them.
  double no_concept_factor = 0.6;
  // Confidence factor when the best source is also the best source of another item of the
  // sheet that matches it more closely (AnswerAll): an SLA sheet's 「応答時間」, 「バッチ処理時間」
  // and 「同時接続利用者数」 all find the one entry on capacity planning, which answers at most
  // one of them.
  double weaker_claim_factor = 0.8;
  // Items whose weighted query terms have at least this cosine similarity ask the same thing
  // (the same requirement for data and for configuration) and may share a best source.
  double same_question_similarity = 0.45;
  // Weight of question terms that no library entry contains, in the coverage measure.
  double unseen_term_weight = 0.5;
  // Share of the question's IDF mass at which term coverage counts as complete evidence.
  double full_coverage = 0.55;
  // Neighbour support (AnswerAll): checklists keep a topic's questions together, and so do
  // the sheets and documents of a library. An item whose best source lies within
  // `neighbour_span` (a share of that document's entries) of the best source of a confidently
  // answered item at most `neighbour_items` rows away gains up to `neighbour_weight` of the
  // gap to full confidence (Evidence::neighbour_support).
  size_t neighbour_items = 2;
  double neighbour_span = 0.1;
  double neighbour_weight = 0.6;
};

// Sets one tunable by name ("title_boost", "bm25.weight.question", …) from its decimal text,
// for deployments that tune kotae on their own sheets (`kotae answer --set KEY=VALUE`).
kotae::Status SetEngineOption(EngineOptions* options, std::string_view key, std::string_view value);
// The names SetEngineOption accepts, in declaration order.
std::vector<std::string> EngineOptionNames();

class Engine {
 public:
  // `vocabulary` may be null (no concept matching). Fails only if the analyzer cannot start.
  static Result<std::unique_ptr<Engine>> Create(Library library,
                                                std::shared_ptr<const text::Vocabulary> vocabulary,
                                                const EngineOptions& options = {});
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // One item on its own, without questionnaire statistics.
  ItemResult Answer(const sheet::Item& item);
  // Every item of a questionnaire, with its statistics; the result has one ItemResult per item,
  // in order.
  AnswerRun AnswerAll(const sheet::Questionnaire& questionnaire);

  const Library& library() const;
  size_t IndexMemoryBytes() const;

 private:
  struct Impl;
  explicit Engine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kotae::answer
