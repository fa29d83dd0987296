// ReadXlsx and ZipArchive on workbooks built in the test (sheet/xlsx_builder.h) and on the
// corpus workbooks in ../shared/corpus/xlsx when present.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>

#include "base/file.h"
#include "sheet/xlsx_builder.h"
#include "sheet/xlsx_internal.h"
#include "sheet/xlsx_reader.h"
#include "sheet/zip_archive.h"

namespace kotae::sheet {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::SheetSpec;
using ::testing::StartsWith;
using testing::WorkbookSpec;

std::vector<Grid> ReadOk(const WorkbookSpec& spec) {
  Result<std::vector<Grid>> grids = ReadXlsx(spec.Zip(), "book.xlsx");
  EXPECT_TRUE(grids.ok()) << grids.status().message();
  return grids.ok() ? *grids : std::vector<Grid>{};
}

void ExpectRefused(const Result<std::vector<Grid>>& r, const std::string& needle) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
  EXPECT_THAT(r.status().message(), StartsWith("book.xlsx: "));
  EXPECT_THAT(r.status().message(), HasSubstr(needle));
  EXPECT_EQ(r.status().message().find('\n'), std::string::npos);
}

TEST(XlsxReader, CellValueKinds) {
  WorkbookSpec spec;
  spec.shared_strings =
      "<si><t>plain</t></si>"
      "<si><r><rPr><b/></rPr><t>rich </t></r><r><t>text</t></r>"
      "<rPh sb=\"0\" eb=\"1\"><t>ふりがな</t></rPh></si>"
      "<si><t>漢字</t><rPh sb=\"0\" eb=\"2\"><t>かんじ</t></rPh></si>"
      "<si><t>line1_x000D_\nline2</t></si>";
  spec.sheets.push_back(
      {"Values",
       "<sheetData>"
       "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
       "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>"
       "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>inline</t></is></c>"
       "<c r=\"B2\" t=\"str\"><f>A1&amp;\"!\"</f><v>plain!</v></c>"
       "<c r=\"C2\" t=\"b\"><v>1</v></c><c r=\"D2\" t=\"b\"><v>0</v></c>"
       "<c r=\"E2\" t=\"e\"><v>#N/A</v></c></row>"
       "<row r=\"3\"><c r=\"A3\"><v>1.0</v></c><c r=\"B3\"><v>0.5</v></c>"
       "<c r=\"C3\"><v>42</v></c><c r=\"D3\"><f>1/3</f><v>0.33333333333333331</v></c>"
       "<c r=\"E3\"><v>1E+20</v></c><c r=\"F3\" t=\"n\"><v>-3.25</v></c>"
       "<c r=\"G3\"><v>0.30000000000000004</v></c></row>"
       "</sheetData>"});
  std::vector<Grid> grids = ReadOk(spec);
  ASSERT_EQ(grids.size(), 1u);
  const Grid& g = grids[0];
  EXPECT_EQ(g.name, "Values");
  EXPECT_THAT(g.rows[0], ElementsAre("plain", "rich text", "漢字", "line1\nline2"));
  EXPECT_THAT(g.rows[1], ElementsAre("inline", "plain!", "TRUE", "FALSE", "#N/A"));
  EXPECT_THAT(g.rows[2],
              ElementsAre("1", "0.5", "42", "0.333333333333333", "1E+20", "-3.25", "0.3"));
}

