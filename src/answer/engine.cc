

#include "answer/engine.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <variant>

#include "answer/choice.h"

namespace kotae::answer {
namespace {

// Bigram and concept terms get prefixes that the analyzer never produces, so that a word
// 「認証」 and the bigram 「認証」 stay different terms with their own statistics.
constexpr std::string_view kBigramPrefix = "~";
constexpr std::string_view kConceptPrefix = "@";
// An entry about 「暗号化」 is also about its broader concept 「暗号」: it carries "^cryptography"
// so that a question naming the broader concept finds it, with less weight than a direct match.
constexpr std::string_view kBroaderPrefix = "^";
// Share of a concept's weight that an entry about a narrower concept covers.
constexpr double kNarrowerCredit = 0.7;
// Concepts under the same ISO/IEC 27001 Annex A control are kin (「改ざん検知」 and 「侵入検知」
// both sit under A.8.16 monitoring): both sides carry "#A.8.16", a weak link between them.
constexpr std::string_view kControlPrefix = "#";

bool IsWordTerm(std::string_view term) {
  for (std::string_view prefix : {kBigramPrefix, kConceptPrefix, kBroaderPrefix, kControlPrefix}) {
    if (term.starts_with(prefix)) return false;
  }
  return true;
}

std::string JoinSections(const std::vector<std::string>& sections) {
  std::string out;
  for (const std::string& s : sections) {
    if (!out.empty()) out += ' ';
    out += s;
  }
  return out;
}

double Idf(double num_docs, double doc_freq) {
  return std::log(1.0 + (num_docs - doc_freq + 0.5) / (doc_freq + 0.5));
}

// Whitespace-insensitive key for "the same answer": the same text copied into two sheets
// differs only in spacing and width.
std::string AnswerKey(const std::string& text) {
  std::string key = text::Normalize(text);
  key.erase(std::remove(key.begin(), key.end(), ' '), key.end());
  return key;
}

}  // namespace

EngineOptions::EngineOptions() {
  bm25.k1 = 1.2f;
  bm25.weight[kFieldQuestion] = 3.0f;
  bm25.weight[kFieldSection] = 0.6f;
  bm25.weight[kFieldAnswer] = 1.0f;
  bm25.weight[kFieldConcept] = 2.0f;
  bm25.b[kFieldQuestion] = 0.6f;
  bm25.b[kFieldSection] = 0.3f;
  bm25.b[kFieldAnswer] = 0.75f;
  bm25.b[kFieldConcept] = 0.3f;
}

namespace {

// Name → member table for SetEngineOption. Every member is a number; integer members are
// set from the decimal value rounded toward zero.
using OptionSlot = std::variant<float*, double*, size_t*, std::uint32_t*>;

std::vector<std::pair<std::string, OptionSlot>> OptionSlots(EngineOptions* o) {
  std::vector<std::pair<std::string, OptionSlot>> slots = {
      {"bm25.k1", &o->bm25.k1},
      {"word_weight", &o->word_weight},
      {"bigram_weight", &o->bigram_weight},
      {"concept_weight", &o->concept_weight},
      {"narrower_weight", &o->narrower_weight},
      {"broader_weight", &o->broader_weight},
      {"section_weight", &o->section_weight},
      {"control_weight", &o->control_weight},
      {"title_boost", &o->title_boost},
      {"title_max_chars", &o->title_max_chars},
      {"title_unique_share", &o->title_unique_share},
      {"min_sheet_items", &o->min_sheet_items},
      {"sheet_common_share", &o->sheet_common_share},
      {"sheet_factor_floor", &o->sheet_factor_floor},
      {"reverse_coverage_weight", &o->reverse_coverage_weight},
      {"title_confidence_weight", &o->title_confidence_weight},
      {"margin_weight", &o->margin_weight},
      {"build_threads", &o->build_threads},
      {"entries_per_build_thread", &o->entries_per_build_thread},
      {"max_sources", &o->max_sources},
      {"candidates", &o->candidates},
      {"answer_threshold", &o->answer_threshold},
      {"review_threshold", &o->review_threshold},
      {"no_concept_factor", &o->no_concept_factor},
      {"weaker_claim_factor", &o->weaker_claim_factor},
      {"same_question_similarity", &o->same_question_similarity},
      {"unseen_term_weight", &o->unseen_term_weight},
      {"full_coverage", &o->full_coverage},
      {"neighbour_items", &o->neighbour_items},
      {"neighbour_span", &o->neighbour_span},
      {"neighbour_weight", &o->neighbour_weight},
  };
  static constexpr const char* kFieldNames[kNumFields] = {"question", "section", "answer",
                                                          "concept"};
  for (int f = 0; f < kNumFields; ++f) {
    slots.push_back({std::string("bm25.weight.") + kFieldNames[f], &o->bm25.weight[f]});
    slots.push_back({std::string("bm25.b.") + kFieldNames[f], &o->bm25.b[f]});
  }
  return slots;
}

}  // namespace

kotae::Status SetEngineOption(EngineOptions* options, std::string_view key,
                              std::string_view value) {
  const std::string text(value);
  char* end = nullptr;
  errno = 0;
  const double number = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || errno != 0 || !std::isfinite(number) ||
      number < 0) {
    return kotae::Status::InvalidInput("engine option " + std::string(key) + ": '" + text +
                                       "' is not a non-negative number");
  }
  for (auto& [name, slot] : OptionSlots(options)) {
    if (name != key) continue;
    std::visit(
        [number](auto* member) {
          using T = std::remove_pointer_t<decltype(member)>;
          *member = static_cast<T>(number);
        },
        slot);
    return kotae::Status::Ok();
  }
  return kotae::Status::InvalidInput("unknown engine option '" + std::string(key) + "'");
}

