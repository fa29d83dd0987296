// Synthetic workbooks in the layouts of public English vendor questionnaires (a HECVAT-Full-like
// book with report, summary and crosswalk sheets repeating the questions; a CAIQ-v4-like book; a
// K-12/Lite-like book with answers merged across columns), written at test time by
// make_vendor_workbooks.py together with the items they must yield (EXPECTED.tsv).
//
// Decisions these tests pin down:
// - Only the question sheets yield items, each question once. Instructions, summary, report
//   and crosswalk sheets yield none, even when they repeat the questions (through formulas or as
//   plain text) and even when they come first in the workbook.
// - Vendor-information rows that carry an id and a response cell (HECVAT's GNRL-nn on START
//   HERE) are items: they are asked of the vendor and the fill may answer them. A label-value
//   form without ids or response header (the K-12 "Vendor Info" sheet) yields none.
// - Where a row has a dropdown and an explanation column, the dropdown is the choice column and
//   the explanation column (Additional Information, Implementation Description) the answer
//   column; a merged answer cell is addressed by its first column.
// - `kotae answer -o` writes only into answer cells of question rows: never into a formula
//   cell, never on the summary, report, crosswalk or instructions sheets.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "base/file.h"
#include "sheet/grid.h"
#include "sheet/reader.h"
#include "sheet/xlsx_reader.h"
#include "support/run_command.h"

namespace kotae::sheet {
namespace {

namespace fs = std::filesystem;
using kotae::test::CommandResult;
using kotae::test::RunShell;

struct Expected {
  std::string sheet;
  int row = 0;  // 1-based
  std::string id;
  std::string section;
  std::string question;
  std::string options;  // joined by "|"
  std::string answer_col;
  std::string choice_col;
};

class VendorWorkbooks : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("kotae_vendor_workbooks_" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    const CommandResult made = RunShell("python3 '" + std::string(KOTAE_TEST_DIR) +
                                        "/make_vendor_workbooks.py' '" + dir_->string() + "' 2>&1");
    ASSERT_EQ(made.exit_code, 0) << made.out;
    expected_ = new std::map<std::string, std::vector<Expected>>;
    std::ifstream in(*dir_ / "EXPECTED.tsv");
    for (std::string line; std::getline(in, line);) {
      std::vector<std::string> f;
      std::stringstream ss(line);
      for (std::string field; std::getline(ss, field, '\t');) f.push_back(field);
      while (f.size() < 9) f.emplace_back();
      (*expected_)[f[0]].push_back({f[1], std::stoi(f[2]), f[3], f[4], f[5], f[6], f[7], f[8]});
    }
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete expected_;
  }

  static std::string Path(const std::string& name) { return (*dir_ / name).string(); }

  // Reads `book` and compares its items with what the generator says it holds.
  static void CheckItems(const std::string& book) {
    SCOPED_TRACE(book);
    const std::vector<Expected>& want = (*expected_)[book];
    ASSERT_FALSE(want.empty());
    Result<Questionnaire> q = ReadQuestionnaire(Path(book));
    ASSERT_TRUE(q.ok()) << q.status().message();
    std::set<std::string> questions;
    for (const Item& item : q->items) {
      EXPECT_TRUE(questions.insert(item.question).second) << "repeated: " << item.id;
    }
    ASSERT_EQ(q->items.size(), want.size());
    for (size_t i = 0; i < want.size(); ++i) {
      const Item& got = q->items[i];
      const Expected& e = want[i];
      SCOPED_TRACE(got.id);
      EXPECT_EQ(got.sheet, e.sheet);
      EXPECT_EQ(got.row + 1, e.row);
      EXPECT_EQ(got.number, e.id);
      std::string sections;
      for (const std::string& s : got.sections) sections += (sections.empty() ? "" : " > ") + s;
      EXPECT_EQ(sections, e.section);
      EXPECT_EQ(got.question, e.question);
      std::string options;
      for (const std::string& o : got.options) options += (options.empty() ? "" : "|") + o;
      EXPECT_EQ(options, e.options);
      EXPECT_EQ(got.answer_col >= 0 ? ColumnName(got.answer_col) : "", e.answer_col);
      EXPECT_EQ(got.choice_col >= 0 ? ColumnName(got.choice_col) : "", e.choice_col);
    }
  }