// What may go into an XML part: well-formed UTF-8 of characters XML 1.0 allows. Each case is
// (input, kept); the F8 lead byte is what fuzz/docx_parts_fuzz found passing as a character.
TEST(XlsxInternal, SanitizeXmlTextKeepsOnlyWellFormedUtf8) {
  const std::pair<std::string, std::string> cases[] = {
      {"有り\tYes\n", "有り\tYes\n"},
      {"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80"},  // U+1F600, four bytes
      {"a\x01z", "az"},                          // C0 control
      {"a\x80z", "az"},                          // lone continuation byte
      {"a\xC0\xAFz", "az"},                      // overlong '/'
      {"a\xE0\x80\xAFz", "az"},                  // overlong, three bytes
      {"a\xED\xA0\x80z", "az"},                  // UTF-16 surrogate
      {"a\xEF\xBF\xBEz", "az"},                  // U+FFFE
      {"a\xF4\x90\x80\x80z", "az"},              // above U+10FFFF
      {"a\xFB\xBB\xBB\xBBz", "az"},              // F8–FF never lead a sequence
      {"a\xE6\x97", "a"},                        // truncated at the end
  };
  for (const auto& [input, kept] : cases) {
    EXPECT_EQ(xlsx::SanitizeXmlText(input), kept) << ::testing::PrintToString(input);
  }
}

// pugixml passes malformed UTF-8 through; the reader drops it from cells and sheet names so
// that the run JSON and the filled workbook get valid text (found by fuzz/xlsx_parts_fuzz).
TEST(XlsxReader, MalformedUtf8IsDropped) {
  WorkbookSpec spec;
  spec.shared_strings = "<si><t>暗号化\xff\xffの有無</t></si>";
  spec.sheets.push_back(
      {"Sheet\xE7\xAC"
       "1",
       "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
       "<c r=\"B1\" t=\"inlineStr\"><is><t>有\xE7\xAC"
       "り</t></is></c>"
       "</row></sheetData>"});
  std::vector<Grid> grids = ReadOk(spec);
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids[0].name, "Sheet1");
  ASSERT_EQ(grids[0].rows.size(), 1u);
  EXPECT_EQ(grids[0].rows[0], (std::vector<std::string>{"暗号化の有無", "有り"}));
}

TEST(XlsxReader, CellsWithoutReferencesArePlacedSequentially) {
  WorkbookSpec spec;
  spec.sheets.push_back({"S",
                         "<sheetData><row><c t=\"inlineStr\"><is><t>a</t></is></c>"
                         "<c r=\"C1\" t=\"inlineStr\"><is><t>c</t></is></c>"
                         "<c t=\"inlineStr\"><is><t>d</t></is></c></row>"
                         "<row r=\"3\"><c t=\"inlineStr\"><is><t>x</t></is></c></row>"
                         "<row><c><v>7</v></c></row></sheetData>"});
  std::vector<Grid> grids = ReadOk(spec);
  ASSERT_EQ(grids.size(), 1u);
  const Grid& g = grids[0];
  ASSERT_EQ(g.rows.size(), 4u);
  EXPECT_THAT(g.rows[0], ElementsAre("a", "", "c", "d"));
  EXPECT_TRUE(g.rows[1].empty());
  EXPECT_EQ(g.At(2, 0), "x");
  EXPECT_EQ(g.At(3, 0), "7");
}

TEST(XlsxReader, HiddenRowsSheetsMergesAndSheetKinds) {
  WorkbookSpec spec;
  spec.sheets.push_back({"Visible",
                         "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>h</t></is>"
                         "</c></row><row r=\"2\" hidden=\"1\"><c r=\"A2\"><v>2</v></c></row>"
                         "<row r=\"3\"><c r=\"A3\"><v>3</v></c></row>"
                         "<row r=\"9\" hidden=\"true\"/></sheetData>"
                         "<mergeCells count=\"2\"><mergeCell ref=\"A1:D1\"/>"
                         "<mergeCell ref=\"B2:B5\"/></mergeCells>"});
  spec.sheets.push_back({"Chart", "", "", true});
  spec.sheets.push_back({"Lists", "<sheetData/>", "hidden"});
  spec.sheets.push_back({"Secret", "<sheetData/>", "veryHidden"});
  std::vector<Grid> grids = ReadOk(spec);
  ASSERT_EQ(grids.size(), 3u);
  EXPECT_EQ(grids[0].name, "Visible");
  EXPECT_FALSE(grids[0].hidden_sheet);
  EXPECT_EQ(grids[1].name, "Lists");
  EXPECT_TRUE(grids[1].hidden_sheet);
  EXPECT_EQ(grids[2].name, "Secret");
  EXPECT_TRUE(grids[2].hidden_sheet);
  const Grid& g = grids[0];
  EXPECT_THAT(g.hidden_rows, ElementsAre(false, true, false));
  ASSERT_EQ(g.merges.size(), 2u);
  EXPECT_EQ(g.merges[0].first_row, 0);
  EXPECT_EQ(g.merges[0].last_col, 3);
  EXPECT_EQ(g.merges[1].first_col, 1);
  EXPECT_EQ(g.merges[1].last_row, 4);
}