std::vector<std::string> EngineOptionNames() {
  EngineOptions scratch;
  std::vector<std::string> names;
  for (auto& [name, slot] : OptionSlots(&scratch)) names.push_back(name);
  return names;
}

struct Engine::Impl {
  Library library;
  std::shared_ptr<const text::Vocabulary> vocabulary;
  EngineOptions options;
  std::unique_ptr<text::Analyzer> analyzer;
  std::unique_ptr<index::Index> index;
  // Broader-concept closure per concept index.
  std::vector<std::vector<std::uint32_t>> ancestors;
  // Distinct terms of each entry (all fields), as ids into `term_ids`, sorted; used for
  // the coverage feature of the decision.
  std::unordered_map<std::string, std::uint32_t> term_ids;
  std::vector<std::vector<std::uint32_t>> entry_terms;
  std::vector<std::vector<std::uint32_t>> entry_concepts;  // concept indexes, sorted
  std::vector<std::vector<std::uint32_t>> entry_broader;   // their broader concepts, sorted
  // Distinct terms of each entry's own question (not its headings), and their IDF mass: how
  // much of what the entry asks the incoming question also asks.
  std::vector<std::vector<std::uint32_t>> entry_question_terms;
  std::vector<double> entry_question_mass;
  std::vector<std::string> term_strings;
  std::vector<std::string> answer_keys;
  std::vector<Polarity> polarity;
  // Document of each entry (an index into doc_entries) and how many entries each has; a
  // document's entries are consecutive, in reading order.
  std::vector<std::uint32_t> entry_doc;
  std::vector<std::uint32_t> doc_entries;
  // Statistics of the questionnaire being answered (AnswerAll): in how many of its items each
  // query term occurs. Empty when items are answered one at a time.
  std::unordered_map<std::string, std::uint32_t> sheet_df;
  std::uint32_t sheet_items = 0;
  // In how many items of the sheet each question cell occurs: a cell shared by several items
  // is a category ("Network", 「可用性」), one of a single item may be that item's title.
  // Empty when the sheet has no title column (see CollectSheetStatistics).
  std::unordered_map<std::string, std::uint32_t> sheet_parts;

  struct Analysed {
    std::vector<std::string> words;
    std::vector<std::string> bigrams;
    std::vector<std::uint32_t> concepts;  // direct concept indexes, in order of appearance
  };

  static Analysed AnalyseWith(text::Analyzer& with, const text::Vocabulary* vocabulary,
                              std::string_view text) {
    Analysed out;
    for (const text::Token& t : with.Analyze(text)) {
      if (t.kind == text::TokenKind::kWord) {
        out.words.push_back(t.term);
      } else {
        out.bigrams.push_back(std::string(kBigramPrefix) + t.term);
      }
    }
    if (vocabulary != nullptr) {
      for (const text::ConceptMatch& m : vocabulary->Match(text::Normalize(text))) {
        out.concepts.push_back(m.concept_index);
      }
    }
    return out;
  }
  Analysed Analyse(std::string_view text) { return AnalyseWith(*analyzer, vocabulary.get(), text); }

  // What Build needs of one entry's text, computed before any term gets an id so that it can
  // run on several threads (MeCab dominates building a large library).
  struct EntryAnalysis {
    Analysed question, sections, answer;
    std::string answer_key;
    Polarity polarity = Polarity::kUnknown;
  };
  std::vector<EntryAnalysis> AnalyseEntries();

  std::string ConceptTerm(std::uint32_t concept_index) const {
    return std::string(kConceptPrefix) + vocabulary->concepts()[concept_index].id;
  }
  std::string BroaderTerm(std::uint32_t concept_index) const {
    return std::string(kBroaderPrefix) + vocabulary->concepts()[concept_index].id;
  }
  // "" when the concept belongs to no Annex A control.
  std::string ControlTerm(std::uint32_t concept_index) const {
    const std::string& control = vocabulary->concepts()[concept_index].iso_control;
    return control.empty() ? std::string() : std::string(kControlPrefix) + control;
  }

  void ComputeAncestors() {
    if (!vocabulary) return;
    const auto& concepts = vocabulary->concepts();
    ancestors.assign(concepts.size(), {});
    for (std::uint32_t i = 0; i < concepts.size(); ++i) {
      std::vector<std::uint32_t> stack{i};
      std::unordered_set<std::uint32_t> seen{i};
      while (!stack.empty()) {
        const std::uint32_t c = stack.back();
        stack.pop_back();
        for (const std::string& b : concepts[c].broader) {
          const int found = vocabulary->Find(b);
          if (found < 0) continue;
          const auto parent = static_cast<std::uint32_t>(found);
          if (seen.insert(parent).second) {
            ancestors[i].push_back(parent);
            stack.push_back(parent);
          }
        }
      }
    }
  }

  std::uint32_t TermId(const std::string& term) {
    auto [it, inserted] = term_ids.emplace(term, static_cast<std::uint32_t>(term_ids.size()));
    if (inserted) term_strings.push_back(term);
    return it->second;
  }

