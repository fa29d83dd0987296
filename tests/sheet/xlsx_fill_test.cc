// FillXlsx: fill, re-read with ReadXlsx and compare the archives part by part.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <unistd.h>

#include "base/file.h"
#include "sheet/fill.h"
#include "sheet/xlsx_builder.h"
#include "sheet/xlsx_reader.h"
#include "sheet/zip_archive.h"
#include "support/run_command.h"

namespace kotae::sheet {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::SheetSpec;
using testing::WorkbookSpec;

struct Entry {
  std::string content;
  std::uint32_t crc = 0;
  std::uint64_t comp_size = 0;
};

// Every entry of a zip with its uncompressed content and its stored (compressed) size + CRC.
std::map<std::string, Entry> Entries(const std::string& bytes) {
  std::map<std::string, Entry> out;
  Result<ZipArchive> zip = ZipArchive::Open(bytes, "x.xlsx");
  EXPECT_TRUE(zip.ok()) << zip.status().message();
  if (!zip.ok()) return out;
  zip_error_t error;
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* raw = zip_open_from_source(src, ZIP_RDONLY, &error);
  for (const std::string& name : zip->EntryNames()) {
    Entry e;
    e.content = *zip->Read(name);
    zip_stat_t st;
    zip_stat(raw, name.c_str(), 0, &st);
    e.crc = st.crc;
    e.comp_size = st.comp_size;
    out[name] = e;
  }
  zip_discard(raw);
  return out;
}

class XlsxFillTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kotae_xlsx_fill_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  fs::path dir_;
};

WorkbookSpec Questionnaire() {
  WorkbookSpec spec;
  spec.shared_strings = "<si><t>Question</t></si><si><t>Answer</t></si><si><t>Do you?</t></si>";
  spec.sheets.push_back(SheetSpec(
      "Q",
      "<dimension ref=\"A1:B3\"/><sheetData>"
      "<row r=\"1\" spans=\"1:2\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
      "</row><row r=\"2\" spans=\"1:2\"><c r=\"A2\" t=\"s\"><v>2</v></c>"
      "<c r=\"B2\" s=\"1\"/></row>"
      "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>And this?</t></is></c>"
      "<c r=\"D3\"><v>9</v></c></row>"
      "<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>Last?</t></is></c></row></sheetData>"
      "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" "
      "footer=\"0.3\"/>"));
  spec.sheets.push_back(SheetSpec("Untouched",
                                  "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v>"
                                  "</c></row></sheetData>"));
  spec.extra_parts.push_back(
      {"xl/media/image1.png", std::string("\x89PNG\r\n\x1a\n", 8) + std::string(5000, '\x7f')});
  return spec;
}

