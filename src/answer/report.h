// The review report: one self-contained HTML page (no network, no external assets) in
// Japanese and English for the person who checks what kotae was unsure of. A summary, then
// every item with its status colour, proposed answer and choice, confidence, and sources with
// the matching terms highlighted; items can be filtered by status. Stateless.
#pragma once

#include <string>

#include "answer/run.h"

namespace kotae::answer {

std::string RenderReportHtml(const AnswerRun& run);

}  // namespace kotae::answer