  void Build() {
    ComputeAncestors();
    index::IndexBuilder builder(kNumFields);
    const auto& entries = library.entries();
    entry_terms.reserve(entries.size());
    entry_concepts.reserve(entries.size());
    std::vector<EntryAnalysis> analyses = AnalyseEntries();
    entry_doc.reserve(entries.size());
    for (size_t i = 0; i < entries.size(); ++i) {
      if (i == 0 || entries[i].doc != entries[i - 1].doc) doc_entries.push_back(0);
      entry_doc.push_back(static_cast<std::uint32_t>(doc_entries.size() - 1));
      ++doc_entries.back();
    }
    for (size_t i = 0; i < entries.size(); ++i) {
      EntryAnalysis& analysis = analyses[i];
      std::vector<std::vector<std::string>> fields(kNumFields);
      std::vector<std::uint32_t> concepts;
      auto add_text = [&](const Analysed& a, int field, bool concepts_to_concept_field) {
        auto& f = fields[static_cast<size_t>(field)];
        f.insert(f.end(), a.words.begin(), a.words.end());
        f.insert(f.end(), a.bigrams.begin(), a.bigrams.end());
        for (std::uint32_t c : a.concepts) {
          auto& target = concepts_to_concept_field ? fields[kFieldConcept] : f;
          target.push_back(ConceptTerm(c));
          for (std::uint32_t p : ancestors[c]) target.push_back(BroaderTerm(p));
          if (std::string control = ControlTerm(c); !control.empty()) target.push_back(control);
          concepts.push_back(c);
        }
      };
      add_text(analysis.question, kFieldQuestion, true);
      add_text(analysis.sections, kFieldSection, true);
      add_text(analysis.answer, kFieldAnswer, false);

      std::vector<std::uint32_t> question_ids;
      for (const std::string& t : fields[kFieldQuestion]) question_ids.push_back(TermId(t));
      std::sort(question_ids.begin(), question_ids.end());
      question_ids.erase(std::unique(question_ids.begin(), question_ids.end()), question_ids.end());
      entry_question_terms.push_back(std::move(question_ids));
      std::vector<std::uint32_t> ids;
      for (const auto& f : fields) {
        for (const std::string& t : f) ids.push_back(TermId(t));
      }
      std::sort(ids.begin(), ids.end());
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
      entry_terms.push_back(std::move(ids));
      std::sort(concepts.begin(), concepts.end());
      concepts.erase(std::unique(concepts.begin(), concepts.end()), concepts.end());
      std::vector<std::uint32_t> broader;
      for (std::uint32_t c : concepts) {
        broader.insert(broader.end(), ancestors[c].begin(), ancestors[c].end());
      }
      std::sort(broader.begin(), broader.end());
      broader.erase(std::unique(broader.begin(), broader.end()), broader.end());
      entry_broader.push_back(std::move(broader));
      entry_concepts.push_back(std::move(concepts));
      answer_keys.push_back(std::move(analysis.answer_key));
      polarity.push_back(analysis.polarity);
      builder.Add(fields);
    }
    index = builder.Build();
    const double n = index->num_docs();
    entry_question_mass.reserve(entry_question_terms.size());
    for (const auto& terms : entry_question_terms) {
      double mass = 0;
      for (std::uint32_t t : terms) mass += Idf(n, index->DocFreq(term_strings[t]));
      entry_question_mass.push_back(mass);
    }
  }

  struct Candidate {
    std::uint32_t entry;
    double bm25;
    double coverage;          // IDF mass of the question's terms found in the entry
    double concept_coverage;  // IDF mass of the question's concepts found in the entry
    double reverse_coverage;  // IDF mass of the entry's question found in the question
    double title_coverage;    // IDF mass of the item's title found in the entry
    double rank_score;
  };

  // The query of one item: weighted terms and the concepts the question names.
  struct Query {
    std::unordered_map<std::string, float> weights;
    std::vector<std::uint32_t> concepts;  // sorted, distinct
    // Words and concepts of the item's title (see ItemTitle), distinct; empty without one.
    std::vector<std::string> title_terms;
  };
  Query BuildQuery(const sheet::Item& item);
  // Factor for a term that occurs in `df` of the sheet's items: a word that a large share of
  // the questionnaire repeats (「クラウドサービス」, 「利用者」 in a METI sheet) says what kind of
  // sheet it is, not what one item asks.
  float SheetFactor(const std::string& term) const;
  // Sets the sheet statistics and returns each item's query, so that AnswerAll analyses every
  // question once.
  std::vector<Query> CollectSheetStatistics(const sheet::Questionnaire& questionnaire);
  std::string_view ItemTitle(const sheet::Item& item) const;
  // Index in item.question_parts of the title cell, or -1; ignores whether the sheet has a
  // title column.
  int TitlePart(const sheet::Item& item) const;

