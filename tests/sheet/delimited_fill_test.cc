// Filling CSV/TSV/text tables (FillDelimited, NeutralizeFormula in sheet/fill.h).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "base/file.h"
#include "sheet/csv_reader.h"
#include "sheet/encoding.h"
#include "sheet/fill.h"

namespace kotae::sheet {
namespace {

namespace fs = std::filesystem;

std::string Fixture(const std::string& name) {
  return std::string(KOTAE_TEST_DIR) + "/fixtures/formats/" + name;
}

class DelimitedFillTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("kotae_fill_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  std::string Write(const std::string& name, const std::string& bytes) const {
    std::string p = Path(name);
    EXPECT_TRUE(WriteFileAtomic(p, bytes).ok());
    return p;
  }
  fs::path dir_;
};

CellFill Fill(int row, int answer_col, std::string answer) {
  CellFill f;
  f.row = row;
  f.answer_col = answer_col;
  f.answer = std::move(answer);
  return f;
}

TEST(NeutralizeFormulaTest, PrefixesFormulaStarters) {
  EXPECT_EQ(NeutralizeFormula("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
  EXPECT_EQ(NeutralizeFormula("+1"), "'+1");
  EXPECT_EQ(NeutralizeFormula("-1+2"), "'-1+2");
  EXPECT_EQ(NeutralizeFormula("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(NeutralizeFormula("\tx"), "'\tx");
  EXPECT_EQ(NeutralizeFormula("\rx"), "'\rx");
  EXPECT_EQ(NeutralizeFormula("はい"), "はい");
  EXPECT_EQ(NeutralizeFormula("a=b"), "a=b");
  EXPECT_EQ(NeutralizeFormula(""), "");
}

TEST_F(DelimitedFillTest, FillsUtf8CsvWithQuotingAndCrlf) {
  std::string in = Path("in.csv");
  fs::copy_file(Fixture("rfc4180.csv"), in);
  CellFill f = Fill(3, 2, "はい、\"AES-256\" で暗号化");
  f.remarks_col = 3;
  f.note = "source: policy §3";
  f.needs_review = true;
  ASSERT_TRUE(FillDelimited(in, Path("out.csv"), {f, Fill(1, 2, "=cmd|' /C calc'!A0")}).ok());
  auto out = ReadFile(Path("out.csv"));
  ASSERT_TRUE(out.ok());
  EXPECT_NE(out->find("3,暗号化していますか,\"はい、\"\"AES-256\"\" で暗号化\","
                      "[要確認 / review] source: policy §3\r\n"),
            std::string::npos)
      << *out;
  // Existing multi-line and quoted cells survive; the formula is neutralised.
  auto back = ReadDelimited(*out, "out.csv");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->grid.rows[2][1], "複数行の\n質問です");
  EXPECT_EQ(back->grid.rows[2][3], "a,b");
  EXPECT_EQ(back->grid.rows[1][2], "'=cmd|' /C calc'!A0");
  EXPECT_EQ(back->encoding, Encoding::kUtf8);
}

TEST_F(DelimitedFillTest, ShiftJisStaysShiftJis) {
  std::string in = Path("sjis.csv");
  fs::copy_file(Fixture("sjis.csv"), in);
  CellFill f = Fill(1, 2, "はい（AES-256）");
  f.choice_col = 5;  // beyond the row: the row grows
  f.choice = "○";
  ASSERT_TRUE(FillDelimited(in, Path("out.csv"), {f}).ok());
  auto out = ReadFile(Path("out.csv"));
  ASSERT_TRUE(out.ok());
  // Bytes of "はい" in Shift_JIS, and no UTF-8 lead byte sequence for it.
  EXPECT_NE(out->find("\x82\xCD\x82\xA2"), std::string::npos);
  EXPECT_EQ(out->find("はい"), std::string::npos);
  auto back = ReadDelimited(*out, "out.csv");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->encoding, Encoding::kShiftJis);
  EXPECT_EQ(back->grid.rows[1], (std::vector<std::string>{"1", "データを暗号化していますか",
                                                          "はい（AES-256）", "", "", "○"}));
  EXPECT_EQ(back->grid.rows[2][1], "ログを1年間保管していますか");
}

TEST_F(DelimitedFillTest, ShiftJisUnrepresentableAnswerFailsWithoutOutput) {
  std::string in = Path("sjis.csv");
  fs::copy_file(Fixture("sjis.csv"), in);
  Status s = FillDelimited(in, Path("out.csv"), {Fill(1, 2, "対応済み 👍")});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
  EXPECT_NE(s.message().find("Shift_JIS"), std::string::npos) << s.message();
  EXPECT_FALSE(fs::exists(Path("out.csv")));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_), fs::directory_iterator()), 1);
}

