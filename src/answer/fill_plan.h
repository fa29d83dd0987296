// Fill plan: which cells of the customer's own sheet receive what, for one answer run.
//
// Where an item has a separate choice column (○/× beside 結果, Response beside Comments) the
// choice goes there and the answer text into the text column; where the only answer column is
// a dropdown, the choice goes into it and the text into the remarks column; a free-text answer
// column gets the text. Items to review are marked and carry a note naming their sources;
// no_match items get no fill at all — a blank is a person's job, never "該当なし". Stateless.
#pragma once

#include <vector>

#include "answer/run.h"
#include "sheet/fill.h"
#include "sheet/model.h"

namespace kotae::answer {

// `run.items[i]` must be the result for `questionnaire.items[i]` (as Engine::AnswerAll
// returns it); extra or missing results are ignored.
std::vector<sheet::CellFill> PlanFills(const sheet::Questionnaire& questionnaire,
                                       const AnswerRun& run);

}  // namespace kotae::answer