TEST(XlsxReader, ListValidationsInAllForms) {
  WorkbookSpec spec;
  spec.defined_names =
      "<definedName name=\"Answers\">Lists!$A$1:$A$3</definedName>"
      "<definedName name=\"Local\" localSheetId=\"0\">'Other Sheet'!$B$1:$B$2</definedName>";
  const std::string x14 =
      "<extLst><ext uri=\"{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}\" "
      "xmlns:x14=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/main\">"
      "<x14:dataValidations count=\"1\" "
      "xmlns:xm=\"http://schemas.microsoft.com/office/excel/2006/main\">"
      "<x14:dataValidation type=\"list\" allowBlank=\"1\"><x14:formula1>"
      "<xm:f>'Other Sheet'!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>F1:F4</xm:sqref>"
      "</x14:dataValidation></x14:dataValidations></ext></extLst>";
  spec.sheets.push_back(
      {"Q",
       "<sheetData><row r=\"1\"><c r=\"H1\" t=\"inlineStr\"><is><t>高</t></is></c></row>"
       "<row r=\"2\"><c r=\"H2\" t=\"inlineStr\"><is><t>中</t></is></c></row>"
       "<row r=\"3\"><c r=\"H3\" t=\"inlineStr\"><is><t>低</t></is></c></row></sheetData>"
       "<dataValidations count=\"5\">"
       "<dataValidation type=\"list\" sqref=\"A1 A3:A5\"><formula1>\"Yes, No,\"\"N/A\"\"\""
       "</formula1></dataValidation>"
       "<dataValidation type=\"list\" sqref=\"B1:B9\"><formula1>$H$1:$H$3</formula1>"
       "</dataValidation>"
       "<dataValidation type=\"list\" sqref=\"C1\"><formula1>Answers</formula1>"
       "</dataValidation>"
       "<dataValidation type=\"list\" sqref=\"D1\"><formula1>Local</formula1>"
       "</dataValidation>"
       "<dataValidation type=\"whole\" sqref=\"E1\"><formula1>1</formula1></dataValidation>"
       "<dataValidation type=\"list\" sqref=\"G1\"><formula1>INDIRECT(A1)</formula1>"
       "</dataValidation>"
       "</dataValidations>" +
           x14});
  spec.sheets.push_back({"Lists",
                         "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>有り</t>"
                         "</is></c></row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>無し"
                         "</t></is></c></row><row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>"
                         "該当なし</t></is></c></row></sheetData>",
                         "hidden"});
  spec.sheets.push_back({"Other Sheet",
                         "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>○</t></is>"
                         "</c><c r=\"B1\" t=\"inlineStr\"><is><t>可</t></is></c></row>"
                         "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>×</t></is></c>"
                         "<c r=\"B2\" t=\"inlineStr\"><is><t>不可</t></is></c></row>"
                         "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>－</t></is></c></row>"
                         "</sheetData>"});
  std::vector<Grid> grids = ReadOk(spec);
  ASSERT_EQ(grids.size(), 3u);
  const Grid& g = grids[0];
  auto options = [&g](int row, int col) {
    const std::vector<std::string>* o = g.OptionsAt(row, col);
    return o == nullptr ? std::vector<std::string>{"<none>"} : *o;
  };
  EXPECT_THAT(options(0, 0), ElementsAre("Yes", "No", "\"N/A\""));
  EXPECT_THAT(options(3, 0), ElementsAre("Yes", "No", "\"N/A\""));
  EXPECT_THAT(options(1, 0), ElementsAre("<none>"));  // A2 is outside "A1 A3:A5"
  EXPECT_THAT(options(8, 1), ElementsAre("高", "中", "低"));
  EXPECT_THAT(options(0, 2), ElementsAre("有り", "無し", "該当なし"));
  EXPECT_THAT(options(0, 3), ElementsAre("可", "不可"));
  EXPECT_THAT(options(0, 4), ElementsAre("<none>"));  // not a list validation
  EXPECT_THAT(options(0, 6), ElementsAre("<none>"));  // INDIRECT cannot be resolved
  EXPECT_THAT(options(3, 5), ElementsAre("○", "×", "－"));
}

