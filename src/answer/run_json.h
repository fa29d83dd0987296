// The answer run as JSON: the contract of DESIGN.md between the engine and every evaluation.
//
// Field names are exactly those of the contract (questionnaire.path/items, items[].id,
// question, status, answer, choice, confidence, sources[].doc/locator/question/answer/score);
// options, reason and matched_terms are additions a reader may ignore. Stateless.
#pragma once

#include <string>

#include "answer/run.h"

namespace kotae::answer {

// Pretty-printed UTF-8 JSON. Invalid UTF-8 in any text is replaced, never thrown.
std::string RunToJson(const AnswerRun& run);

}  // namespace kotae::answer
