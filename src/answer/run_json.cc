#include "answer/run_json.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace kotae::answer {
namespace {

// Scores and confidences are shown to people and compared by tests; four decimals are
// plenty and keep the file diffable.
double Round4(double v) { return std::isfinite(v) ? std::round(v * 10000.0) / 10000.0 : 0.0; }

}  // namespace

std::string RunToJson(const AnswerRun& run) {
  nlohmann::ordered_json root;
  root["questionnaire"] = {{"path", run.questionnaire_path}, {"items", run.items.size()}};
  root["library"] = run.library_paths;
  nlohmann::ordered_json items = nlohmann::ordered_json::array();
  for (const ItemResult& item : run.items) {
    nlohmann::ordered_json j;
    j["id"] = item.id;
    j["question"] = item.question;
    j["status"] = StatusName(item.status);
    j["answer"] = item.answer;
    j["choice"] = item.choice;
    j["confidence"] = Round4(item.confidence);
    j["options"] = item.options;
    j["reason"] = item.reason;
    const Evidence& e = item.evidence;
    if (e.found) {
      j["evidence"] = {{"coverage", Round4(e.coverage)},
                       {"concept_coverage", Round4(e.concept_coverage)},
                       {"title_coverage", Round4(e.title_coverage)},
                       {"reverse_coverage", Round4(e.reverse_coverage)},
                       {"margin", Round4(e.margin)},
                       {"unseen_share", Round4(e.unseen_share)},
                       {"names_concepts", e.names_concepts},
                       {"has_title", e.has_title},
                       {"passage", e.passage},
                       {"disagree", e.disagree},
                       {"shared_best", e.shared_best},
                       {"strongest_claim", e.strongest_claim},
                       {"neighbour_support", Round4(e.neighbour_support)},
                       {"neighbour", e.neighbour_id}};
    }
    nlohmann::ordered_json sources = nlohmann::ordered_json::array();
    for (const Source& s : item.sources) {
      sources.push_back({{"doc", s.doc},
                         {"locator", s.locator},
                         {"question", s.question},
                         {"answer", s.answer},
                         {"score", Round4(s.score)},
                         {"matched_terms", s.matched_terms}});
    }
    j["sources"] = std::move(sources);
    items.push_back(std::move(j));
  }
  root["items"] = std::move(items);
  // `replace` keeps a run with a stray invalid byte writable instead of throwing.
  return root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace kotae::answer