TEST(XlsxReader, PrefixedNamespacesAndAbsoluteTargets) {
  const std::string decl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
  std::string bytes = testing::ZipParts(
      {{"[Content_Types].xml", decl + "<Types/>"},
       {"xl/workbook.xml",
        decl +
            "<x:workbook xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            "xmlns:rel=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            "<x:sheets><x:sheet name=\"P\" sheetId=\"1\" rel:id=\"a\"/></x:sheets></x:workbook>"},
       {"xl/_rels/workbook.xml.rels",
        decl + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
               "relationships\"><Relationship Id=\"a\" Type=\"http://schemas.openxmlformats.org/"
               "officeDocument/2006/relationships/worksheet\" Target=\"/xl/ws/p.xml\"/>"
               "</Relationships>"},
       {"xl/ws/p.xml",
        decl + "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
               "<x:sheetData><x:row r=\"2\"><x:c r=\"B2\" t=\"inlineStr\"><x:is><x:t>ok</x:t>"
               "</x:is></x:c></x:row></x:sheetData></x:worksheet>"}});
  Result<std::vector<Grid>> grids = ReadXlsx(bytes, "book.xlsx");
  ASSERT_TRUE(grids.ok()) << grids.status().message();
  ASSERT_EQ(grids->size(), 1u);
  EXPECT_EQ((*grids)[0].At(1, 1), "ok");
}

TEST(XlsxReader, RefusesDoctypeAndEntities) {
  WorkbookSpec spec;
  spec.sheets.push_back({"S", "<sheetData/>"});
  auto parts = spec.Parts();
  for (auto& [name, content] : parts) {
    if (name == "xl/worksheets/sheet1.xml") {
      content.insert(content.find("<worksheet"), "<!DOCTYPE worksheet [<!ENTITY e \"lol\">]>\n");
    }
  }
  ExpectRefused(ReadXlsx(testing::ZipParts(parts), "book.xlsx"), "xl/worksheets/sheet1.xml");
  ExpectRefused(ReadXlsx(testing::ZipParts(parts), "book.xlsx"), "not allowed");
}

TEST(XlsxReader, RefusesWhatIsNotAWorkbook) {
  ExpectRefused(ReadXlsx("", "book.xlsx"), "not a zip");
  ExpectRefused(ReadXlsx(std::string(4096, 'x'), "book.xlsx"), "zip");
  ExpectRefused(ReadXlsx(testing::ZipParts({{"hello.txt", "hi"}}), "book.xlsx"),
                "not an xlsx workbook");
  WorkbookSpec spec;
  spec.sheets.push_back({"S", "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"});
  ExpectRefused(ReadXlsx(spec.Zip(), "book.xlsx"), "malformed XML");
}

TEST(XlsxReader, RefusesTruncatedArchives) {
  WorkbookSpec spec;
  spec.sheets.push_back(
      {"S", "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData>"});
  const std::string whole = spec.Zip();
  for (std::size_t keep : {whole.size() / 4, whole.size() / 2, whole.size() - 30}) {
    Result<std::vector<Grid>> r = ReadXlsx(whole.substr(0, keep), "book.xlsx");
    ASSERT_FALSE(r.ok()) << "kept " << keep;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
    EXPECT_THAT(r.status().message(), StartsWith("book.xlsx: "));
  }
}

