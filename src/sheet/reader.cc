// ReadQuestionnaire: picks a reader by content first (zip and PDF signatures cannot lie the way
// an extension can), then by extension and a delimiter sniff, and runs layout detection on
// every grid the reader returns.
#include "sheet/reader.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/file.h"
#include "sheet/csv_reader.h"
#include "sheet/encoding.h"
#include "sheet/layout.h"
#include "sheet/prose_reader.h"
#include "sheet/text_table_reader.h"
#include "sheet/xlsx_reader.h"
#include "sheet/zip_archive.h"

namespace kotae::sheet {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// True when the first lines split consistently on ',' or ';' into several fields: a CSV file
// that arrived with a .txt extension.
bool LooksDelimited(std::string_view text) {
  for (char delim : {',', ';'}) {
    int lines = 0;
    int consistent = 0;
    int first_fields = -1;
    size_t start = 0;
    while (start < text.size() && lines < 20) {
      size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(start, end - start);
      start = end + 1;
      if (line.find_first_not_of(" \r") == std::string_view::npos) continue;
      int fields = 1;
      for (char c : line) fields += c == delim ? 1 : 0;
      ++lines;
      if (first_fields < 0) first_fields = fields;
      if (fields >= 2 && fields == first_fields) ++consistent;
    }
    if (lines >= 3 && consistent * 10 >= lines * 8) return true;
  }
  return false;
}

// Question text compared across sheets: ASCII case and runs of spaces ignored.
std::string QuestionKey(std::string_view question) {
  std::string key;
  bool space = false;
  for (char ch : question) {
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
      space = !key.empty();
      continue;
    }
    if (space) key += ' ';
    space = false;
    key += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
  }
  return key;
}

// Bits of GridItems::fillability (layout.h).
constexpr int kDropdown = 4;
constexpr int kNamedAnswer = 1;

// Shorter texts ("Other", "Comments") recur across sheets as different questions.
constexpr size_t kMinRepeatedQuestionBytes = 16;

// Workbook-level choices between sheets. Vendor questionnaires repeat their questions on
// summary, report and crosswalk sheets, often before the question sheets; scoring and people
// take the first occurrence, so only the one where the question is answered may stay.
//  1. In a workbook with a headed question table, a sheet whose table was only inferred from
//     column statistics and has no answer, choice or dropdown anywhere is instructions or
//     notes (a numbered list of steps), not questions.
//  2. A question (same text) on several sheets stays only where its row is most clearly
//     answerable (GridItems::fillability); an occurrence is dropped only for a strictly better
//     one on another sheet, so genuinely repeated questions (one per product, say) all stay.
void ChooseBetweenSheets(std::vector<GridItems>* detected) {
  if (detected->size() < 2) return;
  // A headed table whose header names an answer column or whose rows have dropdowns: a
  // revision history ("No | 内容 | 日付") has a header too, but is no question table.
  bool headed_table = false;
  for (const GridItems& d : *detected) {
    if (!d.header_found) continue;
    for (int f : d.fillability)
      headed_table = headed_table || (f & (kDropdown | kNamedAnswer)) != 0;
  }
  if (headed_table) {
    for (GridItems& d : *detected) {
      if (d.header_found) continue;
      bool answerable = false;
      for (const Item& item : d.items) {
        answerable =
            answerable || !item.answer.empty() || !item.choice.empty() || !item.options.empty();
      }
      if (!answerable) {
        d.items.clear();
        d.fillability.clear();
      }
    }
  }
  struct Occurrence {
    size_t grid;
    size_t item;
    int fillability;
  };
  std::unordered_map<std::string, std::vector<Occurrence>> by_question;
  for (size_t g = 0; g < detected->size(); ++g) {
    const GridItems& d = (*detected)[g];
    for (size_t i = 0; i < d.items.size(); ++i) {
      std::string key = QuestionKey(d.items[i].question);
      if (key.size() < kMinRepeatedQuestionBytes) continue;
      by_question[key].push_back({g, i, d.fillability[i]});
    }
  }
  std::vector<std::vector<bool>> drop(detected->size());
  for (size_t g = 0; g < detected->size(); ++g) drop[g].assign((*detected)[g].items.size(), false);
  for (const auto& [key, occurrences] : by_question) {
    for (const Occurrence& x : occurrences) {
      for (const Occurrence& y : occurrences) {
        if (y.grid != x.grid && y.fillability > x.fillability) drop[x.grid][x.item] = true;
      }
    }
  }
  for (size_t g = 0; g < detected->size(); ++g) {
    std::vector<Item>& items = (*detected)[g].items;
    size_t kept = 0;
    for (size_t i = 0; i < items.size(); ++i) {
      if (drop[g][i]) continue;
      if (kept != i) items[kept] = std::move(items[i]);
      ++kept;
    }
    items.resize(kept);
  }
}

