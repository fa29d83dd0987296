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
};

struct AnswerRun {
  std::string questionnaire_path;
  std::vector<std::string> library_paths;
  std::vector<ItemResult> items;
};

}  // namespace kotae::answer