TEST_F(XlsxFillTest, RoundTripWritesAnswersAndKeepsOtherPartsByteIdentical) {
  const std::string original = Questionnaire().Zip();
  const std::string in = Write("in.xlsx", original);
  const std::string out = Path("out.xlsx");
  std::vector<CellFill> fills(4);
  fills[0].sheet = "Q";  // existing styled, empty cell
  fills[0].row = 1;
  fills[0].answer_col = 1;
  fills[0].answer = "Yes, <always> & \"everywhere\"\x01 _x0041_";
  fills[1].sheet = "Q";  // a missing cell between A3 and D3
  fills[1].row = 2;
  fills[1].answer_col = 1;
  fills[1].choice_col = 2;
  fills[1].answer = "Partly";
  fills[1].choice = "No";
  fills[1].needs_review = true;
  fills[1].note = "source: policy.md §3";
  fills[2].sheet = "Q";  // a row that does not exist yet, between rows 3 and 5
  fills[2].row = 3;
  fills[2].answer_col = 1;
  fills[2].answer = "行\n二行目";
  fills[3].sheet = "Q";  // after the last row, far right: dimension grows
  fills[3].row = 6;
  fills[3].answer_col = 5;
  fills[3].answer = "end";
  ASSERT_TRUE(FillXlsx(in, out, fills).ok());

  Result<std::string> filled = ReadFile(out);
  ASSERT_TRUE(filled.ok());
  EXPECT_EQ(*ReadFile(in), original) << "input must not change";

  Result<std::vector<Grid>> grids = ReadXlsx(*filled, out);
  ASSERT_TRUE(grids.ok()) << grids.status().message();
  const Grid& q = (*grids)[0];
  EXPECT_EQ(q.At(1, 1), "Yes, <always> & \"everywhere\" _x0041_");
  EXPECT_EQ(q.At(2, 0), "And this?");
  EXPECT_EQ(q.At(2, 1), "Partly");
  EXPECT_EQ(q.At(2, 2), "No");
  EXPECT_EQ(q.At(2, 3), "9");
  EXPECT_EQ(q.At(3, 1), "行\n二行目");
  EXPECT_EQ(q.At(4, 0), "Last?");
  EXPECT_EQ(q.At(6, 5), "end");
  EXPECT_EQ(q.At(0, 1), "Answer");

  std::map<std::string, Entry> before = Entries(original);
  std::map<std::string, Entry> after = Entries(*filled);
  const std::set<std::string> may_change = {"xl/worksheets/sheet1.xml", "xl/styles.xml",
                                            "[Content_Types].xml"};
  for (const auto& [name, entry] : before) {
    ASSERT_TRUE(after.count(name)) << name << " disappeared";
    if (may_change.count(name)) continue;
    EXPECT_EQ(after[name].content, entry.content) << name;
    EXPECT_EQ(after[name].crc, entry.crc) << name;
    EXPECT_EQ(after[name].comp_size, entry.comp_size) << name << " was recompressed";
  }

  // The existing cell kept its style; the review cells got a clone of theirs with a new fill.
  const std::string sheet = after["xl/worksheets/sheet1.xml"].content;
  EXPECT_THAT(sheet, HasSubstr("<c r=\"B2\" s=\"1\" t=\"inlineStr\">"));
  EXPECT_THAT(sheet, HasSubstr("<c r=\"B3\" t=\"inlineStr\" s=\"2\">"));
  EXPECT_THAT(sheet, HasSubstr("<dimension ref=\"A1:F7\"/>"));
  EXPECT_THAT(sheet, HasSubstr("_x005F_x0041_"));
  EXPECT_EQ(sheet.find('\x01'), std::string::npos);
  const std::string styles = after["xl/styles.xml"].content;
  EXPECT_THAT(styles, HasSubstr("<fills count=\"3\">"));
  EXPECT_THAT(styles, HasSubstr("FFFFEB9C"));
  EXPECT_THAT(styles, HasSubstr("<cellXfs count=\"3\">"));
  EXPECT_THAT(styles, HasSubstr("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"2\" borderId=\"0\" "
                                "applyFill=\"1\"/>"));

  // The note became a comment on the answer cell, wired through rels and content types.
  ASSERT_TRUE(after.count("xl/comments1.xml"));
  EXPECT_THAT(after["xl/comments1.xml"].content, HasSubstr("ref=\"B3\""));
  EXPECT_THAT(after["xl/comments1.xml"].content, HasSubstr("source: policy.md §3"));
  ASSERT_TRUE(after.count("xl/drawings/vmlDrawing1.vml"));
  ASSERT_TRUE(after.count("xl/worksheets/_rels/sheet1.xml.rels"));
  EXPECT_THAT(after["xl/worksheets/_rels/sheet1.xml.rels"].content,
              HasSubstr("Target=\"/xl/comments1.xml\""));
  EXPECT_THAT(sheet, HasSubstr("<legacyDrawing r:id=\"rId1\"/>"));
  EXPECT_THAT(after["xl/worksheets/_rels/sheet1.xml.rels"].content,
              HasSubstr("Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
                        "2006/relationships/vmlDrawing\""));
  EXPECT_LT(sheet.find("<pageMargins"), sheet.find("<legacyDrawing"));
  EXPECT_THAT(after["[Content_Types].xml"].content,
              HasSubstr("<Override PartName=\"/xl/comments1.xml\""));
  EXPECT_THAT(after["[Content_Types].xml"].content, HasSubstr("Extension=\"vml\""));
}

