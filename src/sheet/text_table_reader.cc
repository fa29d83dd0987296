// Text tables: one grid row per line, one cell per tab. Splitting is done by hand because the
// format has no quoting (cells were flattened to one line when the table was extracted), so a
// CSV parser would misread stray quote characters inside Japanese answers.
#include "sheet/text_table_reader.h"

#include <cstddef>
#include <string>
#include <vector>

#include "base/file.h"

namespace kotae::sheet {
namespace {

// Limits that keep a hostile file from turning into an unbounded grid. A real check sheet has a
// few thousand lines and a few dozen columns; these are far above that.
constexpr size_t kMaxLines = 1'000'000;
constexpr size_t kMaxCellsPerLine = 16'384;  // the xlsx column limit

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == text.size()) break;
    start = end + 1;
  }
  // A final newline does not start another row.
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

}  // namespace

bool LooksLikeTextTable(std::string_view utf8) {
  size_t non_empty = 0;
  size_t tabular = 0;
  size_t examined = 0;
  for (std::string_view line : SplitLines(utf8)) {
    if (++examined > 5000) break;  // the first few thousand lines decide
    if (IsBlank(line)) continue;
    ++non_empty;
    int cells = 0;
    size_t start = 0;
    while (start <= line.size()) {
      size_t end = line.find('\t', start);
      if (end == std::string_view::npos) end = line.size();
      if (!IsBlank(line.substr(start, end - start))) ++cells;
      if (end == line.size()) break;
      start = end + 1;
    }
    if (cells >= 2) ++tabular;
  }
  // Prose may contain the odd tab; a table has many rows of several cells.
  return tabular >= 3 && tabular * 4 >= non_empty;
}

Result<Grid> ReadTextTable(std::string_view utf8, const std::string& name) {
  Grid grid;
  grid.name = BaseName(name);
  std::vector<std::string_view> lines = SplitLines(utf8);
  if (lines.size() > kMaxLines) {
    return Status::InvalidInput(name + ": text table has more than " + std::to_string(kMaxLines) +
                                " lines");
  }
  grid.rows.reserve(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    std::vector<std::string> row;
    if (!IsBlank(line)) {
      size_t start = 0;
      while (true) {
        size_t end = line.find('\t', start);
        if (end == std::string_view::npos) end = line.size();
        if (row.size() >= kMaxCellsPerLine) {
          return Status::InvalidInput(name + ": line " + std::to_string(i + 1) + " has more than " +
                                      std::to_string(kMaxCellsPerLine) + " cells");
        }
        row.emplace_back(line.substr(start, end - start));
        if (end == line.size()) break;
        start = end + 1;
      }
    }
    grid.rows.push_back(std::move(row));
  }
  return grid;
}

}  // namespace kotae::sheet
