// The questionnaire model: what kotae knows of a check sheet once its layout is understood.
//
// A Questionnaire is a list of items. An item is one question row of a sheet (with the
// headings that apply to it) or one passage of a prose document (with its heading path).
// Items remember where they sit so that answers can be written back into the same cells.
//
// Plain values, owned by the caller; not thread-safe to mutate concurrently.
#pragma once

#include <string>
#include <vector>

namespace kotae::sheet {

enum class SourceFormat { kXlsx, kCsv, kTextTable, kProse };

enum class ItemKind {
  kQuestion,  // a row of a check sheet
  kPassage,   // a paragraph (or a few) of a prose policy document under its heading
};

struct Item {
  ItemKind kind = ItemKind::kQuestion;
  // Locator shown to people and used as the item id in the answer run: "Sheet!R12" for a
  // row, "Sheet!R12" too for text tables/CSV (Sheet = file name), "§ heading > heading" for
  // passages.
  std::string id;
  std::string sheet;   // grid name the item came from
  int row = 0;         // 0-based grid row (for passages: index of the first paragraph)
  std::string number;  // printed item number ("41", "6.1.1"), may be empty
  std::vector<std::string> sections;        // enclosing headings, outermost first
  std::vector<std::string> question_parts;  // heading, question and detail cells, in order
  std::string question;                     // question_parts joined with " "
  std::string unit;                         // measurement unit column ("有無", "時間"), if any
  std::string answer;                       // answer text already in the sheet (library input)
  std::string choice;                       // value already in the choice column, if separate
  std::string remarks;                      // remarks text already in the sheet
  std::vector<std::string> options;         // answer options (dropdown or header), may be empty
  // Where answers go, 0-based columns of `row`; -1 when the layout has no such column.
  int answer_col = -1;   // free-text answer column (or the only answer column)
  int choice_col = -1;   // separate choice column (○/×, Yes/No) when the sheet has one
  int remarks_col = -1;  // remarks / comments column
  // Sheets answered by marking one option's column (「はい | いいえ | 該当なし」 with ○ under
  // one): the column of each option, parallel to `options`; empty in other layouts. `choice`
  // is then the label of the marked column.
  std::vector<int> option_cols;
};

struct Questionnaire {
  std::string path;
  SourceFormat format = SourceFormat::kXlsx;
  std::vector<Item> items;
};

}  // namespace kotae::sheet
