#include "answer/fill_plan.h"

#include <algorithm>
#include <cstdio>

#include "base/file.h"

namespace kotae::answer {
namespace {

std::string ReviewNote(const ItemResult& result) {
  char head[96];
  std::snprintf(head, sizeof head, "kotae: 要確認 / needs review (confidence %.0f%%)",
                result.confidence * 100);
  std::string note = head;
  if (!result.reason.empty()) note += "\n" + result.reason;
  size_t shown = 0;
  for (const Source& s : result.sources) {
    if (++shown > 3) break;
    note += "\n- " + BaseName(s.doc) + " " + s.locator;
  }
  return note;
}

// The mark written under the chosen option: 「○」 in a Japanese sheet, "X" in one whose option
// labels are all English.
std::string MarkFor(const std::vector<std::string>& options) {
  for (const std::string& o : options) {
    for (unsigned char ch : o) {
      if (ch >= 0x80) return "○";
    }
  }
  return "X";
}

}  // namespace

std::vector<sheet::CellFill> PlanFills(const sheet::Questionnaire& questionnaire,
                                       const AnswerRun& run) {
  std::vector<sheet::CellFill> fills;
  const size_t n = std::min(questionnaire.items.size(), run.items.size());
  for (size_t i = 0; i < n; ++i) {
    const sheet::Item& item = questionnaire.items[i];
    const ItemResult& result = run.items[i];
    if (result.status == Status::kNoMatch) continue;
    if (item.kind != sheet::ItemKind::kQuestion) continue;
    sheet::CellFill fill;
    fill.sheet = item.sheet;
    fill.row = item.row;
    fill.needs_review = result.status == Status::kNeedsReview;
    if (fill.needs_review) fill.note = ReviewNote(result);
    const bool answer_is_dropdown = item.choice_col < 0 && !item.options.empty();
    if (!item.option_cols.empty()) {
      // The choice is a mark in the chosen option's column; the text goes beside the marks,
      // or into the cell note when the sheet has no column for it.
      for (size_t o = 0; o < item.options.size() && o < item.option_cols.size(); ++o) {
        if (item.options[o] != result.choice) continue;
        fill.choice_col = item.option_cols[o];
        fill.choice = MarkFor(item.options);
      }
      if (item.answer_col >= 0) {
        fill.answer_col = item.answer_col;
        fill.answer = result.answer;
      } else {
        fill.note = fill.note.empty() ? result.answer : fill.note + "\n" + result.answer;
      }
    } else if (item.choice_col >= 0) {
      fill.choice_col = item.choice_col;
      fill.choice = result.choice;
      if (item.answer_col >= 0 && item.answer_col != item.choice_col) {
        fill.answer_col = item.answer_col;
      } else if (item.remarks_col >= 0) {
        fill.answer_col = item.remarks_col;
      }
      fill.answer = result.answer;
    } else if (answer_is_dropdown && item.answer_col >= 0) {
      fill.choice_col = item.answer_col;
      fill.choice = result.choice;
      if (item.remarks_col >= 0) {
        fill.answer_col = item.remarks_col;
        fill.answer = result.answer;
      } else {
        // No text column: the text travels as the cell note so the evidence is not lost.
        fill.note = fill.note.empty() ? result.answer : fill.note + "\n" + result.answer;
      }
    } else {
      fill.answer_col = item.answer_col >= 0 ? item.answer_col : item.remarks_col;
      fill.answer = result.answer;
    }
    if (fill.answer_col < 0 && fill.choice_col < 0) continue;
    // An unclear yes/no leaves the choice cell as it was rather than guessing.
    if (fill.choice.empty()) fill.choice_col = -1;
    if (item.remarks_col >= 0 && item.remarks_col != fill.answer_col) {
      fill.remarks_col = item.remarks_col;
    }
    fills.push_back(std::move(fill));
  }
  return fills;
}

}  // namespace kotae::answer
