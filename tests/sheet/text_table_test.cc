// ReadTextTable and LooksLikeTextTable, plus a golden file: a small text table whose expected
// items (tests/sheet/fixtures/layout/mini_table.expected.tsv) were written by hand.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sheet/layout.h"
#include "sheet/text_table_reader.h"

namespace kotae::sheet {
namespace {

using ::testing::ElementsAre;

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(TextTable, SplitsLinesAndTabsKeepingEmptyCells) {
  Result<Grid> grid = ReadTextTable("a\tb\t\r\n\n\tc\n", "dir/sheet.txt");
  ASSERT_TRUE(grid.ok()) << grid.status().message();
  EXPECT_EQ(grid->name, "sheet.txt");
  ASSERT_EQ(grid->rows.size(), 3u);
  EXPECT_THAT(grid->rows[0], ElementsAre("a", "b", ""));
  EXPECT_TRUE(grid->rows[1].empty());
  EXPECT_THAT(grid->rows[2], ElementsAre("", "c"));
}

TEST(TextTable, EmptyInputIsAnEmptyGrid) {
  Result<Grid> grid = ReadTextTable("", "empty.txt");
  ASSERT_TRUE(grid.ok());
  EXPECT_TRUE(grid->rows.empty());
}

TEST(TextTable, TooManyCellsOnALineIsRefused) {
  std::string line;
  for (int i = 0; i < 20000; ++i) line += "x\t";
  Result<Grid> grid = ReadTextTable(line, "wide.txt");
  ASSERT_FALSE(grid.ok());
  EXPECT_EQ(grid.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(grid.status().message().find("wide.txt"), std::string::npos);
}

TEST(TextTable, LooksLikeTableVersusProse) {
  EXPECT_TRUE(LooksLikeTextTable("No\tQ\tA\n1\tq1\ta1\n2\tq2\ta2\n"));
  EXPECT_FALSE(LooksLikeTextTable("# Policy\n\nWe keep logs.\n\nWe encrypt data.\n"));
  // One stray tab in prose is not a table.
  EXPECT_FALSE(LooksLikeTextTable("Title\n\nsome\ttext\nmore prose\nand more\n"));
}

// Golden: each expected line is id, number, sections joined by " > ", question, answer (with
// line breaks written as \n).
TEST(TextTable, GoldenMiniTable) {
  const std::string dir = std::string(KOTAE_TEST_DIR) + "/fixtures/layout/";
  std::string text = Slurp(dir + "mini_table.txt");
  ASSERT_FALSE(text.empty());
  ASSERT_TRUE(LooksLikeTextTable(text));
  Result<Grid> grid = ReadTextTable(text, "mini_table.txt");
  ASSERT_TRUE(grid.ok());
  Result<std::vector<Item>> items = DetectItems(*grid, ReadOptions{});
  ASSERT_TRUE(items.ok());
  std::vector<std::string> actual;
  for (const Item& item : *items) {
    std::string sections;
    for (const std::string& s : item.sections) sections += (sections.empty() ? "" : " > ") + s;
    std::string answer;
    for (char c : item.answer) answer += c == '\n' ? std::string("\\n") : std::string(1, c);
    actual.push_back(item.id + "\t" + item.number + "\t" + sections + "\t" + item.question + "\t" +
                     answer);
  }
  std::vector<std::string> expected;
  std::istringstream in(Slurp(dir + "mini_table.expected.tsv"));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) expected.push_back(line);
  }
  EXPECT_EQ(actual, expected);
}

}  // namespace
}  // namespace kotae::sheet