TEST(XlsxReader, RefusesZipBombs) {
  // 3 MiB of whitespace deflates to a few KiB: a ratio far above the limit.
  WorkbookSpec spec;
  spec.sheets.push_back({"S", "<sheetData/>" + std::string(3u << 20, ' ')});
  ExpectRefused(ReadXlsx(spec.Zip(), "book.xlsx"), "compression ratio");
}

// Rewrites the uncompressed size of `entry` in both the local and the central header, the
// way a hand-crafted bomb lies about what it will expand to.
std::string LieAboutSize(std::string zip, const std::string& entry, std::uint32_t size) {
  auto patch = [&](const char* sig, std::size_t name_len_at, std::size_t name_at,
                   std::size_t size_at) {
    for (std::size_t pos = zip.find(sig); pos != std::string::npos; pos = zip.find(sig, pos + 1)) {
      std::uint16_t len = 0;
      std::memcpy(&len, zip.data() + pos + name_len_at, 2);
      if (zip.compare(pos + name_at, len, entry) == 0) {
        std::memcpy(zip.data() + pos + size_at, &size, 4);
      }
    }
  };
  patch("PK\x03\x04", 26, 30, 22);
  patch("PK\x01\x02", 28, 46, 24);
  return zip;
}

TEST(XlsxReader, RefusesEntriesThatExpandBeyondTheirDeclaredSize) {
  WorkbookSpec spec;
  spec.sheets.push_back({"S", "<sheetData>" + std::string(100000, ' ') + "</sheetData>"});
  std::string lying = LieAboutSize(spec.Zip(), "xl/worksheets/sheet1.xml", 100);
  Result<std::vector<Grid>> r = ReadXlsx(lying, "book.xlsx");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
  EXPECT_THAT(r.status().message(), StartsWith("book.xlsx: "));
}

TEST(ZipArchive, EnforcesEntryAndTotalLimits) {
  std::string bytes =
      testing::ZipParts({{"a.txt", std::string(3000, 'a')}, {"b.txt", std::string(3000, 'b')}});
  ZipLimits limits;
  limits.max_entry_bytes = 2000;
  Result<ZipArchive> zip = ZipArchive::Open(bytes, "z.zip", limits);
  ASSERT_TRUE(zip.ok());
  Result<std::string> a = zip->Read("a.txt");
  ASSERT_FALSE(a.ok());
  EXPECT_THAT(a.status().message(), HasSubstr("too large"));

  limits.max_entry_bytes = 4000;
  limits.max_total_bytes = 5000;
  Result<ZipArchive> zip2 = ZipArchive::Open(bytes, "z.zip", limits);
  ASSERT_TRUE(zip2.ok());
  ASSERT_TRUE(zip2->Read("a.txt").ok());
  EXPECT_FALSE(zip2->Read("b.txt").ok());
  EXPECT_EQ(zip2->Read("missing").status().code(), StatusCode::kNotFound);
  EXPECT_THAT(zip2->EntryNames(), ElementsAre("a.txt", "b.txt"));

  limits.max_entries = 1;
  EXPECT_FALSE(ZipArchive::Open(bytes, "z.zip", limits).ok());
}

TEST(XlsxReader, FarAwayCellDoesNotAllocateARectangle) {
  WorkbookSpec spec;
  spec.sheets.push_back({"S",
                         "<dimension ref=\"A1:XFD1048576\"/><sheetData><row r=\"1048576\">"
                         "<c r=\"XFD1048576\"><v>1</v></c></row></sheetData>"});
  std::vector<Grid> grids = ReadOk(spec);
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids[0].rows.size(), 1048576u);
  EXPECT_EQ(grids[0].At(1048575, 16383), "1");
  EXPECT_TRUE(grids[0].rows[0].empty());

  // Hundreds of rows each with a cell at the last column would need gigabytes of empty
  // cells; the reader refuses instead.
  std::string rows;
  for (int r = 1; r <= 400; ++r) {
    rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"XFD" + std::to_string(r) +
            "\"><v>1</v></c></row>";
  }
  WorkbookSpec sparse;
  sparse.sheets.push_back({"S", "<sheetData>" + rows + "</sheetData>"});
  ExpectRefused(ReadXlsx(sparse.Zip(), "book.xlsx"), "too large");
}