TEST_F(XlsxFillTest, NoteGoesToRemarksWhenTheSheetAlreadyHasADrawing) {
  WorkbookSpec spec;
  spec.sheets.push_back(SheetSpec("Q",
                                  "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
                                  "</sheetData><legacyDrawing r:id=\"rId9\"/>"));
  const std::string in = Write("in.xlsx", spec.Zip());
  CellFill f;
  f.sheet = "Q";
  f.row = 0;
  f.answer_col = 1;
  f.remarks_col = 2;
  f.answer = "Yes";
  f.note = "see policy";
  ASSERT_TRUE(FillXlsx(in, Path("out.xlsx"), {f}).ok());
  Result<std::vector<Grid>> grids = ReadXlsx(*ReadFile(Path("out.xlsx")), "out.xlsx");
  ASSERT_TRUE(grids.ok());
  EXPECT_EQ((*grids)[0].At(0, 1), "Yes");
  EXPECT_EQ((*grids)[0].At(0, 2), "see policy");
}

TEST_F(XlsxFillTest, RowsAndCellsWithoutReferencesStayInPlace) {
  WorkbookSpec spec;
  spec.sheets.push_back(SheetSpec("Q",
                                  "<sheetData><row><c t=\"inlineStr\"><is><t>q1</t></is></c></row>"
                                  "<row><c t=\"inlineStr\"><is><t>q2</t></is></c><c><v>5</v></c>"
                                  "</row></sheetData>"));
  const std::string in = Write("in.xlsx", spec.Zip());
  CellFill f;
  f.sheet = "Q";
  f.row = 0;
  f.answer_col = 1;
  f.answer = "a1";
  ASSERT_TRUE(FillXlsx(in, Path("out.xlsx"), {f}).ok());
  Result<std::vector<Grid>> grids = ReadXlsx(*ReadFile(Path("out.xlsx")), "out.xlsx");
  ASSERT_TRUE(grids.ok());
  const Grid& g = (*grids)[0];
  EXPECT_EQ(g.At(0, 0), "q1");
  EXPECT_EQ(g.At(0, 1), "a1");
  EXPECT_EQ(g.At(1, 0), "q2");
  EXPECT_EQ(g.At(1, 1), "5");
}

TEST_F(XlsxFillTest, RefusesOutputThatIsTheInput) {
  const std::string original = Questionnaire().Zip();
  const std::string in = Write("in.xlsx", original);
  CellFill f;
  f.sheet = "Q";
  f.row = 1;
  f.answer_col = 1;
  f.answer = "Yes";
  for (const std::string& out : {in, (dir_ / "." / "in.xlsx").string()}) {
    Status s = FillXlsx(in, out, {f});
    EXPECT_EQ(s.code(), StatusCode::kInvalidInput) << out;
  }
  fs::create_hard_link(in, Path("link.xlsx"));
  EXPECT_EQ(FillXlsx(in, Path("link.xlsx"), {f}).code(), StatusCode::kInvalidInput);
  EXPECT_EQ(*ReadFile(in), original);
}

TEST_F(XlsxFillTest, FailureLeavesNoOutput) {
  const std::string in = Write("in.xlsx", Questionnaire().Zip());
  CellFill f;
  f.sheet = "Nope";
  f.row = 0;
  f.answer_col = 0;
  f.answer = "x";
  Status s = FillXlsx(in, Path("out.xlsx"), {f});
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_THAT(s.message(), HasSubstr("Nope"));
  EXPECT_FALSE(fs::exists(Path("out.xlsx")));

  const std::string bad = Write("bad.xlsx", "PK\x03\x04 not really a zip");
  f.sheet = "Q";
  s = FillXlsx(bad, Path("out.xlsx"), {f});
  EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
  EXPECT_FALSE(fs::exists(Path("out.xlsx")));
  for (const auto& e : fs::directory_iterator(dir_)) {
    EXPECT_THAT(e.path().filename().string(), ::testing::AnyOf("in.xlsx", "bad.xlsx"));
  }
}

