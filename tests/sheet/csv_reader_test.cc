// CSV/TSV reading (sheet/csv_reader.h): RFC 4180 cases, sniffing, encodings and limits.
#include "sheet/csv_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/file.h"

namespace kotae::sheet {
namespace {

using Rows = std::vector<std::vector<std::string>>;

std::string Fixture(const std::string& name) {
  return std::string(KOTAE_TEST_DIR) + "/fixtures/formats/" + name;
}

DelimitedFile MustRead(std::string_view bytes, const std::string& name = "t.csv") {
  auto r = ReadDelimited(bytes, name);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? std::move(r).value() : DelimitedFile{};
}

TEST(CsvReaderTest, Rfc4180Fixture) {
  auto bytes = ReadFile(Fixture("rfc4180.csv"));
  ASSERT_TRUE(bytes.ok());
  DelimitedFile f = MustRead(*bytes, "dir/rfc4180.csv");
  EXPECT_EQ(f.grid.name, "rfc4180.csv");
  EXPECT_EQ(f.delimiter, ',');
  EXPECT_EQ(f.encoding, Encoding::kUtf8);
  Rows want = {{"No", "質問", "回答", "備考"},
               {"1", "パスワードは \"8文字以上\" ですか", "はい", ""},
               {"2", "複数行の\n質問です", "いいえ", "a,b"},
               {"3", "暗号化していますか", "", ""}};
  EXPECT_EQ(f.grid.rows, want);
}

TEST(CsvReaderTest, LineEndingsAndEmbeddedNewlines) {
  EXPECT_EQ(MustRead("a,b\nc,d").grid.rows, (Rows{{"a", "b"}, {"c", "d"}}));
  EXPECT_EQ(MustRead("a,b\rc,d\r").grid.rows, (Rows{{"a", "b"}, {"c", "d"}}));
  EXPECT_EQ(MustRead("a,\"x\r\ny\rz\nw\"\r\n").grid.rows, (Rows{{"a", "x\ny\nz\nw"}}));
}

TEST(CsvReaderTest, QuotesDoubledEmptyAndRagged) {
  EXPECT_EQ(MustRead("\"\",\"\"\"\",x\n1\n1,2,3,4\n").grid.rows,
            (Rows{{"", "\"", "x"}, {"1"}, {"1", "2", "3", "4"}}));
  // A quote inside an unquoted field is literal.
  EXPECT_EQ(MustRead("a,5\" disk,c\nd,e,f\n").grid.rows,
            (Rows{{"a", "5\" disk", "c"}, {"d", "e", "f"}}));
}

TEST(CsvReaderTest, BlankLinesStayAsEmptyRows) {
  EXPECT_EQ(MustRead("a,b\n\nc,d\n").grid.rows, (Rows{{"a", "b"}, {}, {"c", "d"}}));
}

TEST(CsvReaderTest, SniffsTabAndSemicolon) {
  auto tsv = ReadFile(Fixture("questions.tsv"));
  ASSERT_TRUE(tsv.ok());
  DelimitedFile t = MustRead(*tsv, "questions.tsv");
  EXPECT_EQ(t.delimiter, '\t');
  EXPECT_EQ(t.grid.rows[1], (std::vector<std::string>{"1", "バックアップを取得していますか", ""}));

  auto semi = ReadFile(Fixture("semicolon.csv"));
  ASSERT_TRUE(semi.ok());
  DelimitedFile s = MustRead(*semi, "semicolon.csv");
  EXPECT_EQ(s.delimiter, ';');
  EXPECT_EQ(s.grid.rows[2], (std::vector<std::string>{"2", "脆弱性診断", ""}));
}

TEST(CsvReaderTest, SniffingIgnoresDelimitersInsideQuotes) {
  // Commas inside quotes would make comma counts irregular; tabs are the real delimiter.
  DelimitedFile f = MustRead("q\ta\n\"x, y, z\"\tb\n\"p,q\"\tc\n", "t.csv");
  EXPECT_EQ(f.delimiter, '\t');
  EXPECT_EQ(f.grid.rows[1], (std::vector<std::string>{"x, y, z", "b"}));
  // And tabs inside quoted comma-separated cells do not win either.
  DelimitedFile g = MustRead("a,b,c\n\"x\ty\",2,3\n\"\t\t\",5,6\n", "t.tsv");
  EXPECT_EQ(g.delimiter, ',');
}

TEST(CsvReaderTest, SniffingPrefersConsistentCounts) {
  // English prose with commas in a tab-separated file.
  DelimitedFile f =
      MustRead("id\tquestion\n1\tDo you, or your vendors, encrypt data?\n2\tDo you log access\n");
  EXPECT_EQ(f.delimiter, '\t');
}

TEST(CsvReaderTest, ShiftJisFixture) {
  auto bytes = ReadFile(Fixture("sjis.csv"));
  ASSERT_TRUE(bytes.ok());
  DelimitedFile f = MustRead(*bytes, "sjis.csv");
  EXPECT_EQ(f.encoding, Encoding::kShiftJis);
  ASSERT_EQ(f.grid.rows.size(), 3u);
  EXPECT_EQ(f.grid.rows[1][1], "データを暗号化していますか");
}

TEST(CsvReaderTest, Utf16Bom) {
  auto bytes = EncodeText("No\t質問\n1\t暗号化\n", Encoding::kUtf16Le);
  ASSERT_TRUE(bytes.ok());
  DelimitedFile f = MustRead(*bytes, "u16.csv");
  EXPECT_EQ(f.encoding, Encoding::kUtf16Le);
  EXPECT_EQ(f.delimiter, '\t');
  EXPECT_EQ(f.grid.rows, (Rows{{"No", "質問"}, {"1", "暗号化"}}));
}

TEST(CsvReaderTest, UnbalancedQuoteNamesFileAndOpeningLine) {
  auto r = ReadDelimited("a,b\nc,d\ne,\"never\nclosed\nhere\n", "bad.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(r.status().message().rfind("bad.csv: line 3:", 0), 0u) << r.status().message();
  EXPECT_EQ(r.status().message().find('\n'), std::string::npos);
}

TEST(CsvReaderTest, OversizeCellIsRefused) {
  std::string big = "a,b\n1," + std::string(10u << 20, 'x') + "\n";
  auto r = ReadDelimited(big, "big.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("big.csv: line 2"), std::string::npos)
      << r.status().message();
  EXPECT_NE(r.status().message().find("MiB"), std::string::npos);
  // Same inside quotes.
  std::string quoted = "a\n\"" + std::string(kMaxCellBytes + 1, 'y') + "\"\n";
  EXPECT_FALSE(ReadDelimited(quoted, "q.csv").ok());
  // Exactly at the limit is fine.
  std::string edge = "a\n" + std::string(kMaxCellBytes, 'z') + "\n";
  auto ok = ReadDelimited(edge, "e.csv");
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->grid.rows[1][0].size(), kMaxCellBytes);
}

TEST(CsvReaderTest, RecordLimit) {
  std::string at_limit;
  at_limit.reserve(2 * kMaxRecords + 2);
  for (size_t i = 0; i < kMaxRecords; ++i) at_limit += "1\n";
  auto ok = ReadDelimited(at_limit, "limit.csv");
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->grid.rows.size(), kMaxRecords);
  auto over = ReadDelimited(at_limit + "1\n", "over.csv");
  ASSERT_FALSE(over.ok());
  EXPECT_NE(over.status().message().find("over.csv"), std::string::npos);
  EXPECT_NE(over.status().message().find("1000000 records"), std::string::npos)
      << over.status().message();
}

TEST(CsvReaderTest, HugeRecordOfDelimitersIsBounded) {
  std::string commas(1u << 20, ',');
  auto r = ReadDelimited("a,b\n" + commas + "\n", "wide.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("wide.csv: line 2"), std::string::npos);
}

TEST(CsvReaderTest, EmptyInputIsAnEmptyGrid) {
  DelimitedFile f = MustRead("", "empty.csv");
  EXPECT_TRUE(f.grid.rows.empty());
  EXPECT_EQ(f.grid.name, "empty.csv");
}

}  // namespace
}  // namespace kotae::sheet