  // The best source of an answered item and how well it matches, for Evidence::shared_best.
  struct Claim {
    std::int64_t entry = -1;
    double rank_score = 0;
    std::int64_t runner_up = -1;  // best entry with a different answer
  };
  ItemResult Answer(const sheet::Item& item, Query built, Claim* claim = nullptr);
  // Sets Evidence::neighbour_support of the items of `run` (one per item of `questionnaire`,
  // whose best entries are `claims`) from the confidence their evidence gives so far, and
  // marks in `changed` the items it supports.
  void SupportFromNeighbours(const sheet::Questionnaire& questionnaire,
                             const std::vector<Claim>& claims, AnswerRun* run,
                             std::vector<bool>* changed) const;
  // What an item asks as a unit-length vector of the weighted words of its query (sheet
  // statistics and library IDF applied), sorted by term, to tell items that ask the same thing
  // from those that do not. Concepts stay out: two questions on backup share the concept
  // whether or not they ask the same.
  using TermVector = std::vector<std::pair<std::string, double>>;
  TermVector QueryVector(const Query& query) const {
    TermVector v;
    double norm = 0;
    for (const auto& [term, w] : query.weights) {
      if (term.empty() || !IsWordTerm(term)) continue;
      const double weight =
          w * SheetFactor(term) * (index ? Idf(index->num_docs(), index->DocFreq(term)) : 1.0);
      v.emplace_back(term, weight);
      norm += weight * weight;
    }
    norm = std::sqrt(norm);
    for (auto& [term, w] : v) w = norm > 0 ? w / norm : 0;
    std::sort(v.begin(), v.end());
    return v;
  }
  // The words of an item's title (analysed once, in BuildQuery), each of weight one; empty
  // without a title.
  TermVector TitleVector(const Query& query) const {
    Query title;
    for (const std::string& t : query.title_terms) title.weights[t] = 1.0f;
    return QueryVector(title);  // drops the title's concept terms
  }
  // Two items ask the same thing when their questions are alike and so are their titles, if
  // they have any: an SLA sheet's 「重大障害時の代替手段」 and 「代替措置で提供するデータ形式」
  // share most of their words, but their titles say they ask different things.
  bool SameQuestion(const TermVector& question_a, const TermVector& question_b,
                    const TermVector& title_a, const TermVector& title_b) const {
    if (Cosine(question_a, question_b) < options.same_question_similarity) return false;
    if (title_a.empty() && title_b.empty()) return true;
    return Cosine(title_a, title_b) >= options.same_question_similarity;
  }
  static double Cosine(const TermVector& a, const TermVector& b) {
    double dot = 0;
    for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
      if (a[i].first < b[j].first) {
        ++i;
      } else if (b[j].first < a[i].first) {
        ++j;
      } else {
        dot += a[i++].second * b[j++].second;
      }
    }
    return dot;
  }
  double Confidence(const Evidence& evidence) const;
  // Confidence, status, reason, answer and choice of an item from its evidence and sources.
  void Decide(ItemResult* result) const;
};

float Engine::Impl::SheetFactor(const std::string& term) const {
  if (sheet_items < options.min_sheet_items) return 1.0f;
  auto it = sheet_df.find(term);
  if (it == sheet_df.end() || it->second == 0) return 1.0f;
  const double share = static_cast<double>(it->second) / sheet_items;
  if (share <= options.sheet_common_share) return 1.0f;
  const double f = std::log(1.0 / share) / std::log(1.0 / options.sheet_common_share);
  return static_cast<float>(std::max(options.sheet_factor_floor, f));
}

std::vector<Engine::Impl::EntryAnalysis> Engine::Impl::AnalyseEntries() {
  const auto& entries = library.entries();
  std::vector<EntryAnalysis> out(entries.size());
  std::atomic<size_t> next{0};
  constexpr size_t kChunk = 256;
  auto work = [&](text::Analyzer& with) {
    for (size_t begin = next.fetch_add(kChunk); begin < entries.size();
         begin = next.fetch_add(kChunk)) {
      const size_t end = std::min(entries.size(), begin + kChunk);
      for (size_t i = begin; i < end; ++i) {
        const LibraryEntry& e = entries[i];
        EntryAnalysis& a = out[i];
        a.question = AnalyseWith(with, vocabulary.get(), e.question);
        a.sections = AnalyseWith(with, vocabulary.get(), JoinSections(e.sections));
        a.answer = AnalyseWith(with, vocabulary.get(), e.answer);
        a.answer_key = AnswerKey(e.answer);
        a.polarity = AnswerPolarity(e.answer);
      }
    }
  };
  // Extra threads pay for their own analyzer only on a large library.
  size_t threads = options.build_threads != 0 ? options.build_threads
                                              : std::max(1u, std::thread::hardware_concurrency());
  threads = std::min({threads, size_t{8}, entries.size() / options.entries_per_build_thread + 1});
  std::vector<std::unique_ptr<text::Analyzer>> helpers;
  for (size_t t = 1; t < threads; ++t) {
    auto created = text::Analyzer::Create();
    if (!created.ok()) break;  // fewer threads; the work is shared out all the same
    helpers.push_back(std::move(created).value());
  }
  std::vector<std::thread> pool;
  for (auto& helper : helpers) pool.emplace_back([&work, &helper] { work(*helper); });
  work(*analyzer);
  for (std::thread& t : pool) t.join();
  return out;
}

std::vector<Engine::Impl::Query> Engine::Impl::CollectSheetStatistics(
    const sheet::Questionnaire& questionnaire) {
  sheet_df.clear();
  sheet_items = 0;
  sheet_parts.clear();
  size_t with_parts = 0;
  for (const sheet::Item& item : questionnaire.items) {
    if (item.question_parts.size() < 2) continue;
    std::unordered_set<std::string_view> distinct(item.question_parts.begin(),
                                                  item.question_parts.end());
    for (std::string_view part : distinct) ++sheet_parts[std::string(part)];
    ++with_parts;
  }
  // The sheet has a title column only when nearly every item has a title cell of its own; a
  // column whose values repeat groups items (a category), even where one group has one item.
  size_t titled = 0;
  for (const sheet::Item& item : questionnaire.items) titled += TitlePart(item) >= 0;
  if (with_parts == 0 || titled < options.title_unique_share * static_cast<double>(with_parts)) {
    sheet_parts.clear();
  }
  sheet_items = static_cast<std::uint32_t>(questionnaire.items.size());
  std::vector<Query> queries;
  queries.reserve(questionnaire.items.size());
  for (const sheet::Item& item : questionnaire.items) {
    Query q = BuildQuery(item);
    for (const auto& [term, w] : q.weights) ++sheet_df[term];
    queries.push_back(std::move(q));
  }
  return queries;
}