// --- corpus ---------------------------------------------------------------------------------

const fs::path kCorpusXlsx = fs::path(KOTAE_SHARED_DIR) / "corpus" / "xlsx";

// Fills every dropdown cell of the SLA sheet's 回答 column with 有り and a remark next to it.
std::vector<CellFill> SlaFills(const Grid& g, int* answer_col) {
  std::vector<CellFill> fills;
  *answer_col = -1;
  for (int r = 0; r < static_cast<int>(g.rows.size()) && *answer_col < 0; ++r) {
    for (int c = 0; c < static_cast<int>(g.rows[r].size()); ++c) {
      if (g.At(r, c) == "回答") *answer_col = c;
    }
  }
  for (int r = 0; r < static_cast<int>(g.rows.size()); ++r) {
    if (g.OptionsAt(r, *answer_col) == nullptr) continue;
    CellFill f;
    f.sheet = g.name;
    f.row = r;
    f.choice_col = *answer_col;
    f.choice = "有り";
    f.needs_review = r % 2 == 0;
    f.note = "kotae note " + std::to_string(r);
    fills.push_back(f);
  }
  return fills;
}

TEST_F(XlsxFillTest, CorpusWorkbookFillsAndOpensInLibreOffice) {
  const fs::path source = kCorpusXlsx / "sla_checksheet_blank.xlsx";
  if (!fs::exists(source)) GTEST_SKIP() << "corpus not found at " << source << "; skipping";
  Result<std::string> bytes = ReadFile(source.string());
  ASSERT_TRUE(bytes.ok());
  Result<std::vector<Grid>> grids = ReadXlsx(*bytes, source.string());
  ASSERT_TRUE(grids.ok());
  int col = -1;
  std::vector<CellFill> fills = SlaFills((*grids)[0], &col);
  ASSERT_GE(fills.size(), 10u);
  const std::string out = Path("filled.xlsx");
  Status s = FillXlsx(source.string(), out, fills);
  ASSERT_TRUE(s.ok()) << s.message();
  Result<std::vector<Grid>> back = ReadXlsx(*ReadFile(out), out);
  ASSERT_TRUE(back.ok()) << back.status().message();
  for (const CellFill& f : fills) EXPECT_EQ((*back)[0].At(f.row, col), "有り") << f.row;
  EXPECT_EQ((*back)[1].rows, (*grids)[1].rows);

  const char* candidates[] = {"/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"};
  std::string soffice;
  for (const char* c : candidates) {
    if (fs::exists(c)) soffice = c;
  }
  if (soffice.empty()) GTEST_SKIP() << "soffice not installed; skipping the LibreOffice check";
  fs::create_directories(dir_ / "home");
  fs::create_directories(dir_ / "csv");
  const std::string command =
      "HOME='" + (dir_ / "home").string() + "' timeout 180 '" + soffice +
      "' --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' --outdir '" +
      (dir_ / "csv").string() + "' '" + out + "'";
  const kotae::test::CommandResult soffice_run = kotae::test::RunShell(command);
  ASSERT_EQ(soffice_run.exit_code, 0) << command << "\n" << soffice_run.out << soffice_run.err;
  Result<std::string> csv = ReadFile((dir_ / "csv" / "filled.csv").string());
  ASSERT_TRUE(csv.ok()) << csv.status().message();
  std::size_t count = 0;
  for (std::size_t pos = csv->find("有り"); pos != std::string::npos;
       pos = csv->find("有り", pos + 1)) {
    ++count;
  }
  EXPECT_GE(count, fills.size());
}

}  // namespace
}  // namespace kotae::sheet