// --- corpus workbooks ---------------------------------------------------------------------

const fs::path kCorpusXlsx = fs::path(KOTAE_SHARED_DIR) / "corpus" / "xlsx";

#define SKIP_WITHOUT_CORPUS()         \
  if (!fs::is_directory(kCorpusXlsx)) \
  GTEST_SKIP() << "corpus not found under " << kCorpusXlsx.string() << "; skipping"

std::vector<Grid> ReadCorpus(const std::string& file) {
  Result<std::string> bytes = ReadFile((kCorpusXlsx / file).string());
  EXPECT_TRUE(bytes.ok()) << bytes.status().message();
  if (!bytes.ok()) return {};
  Result<std::vector<Grid>> grids = ReadXlsx(std::move(*bytes), file);
  EXPECT_TRUE(grids.ok()) << grids.status().message();
  return grids.ok() ? *grids : std::vector<Grid>{};
}

// Column of the header cell `header` in the first rows, or -1.
std::pair<int, int> FindCell(const Grid& g, const std::string& text) {
  for (int r = 0; r < static_cast<int>(g.rows.size()); ++r) {
    for (int c = 0; c < static_cast<int>(g.rows[r].size()); ++c) {
      if (g.At(r, c) == text) return {r, c};
    }
  }
  return {-1, -1};
}

void ExpectAnswerColumnOffers(const std::string& file, const std::string& header,
                              const std::vector<std::string>& expected) {
  std::vector<Grid> grids = ReadCorpus(file);
  ASSERT_FALSE(grids.empty());
  const Grid& g = grids[0];
  auto [hr, hc] = FindCell(g, header);
  ASSERT_GE(hr, 0) << "no header '" << header << "' in " << file;
  // Every dropdown in the answer column below the header offers exactly the expected list;
  // some rows (free-text answers) have none.
  int dropdowns = 0;
  for (int r = hr + 1; r < static_cast<int>(g.rows.size()); ++r) {
    const std::vector<std::string>* options = g.OptionsAt(r, hc);
    if (options == nullptr) continue;
    ++dropdowns;
    EXPECT_EQ(*options, expected) << file << " row " << r + 1;
  }
  EXPECT_GE(dropdowns, 10) << file << ": too few dropdowns under '" << header << "'";
}

TEST(XlsxCorpus, AnswerColumnsOfferTheirDropdownValues) {
  SKIP_WITHOUT_CORPUS();
  ExpectAnswerColumnOffers("sla_checksheet_blank.xlsx", "回答", {"有り", "無し", "該当なし"});
  ExpectAnswerColumnOffers("iso27017_checklist_blank.xlsx", "対応状況", {"○", "×", "－"});
  ExpectAnswerColumnOffers("english_questionnaire_blank.xlsx", "Response", {"Yes", "No", "N/A"});
}

TEST(XlsxCorpus, EveryWorkbookReadsWithSheetsAndMerges) {
  SKIP_WITHOUT_CORPUS();
  for (const auto& e : fs::directory_iterator(kCorpusXlsx)) {
    if (e.path().extension() != ".xlsx") continue;
    std::vector<Grid> grids = ReadCorpus(e.path().filename().string());
    ASSERT_FALSE(grids.empty()) << e.path();
    EXPECT_GT(grids[0].rows.size(), 10u) << e.path();
    EXPECT_FALSE(grids[0].merges.empty()) << e.path();
  }
  std::vector<Grid> sla = ReadCorpus("sla_checksheet_blank.xlsx");
  ASSERT_EQ(sla.size(), 2u);
  EXPECT_EQ(sla[0].name, "チェックシート");
  EXPECT_EQ(sla[1].name, "記入要領");
}

}  // namespace
}  // namespace kotae::sheet