// The title of an item: when its question is a short heading cell of its own followed by the
// question proper (METI 「対策項目」 + 「対策要件」, an SLA sheet's 「サービスレベル項目」 +
// 「規定内容」), the heading names the topic in a few words while the text after it is long; its
// terms count extra. Cells before it that other items share are categories (「可用性」, "Network"),
// not titles. Without sheet statistics there is no title.
int Engine::Impl::TitlePart(const sheet::Item& item) const {
  const auto& parts = item.question_parts;
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    auto count = sheet_parts.find(parts[i]);
    if (count == sheet_parts.end()) return -1;
    if (count->second > 1) continue;  // a category shared with other items
    size_t rest = 0;
    for (size_t j = i + 1; j < parts.size(); ++j) rest += parts[j].size();
    size_t chars = 0;
    for (unsigned char ch : parts[i]) chars += (ch & 0xC0) != 0x80;
    if (chars == 0 || chars > options.title_max_chars || parts[i].size() >= rest) return -1;
    return static_cast<int>(i);
  }
  return -1;
}

std::string_view Engine::Impl::ItemTitle(const sheet::Item& item) const {
  if (sheet_items < options.min_sheet_items) return {};
  const int part = TitlePart(item);
  return part < 0 ? std::string_view() : std::string_view(item.question_parts[part]);
}

Engine::Impl::Query Engine::Impl::BuildQuery(const sheet::Item& item) {
  Query q;
  std::unordered_map<std::string, int> counts;
  auto add = [&](const std::string& term, float w) {
    int& n = counts[term];
    ++n;
    // Repeats add with diminishing returns, so that a long requirement that says
    // 「情報」 five times is not about 「情報」.
    q.weights[term] += n == 1 ? w : w / static_cast<float>(n);
  };
  auto add_text = [&](std::string_view text, float scale, bool names_concepts) {
    Analysed a = Analyse(text);
    for (const std::string& t : a.words) add(t, options.word_weight * scale);
    for (const std::string& t : a.bigrams) add(t, options.bigram_weight * scale);
    for (std::uint32_t c : a.concepts) {
      add(ConceptTerm(c), options.concept_weight * scale);
      add(BroaderTerm(c), options.narrower_weight * scale);
      if (names_concepts) q.concepts.push_back(c);
      for (std::uint32_t p : ancestors[c]) add(ConceptTerm(p), options.broader_weight * scale);
      if (std::string control = ControlTerm(c); !control.empty()) {
        add(control, options.control_weight * scale);
      }
    }
  };
  const std::string_view title = ItemTitle(item);
  if (!title.empty()) {
    const size_t title_part = static_cast<size_t>(TitlePart(item));
    Analysed a = Analyse(title);
    q.title_terms = a.words;
    for (std::uint32_t c : a.concepts) q.title_terms.push_back(ConceptTerm(c));
    std::sort(q.title_terms.begin(), q.title_terms.end());
    q.title_terms.erase(std::unique(q.title_terms.begin(), q.title_terms.end()),
                        q.title_terms.end());
    for (size_t i = 0; i < item.question_parts.size(); ++i) {
      add_text(item.question_parts[i], i == title_part ? 1.0f + options.title_boost : 1.0f, true);
    }
  } else {
    add_text(item.question, 1.0f, true);
  }
  add_text(JoinSections(item.sections), options.section_weight, false);
  std::sort(q.concepts.begin(), q.concepts.end());
  q.concepts.erase(std::unique(q.concepts.begin(), q.concepts.end()), q.concepts.end());
  return q;
}