TEST_F(DelimitedFillTest, EveryEncodingRoundTrips) {
  const std::string text = "No\t質問\t回答\r\n1\t暗号化していますか\t\r\n2\tログ\t\r\n";
  for (Encoding e : {Encoding::kUtf8, Encoding::kUtf8Bom, Encoding::kShiftJis, Encoding::kUtf16Le,
                     Encoding::kUtf16Be}) {
    SCOPED_TRACE(EncodingName(e));
    auto bytes = EncodeText(text, e);
    ASSERT_TRUE(bytes.ok());
    std::string in =
        Write(std::string("in_") + std::to_string(static_cast<int>(e)) + ".tsv", *bytes);
    std::string out_path = Path(std::string("out_") + std::to_string(static_cast<int>(e)) + ".tsv");
    ASSERT_TRUE(FillDelimited(in, out_path, {Fill(2, 2, "1年間保管")}).ok());
    auto out = ReadFile(out_path);
    ASSERT_TRUE(out.ok());
    auto decoded = DecodeText(*out, out_path);
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(decoded->encoding, e);
    EXPECT_EQ(decoded->utf8, "No\t質問\t回答\r\n1\t暗号化していますか\t\r\n2\tログ\t1年間保管\r\n");
  }
}

TEST_F(DelimitedFillTest, TsvKeepsLfLineEnds) {
  std::string in = Path("q.tsv");
  fs::copy_file(Fixture("questions.tsv"), in);
  ASSERT_TRUE(FillDelimited(in, Path("o.tsv"), {Fill(2, 2, "はい")}).ok());
  auto out = ReadFile(Path("o.tsv"));
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(
      *out,
      "No\t質問\t回答\n1\tバックアップを取得していますか\t\n2\tログを保管していますか\tはい\n");
}

TEST_F(DelimitedFillTest, TextTableComesBackAsCsvWithBom) {
  std::string in =
      Write("table.txt", "項目\t内容\t回答\n\n1\tバックアップ, 日次\t\n2\t\"ログ\t\n3\t暗号化\t\n");
  ASSERT_TRUE(FillDelimited(in, Path("table_filled.csv"), {Fill(2, 2, "-有り")}).ok());
  auto out = ReadFile(Path("table_filled.csv"));
  ASSERT_TRUE(out.ok());
  // A lone quote in a text table is text, and comes back quoted as CSV.
  EXPECT_EQ(*out,
            "\xEF\xBB\xBF項目,内容,回答\r\n\r\n1,\"バックアップ, 日次\",'-有り\r\n"
            "2,\"\"\"ログ\",\r\n3,暗号化,\r\n");
}

TEST_F(DelimitedFillTest, CommaSeparatedTxtStaysInItsFormat) {
  auto sjis = EncodeText("No,質問,回答\r\n1,暗号化,\r\n", Encoding::kShiftJis);
  ASSERT_TRUE(sjis.ok());
  std::string in = Write("sheet.txt", *sjis);
  ASSERT_TRUE(FillDelimited(in, Path("o.txt"), {Fill(1, 2, "はい")}).ok());
  auto out = ReadFile(Path("o.txt"));
  ASSERT_TRUE(out.ok());
  auto want = EncodeText("No,質問,回答\r\n1,暗号化,はい\r\n", Encoding::kShiftJis);
  EXPECT_EQ(*out, *want);
}

TEST_F(DelimitedFillTest, RefusesOutputThatIsTheInput) {
  std::string in = Path("in.csv");
  fs::copy_file(Fixture("rfc4180.csv"), in);
  auto before = ReadFile(in);
  Status s = FillDelimited(in, in, {Fill(1, 2, "x")});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
  // Through a different spelling of the same path too.
  fs::create_directories(dir_ / "sub");
  Status s2 = FillDelimited(in, (dir_ / "sub" / ".." / "in.csv").string(), {Fill(1, 2, "x")});
  EXPECT_FALSE(s2.ok());
  EXPECT_EQ(*ReadFile(in), *before);
}

TEST_F(DelimitedFillTest, BadInputLeavesNoOutput) {
  std::string in = Write("bad.csv", "a,b\n\"open\n");
  Status s = FillDelimited(in, Path("out.csv"), {Fill(0, 1, "x")});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("bad.csv: line 2"), std::string::npos) << s.message();
  EXPECT_FALSE(fs::exists(Path("out.csv")));
  EXPECT_EQ(FillDelimited(Path("missing.csv"), Path("o.csv"), {}).code(), StatusCode::kNotFound);
  EXPECT_FALSE(FillDelimited(in, Path("o2.csv"), {Fill(-1, 0, "x")}).ok());
}

TEST_F(DelimitedFillTest, FillBeyondLastRowExtendsTheFile) {
  std::string in = Write("short.csv", "a,b\r\n");
  ASSERT_TRUE(FillDelimited(in, Path("o.csv"), {Fill(2, 1, "y")}).ok());
  EXPECT_EQ(*ReadFile(Path("o.csv")), "a,b\r\n\r\n,y\r\n");
}

}  // namespace
}  // namespace kotae::sheet
