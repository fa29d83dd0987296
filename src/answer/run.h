// AnswerRun: the result of answering one questionnaire — for every item the proposed answer,
// its status, confidence and ranked sources. Serialised to the JSON contract of DESIGN.md
// (run_json.h) and rendered into the review report (report.h).
//
// Plain values, owned by the caller.
#pragma once

#include <string>
#include <vector>

namespace kotae::answer {

enum class Status { kAnswered, kNeedsReview, kNoMatch };
const char* StatusName(Status status);  // "answered", "needs_review", "no_match"

struct Source {
  std::string doc;       // library file path
  std::string locator;   // "sheet!R12" or "§ heading"
  std::string question;  // the library entry's question (with its headings)
  std::string answer;    // the library entry's answer or passage text
  double score = 0.0;
  // Words of this source's question/answer, exactly as written there, that matched the
  // incoming question; the report highlights them.
  std::vector<std::string> matched_terms;
};

// What an item's decision rests on, measured on its best source. Shares are in [0, 1] and
// weighted by IDF. Kept in the run so that a reviewer, and scripts/fit_confidence.py, can see
// why an item got its confidence.
struct Evidence {
  bool found = false;           // false: no entry shares anything with the question
  double coverage = 0;          // the question's terms found in the best source
  double concept_coverage = 0;  // the question's concepts found in it (= coverage if none)
  double title_coverage = 0;    // the item's title found in it (= coverage without a title)
  double reverse_coverage = 0;  // the source's own question found in the item
  double margin = 0;            // lead over the next distinct answer: 1 - next / best
  double unseen_share = 0;      // the question's terms that no library entry has
  bool names_concepts = false;  // the question names vocabulary concepts
  bool has_title = false;       // the item has a title cell (see EngineOptions::title_boost)
  bool passage = false;         // the best source is a passage of a prose document
  bool disagree = false;        // sources near the top say yes and no
  // Other items of the same sheet whose best source is this one, and whether this item
  // matches it better than all of them (one library entry rarely answers several items).
  int shared_best = 0;
  bool strongest_claim = true;
  // Support of a confidently answered item a few rows away whose best source lies near this
  // item's best source in the same library document, 0–1 (EngineOptions::neighbour_*): how far
  // past the answer threshold that neighbour is, how near its source, and, when this item's
  // runner-up lies in the same neighbourhood, how far ahead of it the best source is.
  double neighbour_support = 0;
  std::string neighbour_id;  // the supporting item ("Sheet!R12"), empty without support
};

struct ItemResult {
  std::string id;                    // item locator, "Sheet!R12"
  std::string question;              // full question text (headings and detail joined)
  std::vector<std::string> options;  // the item's answer options, if any
  Status status = Status::kNoMatch;
  std::string answer;  // empty for kNoMatch
  std::string choice;  // one of `options`, or empty
  double confidence = 0.0;
  std::vector<Source> sources;  // best first
  std::string reason;           // short explanation of the decision, for the reviewer
  Evidence evidence;
};

struct AnswerRun {
  std::string questionnaire_path;
  std::vector<std::string> library_paths;
  std::vector<ItemResult> items;
};

}  // namespace kotae::answer