ItemResult Engine::Impl::Answer(const sheet::Item& item, Query built, Claim* claim) {
  ItemResult result;
  result.id = item.id;
  result.question = item.question;
  result.options = item.options;
  if (result.options.empty()) result.options = OptionsFromHint(item.unit);
  result.status = Status::kNoMatch;

  // --- query -------------------------------------------------------------------------
  std::unordered_map<std::string, float>& weights = built.weights;
  for (auto& [term, w] : weights) w *= SheetFactor(term);
  const std::vector<std::uint32_t>& question_concepts = built.concepts;

  std::vector<index::QueryTerm> query;
  query.reserve(weights.size());
  for (const auto& [term, w] : weights) query.push_back({term, w});
  std::sort(query.begin(), query.end(),
            [](const index::QueryTerm& a, const index::QueryTerm& b) { return a.term < b.term; });
  if (query.empty() || !index || index->num_docs() == 0) {
    result.reason = query.empty() ? "the question has no searchable words" : "the library is empty";
    return result;
  }

  // --- retrieve and re-rank ------------------------------------------------------------
  const double n = index->num_docs();
  double total_mass = 0;
  double unseen_mass = 0;
  struct QTerm {
    std::int64_t id;  // -1 when no entry has the term
    double mass;
  };
  std::vector<QTerm> qterms;
  for (const index::QueryTerm& q : query) {
    const double df = index->DocFreq(q.term);
    // A word no entry contains is weaker evidence of a gap than one the best entry lacks: in
    // an English question against a Japanese library most words are unseen.
    const double mass = q.weight * Idf(n, df) * (df == 0 ? options.unseen_term_weight : 1.0);
    total_mass += mass;
    if (df == 0) unseen_mass += mass;
    auto it = term_ids.find(q.term);
    qterms.push_back({it == term_ids.end() ? -1 : static_cast<std::int64_t>(it->second), mass});
  }
  double concept_mass = 0;
  std::vector<double> concept_idf;
  for (std::uint32_t c : question_concepts) {
    const double idf = Idf(n, index->DocFreq(ConceptTerm(c)));
    concept_idf.push_back(idf);
    concept_mass += idf;
  }

  std::vector<QTerm> title_terms;
  double title_mass = 0;
  // A title that names a concept is partly covered by an entry about a narrower one (a title
  // on malware by an entry on antivirus software), as in concept coverage.
  std::vector<std::int64_t> title_narrower;
  for (const std::string& t : built.title_terms) {
    const double idf = Idf(n, index->DocFreq(t));
    auto it = term_ids.find(t);
    title_terms.push_back({it == term_ids.end() ? -1 : static_cast<std::int64_t>(it->second), idf});
    title_mass += idf;
    std::int64_t narrower = -1;
    if (t.starts_with(kConceptPrefix)) {
      auto b = term_ids.find(std::string(kBroaderPrefix) + t.substr(kConceptPrefix.size()));
      if (b != term_ids.end()) narrower = static_cast<std::int64_t>(b->second);
    }
    title_narrower.push_back(narrower);
  }

  std::vector<Candidate> candidates;
  for (const index::Hit& hit : index->Search(query, options.candidates, options.bm25)) {
    Candidate c{hit.doc, hit.score, 0, 0, 0, 0, 0};
    const auto& terms = entry_terms[hit.doc];
    double covered = 0;
    for (const QTerm& q : qterms) {
      if (q.id >= 0 &&
          std::binary_search(terms.begin(), terms.end(), static_cast<std::uint32_t>(q.id))) {
        covered += q.mass;
      }
    }
    c.coverage = total_mass > 0 ? covered / total_mass : 0;
    const auto& ec = entry_concepts[hit.doc];
    const auto& eb = entry_broader[hit.doc];
    double ccovered = 0;
    for (size_t i = 0; i < question_concepts.size(); ++i) {
      const std::uint32_t qc = question_concepts[i];
      double credit = 0;
      if (std::binary_search(ec.begin(), ec.end(), qc)) {
        credit = 1.0;
      } else if (std::binary_search(eb.begin(), eb.end(), qc)) {
        credit = kNarrowerCredit;  // the entry is about a narrower concept
      } else {
        for (std::uint32_t a : ancestors[qc]) {
          if (std::binary_search(ec.begin(), ec.end(), a)) credit = 0.4;  // a broader one
        }
      }
      ccovered += credit * concept_idf[i];
    }
    c.concept_coverage = concept_mass > 0 ? ccovered / concept_mass : c.coverage;
    double reverse = 0;
    for (std::uint32_t t : entry_question_terms[hit.doc]) {
      if (weights.count(term_strings[t])) reverse += Idf(n, index->DocFreq(term_strings[t]));
    }
    c.reverse_coverage =
        entry_question_mass[hit.doc] > 0 ? reverse / entry_question_mass[hit.doc] : 0;
    double title_covered = 0;
    for (size_t i = 0; i < title_terms.size(); ++i) {
      if (title_terms[i].id >= 0 &&
          std::binary_search(terms.begin(), terms.end(),
                             static_cast<std::uint32_t>(title_terms[i].id))) {
        title_covered += title_terms[i].mass;
      } else if (title_narrower[i] >= 0 &&
                 std::binary_search(terms.begin(), terms.end(),
                                    static_cast<std::uint32_t>(title_narrower[i]))) {
        title_covered += kNarrowerCredit * title_terms[i].mass;
      }
    }
    c.title_coverage = title_mass > 0 ? title_covered / title_mass : c.coverage;
    c.rank_score = c.bm25 * (0.5 + 0.5 * c.coverage) *
                   (1.0 - options.reverse_coverage_weight +
                    options.reverse_coverage_weight * c.reverse_coverage);
    candidates.push_back(c);
  }
  if (candidates.empty()) {
    result.reason = "no library entry shares a word or concept with the question";
    return result;
  }
  std::stable_sort(
      candidates.begin(), candidates.end(),
      [](const Candidate& a, const Candidate& b) { return a.rank_score > b.rank_score; });

  // Sources: best first, one per distinct answer text.
  std::vector<const Candidate*> picked;
  std::unordered_set<std::string> seen_answers;
  for (const Candidate& c : candidates) {
    if (!seen_answers.insert(answer_keys[c.entry]).second) continue;
    picked.push_back(&c);
    if (picked.size() >= options.max_sources) break;
  }
  const Candidate& best = *picked.front();
  const LibraryEntry& top = library.entries()[best.entry];

  // --- decide ----------------------------------------------------------------------------
  Evidence& e = result.evidence;
  e.found = true;
  e.coverage = best.coverage;
  e.concept_coverage = best.concept_coverage;
  e.title_coverage = best.title_coverage;
  e.reverse_coverage = best.reverse_coverage;
  e.margin = picked.size() > 1 ? 1.0 - picked[1]->rank_score / best.rank_score : 1.0;
  e.unseen_share = total_mass > 0 ? unseen_mass / total_mass : 0;
  e.names_concepts = concept_mass > 0;
  e.has_title = !built.title_terms.empty();
  e.passage = top.passage;
  // Sources that disagree on yes/no: both close to the top, one positive, one negative.
  const Polarity top_polarity = polarity[best.entry];
  for (size_t i = 1; i < picked.size(); ++i) {
    if (picked[i]->rank_score < 0.8 * best.rank_score) break;
    const Polarity p = polarity[picked[i]->entry];
    if ((top_polarity == Polarity::kPositive && p == Polarity::kNegative) ||
        (top_polarity == Polarity::kNegative && p == Polarity::kPositive)) {
      e.disagree = true;
    }
  }
  if (claim) {
    *claim = {static_cast<std::int64_t>(best.entry), best.rank_score,
              picked.size() > 1 ? static_cast<std::int64_t>(picked[1]->entry) : -1};
  }
  // Sources are listed for every status so that a reviewer sees what was near.
  std::unordered_set<std::string> query_terms;
  for (const auto& [term, w] : weights) query_terms.insert(term);
  for (const Candidate* c : picked) {
    const LibraryEntry& e = library.entries()[c->entry];
    Source s;
    s.doc = e.doc;
    s.locator = e.locator;
    // A passage's question is its own heading, which closes its section path: say it once.
    s.question = e.sections.empty() || e.sections.back() == e.question
                     ? (e.sections.empty() ? e.question : JoinSections(e.sections))
                     : JoinSections(e.sections) + " " + e.question;
    s.answer = e.answer;
    s.score = c->rank_score;
    std::unordered_set<std::string> surfaces;
    for (const std::string* text : {&s.question, &s.answer}) {
      for (const text::Token& t : analyzer->Analyze(*text)) {
        const std::string key =
            t.kind == text::TokenKind::kWord ? t.term : std::string(kBigramPrefix) + t.term;
        if (t.kind == text::TokenKind::kWord && query_terms.count(key) && t.end > t.begin &&
            t.end <= text->size()) {
          surfaces.insert(text->substr(t.begin, t.end - t.begin));
        }
      }
    }
    s.matched_terms.assign(surfaces.begin(), surfaces.end());
    std::sort(s.matched_terms.begin(), s.matched_terms.end());
    result.sources.push_back(std::move(s));
  }
  Decide(&result);
  return result;
}