  static fs::path* dir_;
  static std::map<std::string, std::vector<Expected>>* expected_;
};

fs::path* VendorWorkbooks::dir_ = nullptr;
std::map<std::string, std::vector<Expected>>* VendorWorkbooks::expected_ = nullptr;

TEST_F(VendorWorkbooks, HecvatFullQuestionsComeOnceFromTheQuestionSheets) {
  CheckItems("hecvat_full.xlsx");
}

TEST_F(VendorWorkbooks, CaiqAnswerIsTheChoiceAndTheDescriptionTheText) {
  CheckItems("caiq_v4.xlsx");
}

TEST_F(VendorWorkbooks, K12MergedAnswerCellsAreOneColumn) { CheckItems("k12_lite.xlsx"); }

// Choosing one sheet with --sheet still reads a report sheet on its own (the user asked for it),
// but its computed answer cells are never offered as places to answer.
TEST_F(VendorWorkbooks, ReportSheetAloneOffersNoComputedCells) {
  ReadOptions only;
  only.sheet = "Analyst Report";
  Result<Questionnaire> q = ReadQuestionnaire(Path("hecvat_full.xlsx"), only);
  ASSERT_TRUE(q.ok()) << q.status().message();
  EXPECT_TRUE(q->items.empty());
}

std::map<std::string, const Grid*> ByName(const std::vector<Grid>& grids) {
  std::map<std::string, const Grid*> out;
  for (const Grid& g : grids) out[g.name] = &g;
  return out;
}

TEST_F(VendorWorkbooks, FillWritesOnlyAnswerCellsOfQuestionSheets) {
  const std::string book = Path("hecvat_full.xlsx");
  const std::string library = Path("library.csv");
  {
    // Answers to a few of the questions, worded as the library of a vendor would have them.
    std::ofstream out(library);
    out << "No,Question,Answer\n"
        << "1,Is customer data encrypted at rest with AES-256 or stronger?,"
           "Yes. Customer data is encrypted at rest with AES-256.\n"
        << "2,Is all data in transit protected with TLS 1.2 or later?,"
           "Yes. All connections use TLS 1.2 or later.\n"
        << "3,Are system logs retained for at least one year?,"
           "Yes. System logs are retained for 13 months.\n"
        << "4,Is your security policy reviewed at least once a year?,"
           "Yes. The security policy is reviewed every year by management.\n"
        << "5,Do you keep backups in a second geographic region?,"
           "Yes. Backups are replicated to a second region.\n";
  }
  const std::string filled = Path("hecvat_filled.xlsx");
  const std::string run_json = Path("run.json");
  const CommandResult run =
      RunShell(std::string(KOTAE_BINARY) + " answer --quiet '" + book + "' --library '" + library +
               "' --json '" + run_json + "' -o '" + filled + "' 2>&1");
  ASSERT_EQ(run.exit_code, 0) << run.out;

  Result<std::string> before_bytes = ReadFile(book);
  Result<std::string> after_bytes = ReadFile(filled);
  ASSERT_TRUE(before_bytes.ok() && after_bytes.ok());
  Result<std::vector<Grid>> before = ReadXlsx(*before_bytes, book);
  Result<std::vector<Grid>> after = ReadXlsx(*after_bytes, filled);
  ASSERT_TRUE(before.ok() && after.ok());
  ASSERT_EQ(before->size(), after->size());

  // Where answers may go: the answer, choice and remarks cells of the question rows.
  Result<Questionnaire> q = ReadQuestionnaire(book);
  ASSERT_TRUE(q.ok());
  std::set<std::tuple<std::string, int, int>> allowed;
  for (const Item& item : q->items) {
    for (int c : {item.answer_col, item.choice_col, item.remarks_col}) {
      if (c >= 0) allowed.insert({item.sheet, item.row, c});
    }
  }
  const std::set<std::string> question_sheets = {"START HERE", "Organization", "Product",
                                                 "Infrastructure"};
  auto after_by_name = ByName(*after);
  int changed = 0;
  for (const Grid& b : *before) {
    SCOPED_TRACE(b.name);
    const Grid* a = after_by_name[b.name];
    ASSERT_NE(a, nullptr);
    const size_t rows = std::max(a->rows.size(), b.rows.size());
    for (size_t r = 0; r < rows; ++r) {
      const size_t cols = std::max(r < a->rows.size() ? a->rows[r].size() : 0,
                                   r < b.rows.size() ? b.rows[r].size() : 0);
      for (size_t c = 0; c < cols; ++c) {
        const int ri = static_cast<int>(r);
        const int ci = static_cast<int>(c);
        if (a->At(ri, ci) == b.At(ri, ci)) continue;
        ++changed;
        EXPECT_TRUE(question_sheets.count(b.name)) << "wrote on " << b.name;
        EXPECT_TRUE(allowed.count({b.name, ri, ci})) << ColumnName(ci) << ri + 1;
        EXPECT_EQ(b.FormulaAt(ri, ci), nullptr) << "overwrote formula " << ColumnName(ci) << ri + 1;
      }
    }
    // Every formula is still there.
    EXPECT_EQ(a->formulas.size(), b.formulas.size());
  }
  EXPECT_GT(changed, 0);

  // The answered items are the question-sheet rows, with their choice in the dropdown column.
  std::ifstream in(run_json);
  const auto json = nlohmann::json::parse(in);
  int answered = 0;
  for (const auto& item : json["items"]) {
    if (item["status"] != "answered") continue;
    ++answered;
    const std::string id = item["id"];
    const std::string sheet = id.substr(0, id.find('!'));
    EXPECT_TRUE(question_sheets.count(sheet)) << id;
  }
  EXPECT_GT(answered, 0);
  Result<Questionnaire> reread = ReadQuestionnaire(filled);
  ASSERT_TRUE(reread.ok());
  ASSERT_EQ(reread->items.size(), q->items.size());
  int yes = 0;
  for (const Item& item : reread->items) yes += item.choice == "Yes" ? 1 : 0;
  EXPECT_GT(yes, 0);
}

}  // namespace
}  // namespace kotae::sheet