// Runs layout detection over the grids of one file, honouring ReadOptions::sheet.
Result<Questionnaire> FromGrids(const std::vector<Grid>& grids, const std::string& path,
                                SourceFormat format, const ReadOptions& options) {
  Questionnaire q;
  q.path = path;
  q.format = format;
  bool found = options.sheet.empty();
  std::vector<GridItems> detected;
  for (const Grid& grid : grids) {
    if (!options.sheet.empty()) {
      if (grid.name != options.sheet) continue;
      found = true;
    } else if (grid.hidden_sheet) {
      continue;
    }
    Result<GridItems> items = DetectGridItems(grid, options);
    if (!items.ok()) return items.status().WithPrefix(path);
    detected.push_back(std::move(*items));
  }
  if (!found) {
    std::string names;
    for (const Grid& grid : grids) {
      if (!names.empty()) names += ", ";
      names += "'" + grid.name + "'";
    }
    return Status::NotFound(path + ": no sheet named '" + options.sheet + "' (sheets: " + names +
                            ")");
  }
  ChooseBetweenSheets(&detected);
  for (GridItems& d : detected) {
    for (Item& item : d.items) q.items.push_back(std::move(item));
  }
  return q;
}

}  // namespace

Result<Questionnaire> ReadQuestionnaire(const std::string& path, const ReadOptions& options) {
  KOTAE_ASSIGN_OR_RETURN(std::string bytes, ReadFile(path));
  const std::string ext = FileExtension(path);
  // An empty file is never a sheet someone meant to send; saying so beats "0 items".
  if (bytes.empty()) return Status::InvalidInput(path + ": the file is empty");

  if (StartsWith(bytes, "PK\x03\x04")) {
    bool is_docx = false;
    {
      // Only the entry names are needed to tell a Word document from a workbook.
      Result<ZipArchive> zip = ZipArchive::Open(bytes, path);
      if (!zip.ok()) return zip.status();
      is_docx = zip->Has("word/document.xml") && !zip->Has("xl/workbook.xml");
    }
    if (is_docx) return ReadDocx(std::move(bytes), path);
    KOTAE_ASSIGN_OR_RETURN(std::vector<Grid> grids, ReadXlsx(std::move(bytes), path));
    return FromGrids(grids, path, SourceFormat::kXlsx, options);
  }
  if (StartsWith(bytes, "%PDF")) return ReadPdf(bytes, path);
  // Excel 97-2003 workbooks and password-protected xlsx files are both OLE compound files.
  if (StartsWith(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    return Status::InvalidInput(
        path + ": an OLE compound file (an Excel 97-2003 .xls workbook, or an .xlsx with a " +
        "password); save it as .xlsx without a password");
  }
  // The extension promised a container whose signature is missing: a renamed or damaged file.
  if (ext == "xlsx" || ext == "xlsm" || ext == "docx" || ext == "pdf") {
    return Status::InvalidInput(path + ": named ." + ext + " but is not " +
                                (ext == "pdf" ? "a PDF file" : "a zip package (Office Open XML)"));
  }

  KOTAE_ASSIGN_OR_RETURN(DecodedText text, DecodeText(bytes, path));
  if (ext == "csv" || ext == "tsv" ||
      (ext != "md" && LooksDelimited(text.utf8) && !LooksLikeTextTable(text.utf8))) {
    KOTAE_ASSIGN_OR_RETURN(DelimitedFile file, ReadDelimited(bytes, path));
    return FromGrids({file.grid}, path, SourceFormat::kCsv, options);
  }
  if (ext != "md" && LooksLikeTextTable(text.utf8)) {
    KOTAE_ASSIGN_OR_RETURN(Grid grid, ReadTextTable(text.utf8, path));
    return FromGrids({grid}, path, SourceFormat::kTextTable, options);
  }
  return ReadProseText(text.utf8, path);
}

}  // namespace kotae::sheet