void Engine::Impl::SupportFromNeighbours(const sheet::Questionnaire& questionnaire,
                                         const std::vector<Claim>& claims, AnswerRun* run,
                                         std::vector<bool>* changed) const {
  const size_t n = run->items.size();
  const size_t reach = options.neighbour_items;
  std::vector<double> first_pass(n, 0.0);
  for (size_t i = 0; i < n; ++i) {
    const ItemResult& r = run->items[i];
    if (r.evidence.found && !r.sources.empty()) first_pass[i] = Confidence(r.evidence);
  }
  // How far past the answer threshold a neighbour is: a neighbour that is itself unsure
  // supports nothing.
  const double threshold = std::min(options.answer_threshold, 0.99);
  for (size_t i = 0; i < n; ++i) {
    const std::int64_t mine = claims[i].entry;
    if (mine < 0) continue;
    const size_t doc = entry_doc[static_cast<size_t>(mine)];
    // "Nearby" is a share of the document, so that a 25-passage policy is not all one
    // neighbourhood while a 150-row sheet still spans a topic's rows.
    const double span = std::max(1.0, std::floor(options.neighbour_span * doc_entries[doc]));
    const std::int64_t rival = claims[i].runner_up;
    double support = 0;
    size_t supporter = i;
    const size_t from = i > reach ? i - reach : 0;
    for (size_t j = from; j < n && j <= i + reach; ++j) {
      const std::int64_t theirs = claims[j].entry;
      // The same entry is a rival claim (see AnswerAll), not support; the next sheet of a
      // workbook starts a new order.
      if (j == i || theirs < 0 || theirs == mine) continue;
      if (questionnaire.items[j].sheet != questionnaire.items[i].sheet) continue;
      if (entry_doc[static_cast<size_t>(theirs)] != doc) continue;
      const double apart = static_cast<double>(std::abs(theirs - mine));
      if (apart > span) continue;
      double strength = std::max(0.0, (first_pass[j] - threshold) / (1.0 - threshold));
      strength *= 1.0 - (apart - 1.0) / span;
      // When the next distinct answer sits in the same neighbourhood, the neighbour confirms
      // the topic but not which of the two entries answers; only the lead between them does.
      if (rival >= 0 && entry_doc[static_cast<size_t>(rival)] == doc &&
          static_cast<double>(std::abs(rival - theirs)) <= span) {
        strength *= std::min(1.0, 2.0 * run->items[i].evidence.margin);
      }
      if (strength > support) {
        support = strength;
        supporter = j;
      }
    }
    if (support <= 0) continue;
    run->items[i].evidence.neighbour_support = support;
    run->items[i].evidence.neighbour_id = run->items[supporter].id;
    (*changed)[i] = true;
  }
}

double Engine::Impl::Confidence(const Evidence& e) const {
  // Term coverage is the main evidence: a library question that shares about half of the incoming
  // question's IDF mass is as strong as evidence gets for long requirement texts (METI-style
  // sheets run to several sentences), so coverage saturates at `full_coverage`. Concepts and
  // the lead over the next distinct answer adjust it.
  double confidence = std::min(1.0, e.coverage / options.full_coverage);
  // When the question names security concepts and the best source shares none of them, the
  // shared words are incidental (「提供」, 「可能」): weak evidence at most.
  if (e.names_concepts) {
    confidence *=
        e.concept_coverage > 0 ? 0.8 + 0.2 * e.concept_coverage : options.no_concept_factor;
  }
  confidence *= 1.0 - options.margin_weight + options.margin_weight * std::min(1.0, e.margin * 2.0);
  // An item with a title (「タイムリーな保守」) is about what the title names: a source that
  // shares the long text around it but none of the title is weaker evidence.
  if (e.has_title) {
    confidence *= 1.0 - options.title_confidence_weight * (1.0 - e.title_coverage);
  }
  if (e.shared_best > 0 && !e.strongest_claim) confidence *= options.weaker_claim_factor;
  // A sheet's items follow their topics, and so do a library's entries: an item whose best
  // source sits beside the source of a confidently answered neighbour is less likely a chance
  // match, however few words the two share.
  confidence += (1.0 - confidence) * options.neighbour_weight * e.neighbour_support;
  return std::clamp(confidence, 0.0, 1.0);
}

void Engine::Impl::Decide(ItemResult* result) const {
  const Evidence& e = result->evidence;
  if (!e.found || result->sources.empty()) return;
  const double confidence = Confidence(e);
  char reason[320];
  std::snprintf(reason, sizeof reason,
                "best source covers %.0f%% of the question's terms, %.0f%% of its concepts and "
                "%.0f%% of its title; %.0f%% ahead of the next answer",
                e.coverage * 100, e.concept_coverage * 100, e.title_coverage * 100, e.margin * 100);
  result->reason = reason;
  if (e.shared_best > 0) {
    result->reason += "; " + std::to_string(e.shared_best) + " other item" +
                      (e.shared_best > 1 ? "s" : "") + " of the sheet " +
                      (e.strongest_claim ? "match it less closely" : "match it more closely");
  }
  if (e.neighbour_support > 0) {
    result->reason += "; " + e.neighbour_id + " nearby was answered from a neighbouring entry";
  }
  result->answer.clear();
  result->choice.clear();
  if (confidence >= options.answer_threshold && !e.disagree) {
    result->status = Status::kAnswered;
  } else if (confidence >= options.review_threshold) {
    result->status = Status::kNeedsReview;
    if (e.disagree) result->reason = "top sources disagree (yes and no); " + result->reason;
  } else {
    result->status = Status::kNoMatch;
    result->reason = "evidence too weak: " + result->reason;
  }
  result->confidence = confidence;
  if (result->status != Status::kNoMatch) {
    result->answer = result->sources.front().answer;
    result->choice = PickChoice(result->options, result->answer);
  }
}

Result<std::unique_ptr<Engine>> Engine::Create(Library library,
                                               std::shared_ptr<const text::Vocabulary> vocabulary,
                                               const EngineOptions& options) {
  auto analyzer = text::Analyzer::Create();
  if (!analyzer.ok()) return analyzer.status();
  auto impl = std::make_unique<Impl>();
  impl->library = std::move(library);
  impl->vocabulary = std::move(vocabulary);
  impl->options = options;
  impl->analyzer = std::move(analyzer).value();
  impl->Build();
  return std::unique_ptr<Engine>(new Engine(std::move(impl)));
}

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

ItemResult Engine::Answer(const sheet::Item& item) {
  return impl_->Answer(item, impl_->BuildQuery(item));
}

AnswerRun Engine::AnswerAll(const sheet::Questionnaire& questionnaire) {
  AnswerRun run;
  run.questionnaire_path = questionnaire.path;
  run.library_paths = impl_->library.paths();
  run.items.reserve(questionnaire.items.size());
  std::vector<Impl::Query> queries = impl_->CollectSheetStatistics(questionnaire);
  std::vector<Impl::Claim> claims(questionnaire.items.size());
  std::vector<Impl::TermVector> asked;
  std::vector<Impl::TermVector> titles;
  asked.reserve(queries.size());
  titles.reserve(queries.size());
  for (const Impl::Query& q : queries) {
    asked.push_back(impl_->QueryVector(q));
    titles.push_back(impl_->TitleVector(q));
  }
  for (size_t i = 0; i < questionnaire.items.size(); ++i) {
    run.items.push_back(impl_->Answer(questionnaire.items[i], std::move(queries[i]), &claims[i]));
  }
  // A library entry that is the best source of several items that ask different things
  // answers the one it matches best and is weaker evidence for the others. Items that ask
  // nearly the same thing (a METI sheet's 「バックアップ」 for data and for configuration) may
  // share a source.
  std::unordered_map<std::int64_t, std::vector<size_t>> by_entry;
  for (size_t i = 0; i < claims.size(); ++i) {
    if (claims[i].entry >= 0) by_entry[claims[i].entry].push_back(i);
  }
  // Each claimant is compared with the strongest kMaxRivals others only, so that a sheet of
  // many thousand rows that all find one entry stays linear.
  constexpr size_t kMaxRivals = 64;
  // Items whose evidence the sheet changed are decided again, once, at the end.
  std::vector<bool> changed(claims.size(), false);
  for (auto& [entry, items] : by_entry) {
    if (items.size() < 2) continue;
    std::stable_sort(items.begin(), items.end(), [&](size_t a, size_t b) {
      return claims[a].rank_score > claims[b].rank_score;
    });
    for (size_t i : items) {
      Evidence& e = run.items[i].evidence;
      e.shared_best = 0;
      e.strongest_claim = true;
      size_t compared = 0;
      for (size_t j : items) {
        if (j == i) continue;
        if (++compared > kMaxRivals) break;
        if (impl_->SameQuestion(asked[i], asked[j], titles[i], titles[j])) continue;
        ++e.shared_best;
        if (claims[j].rank_score > claims[i].rank_score) e.strongest_claim = false;
      }
      changed[i] = e.shared_best > 0;
    }
  }
  impl_->SupportFromNeighbours(questionnaire, claims, &run, &changed);
  for (size_t i = 0; i < changed.size(); ++i) {
    if (changed[i]) impl_->Decide(&run.items[i]);
  }
  impl_->sheet_df.clear();
  impl_->sheet_parts.clear();
  impl_->sheet_items = 0;
  return run;
}

const Library& Engine::library() const { return impl_->library; }

size_t Engine::IndexMemoryBytes() const { return impl_->index ? impl_->index->MemoryBytes() : 0; }

}  // namespace kotae::answer
