// CSV/TSV reading.
//
// The parser is hand-written rather than taken from a library because kotae needs things the
// common C++ CSV libraries do not give together: the physical line where an unbalanced quote
// opened (for the error message), hard per-cell, per-record and per-file limits checked while
// parsing (so a hostile file cannot grow memory past them), and delimiter sniffing that uses
// the same quoting rules as the parser. It is a single forward pass over the text; every byte
// is copied at most once, so time and memory are linear in the input.
#include "sheet/csv_reader.h"

#include <array>
#include <string>
#include <vector>

#include "base/file.h"

namespace kotae::sheet {
namespace {

// A record never needs more columns than a worksheet has (xlsx: 16,384).
constexpr size_t kMaxColumns = 16'384;
// Each empty cell costs a std::string (32 bytes) while the input spends one delimiter byte on
// it; capping the total keeps a file of 256 MiB of commas from becoming gigabytes of grid.
constexpr size_t kMaxTotalCells = 10'000'000;
// Sniffing looks at this many records; a check sheet's shape is clear well before that.
constexpr size_t kSniffRecords = 50;

struct ParseResult {
  std::vector<std::vector<std::string>> rows;
  Status status;
};

class Parser {
 public:
  Parser(std::string_view text, char delimiter, const std::string& name)
      : text_(text), delimiter_(delimiter), name_(name) {
    special_.fill(false);
    special_[static_cast<unsigned char>(delimiter)] = true;
    special_['\r'] = true;
    special_['\n'] = true;
  }

  // Parses up to `max_records` records. With `lenient_eof` (sniffing a prefix) an open quote
  // at the end of the text just ends the record instead of failing.
  ParseResult Run(size_t max_records, bool lenient_eof) {
    ParseResult out;
    std::vector<std::string> row;
    std::string field;
    size_t total_cells = 0;
    while (pos_ < text_.size() && out.rows.size() < max_records) {
      if (out.rows.size() == kMaxRecords) {
        out.status =
            Status::InvalidInput(name_ + ": line " + std::to_string(line_) + ": more than " +
                                 std::to_string(kMaxRecords) + " records");
        return out;
      }
      // One record.
      bool quoted_any = false;
      bool end_of_record = false;
      while (!end_of_record) {
        field.clear();
        if (pos_ < text_.size() && text_[pos_] == '"') {
          quoted_any = true;
          Status s = ReadQuoted(field, lenient_eof);
          if (!s.ok()) {
            out.status = s;
            return out;
          }
        }
        // Unquoted field, or whatever follows a closing quote (kept literally; RFC 4180 calls
        // it malformed but spreadsheets accept it and so do we).
        size_t start = pos_;
        while (pos_ < text_.size() && !special_[static_cast<unsigned char>(text_[pos_])]) ++pos_;
        field.append(text_.substr(start, pos_ - start));
        if (field.size() > kMaxCellBytes) {
          out.status = CellTooLarge(line_);
          return out;
        }
        if (row.size() >= kMaxColumns) {
          out.status =
              Status::InvalidInput(name_ + ": line " + std::to_string(line_) + ": more than " +
                                   std::to_string(kMaxColumns) + " cells in a record");
          return out;
        }
        if (++total_cells > kMaxTotalCells) {
          out.status = Status::InvalidInput(name_ + ": more than " +
                                            std::to_string(kMaxTotalCells) + " cells in all");
          return out;
        }
        row.push_back(field);
        if (pos_ >= text_.size()) {
          end_of_record = true;
        } else if (text_[pos_] == delimiter_) {
          ++pos_;
        } else {  // '\r' or '\n'
          if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
          ++pos_;
          ++line_;
          end_of_record = true;
        }
      }
      // A blank line is an empty row, so record indexes stay equal to grid rows.
      if (row.size() == 1 && row[0].empty() && !quoted_any) row.clear();
      out.rows.push_back(std::move(row));
      row = {};
    }
    return out;
  }

 private:
  // At an opening quote: reads the quoted content into `field` (CR and CRLF inside become
  // '\n') and stops after the closing quote.
  Status ReadQuoted(std::string& field, bool lenient_eof) {
    const size_t open_line = line_;
    ++pos_;
    while (true) {
      size_t next = text_.find_first_of("\"\r\n", pos_);
      if (next == std::string_view::npos) {
        if (lenient_eof) {
          field.append(text_.substr(pos_));
          pos_ = text_.size();
          return Status::Ok();
        }
        return Status::InvalidInput(name_ + ": line " + std::to_string(open_line) +
                                    ": quoted field is never closed (unbalanced '\"')");
      }
      field.append(text_.substr(pos_, next - pos_));
      pos_ = next;
      char c = text_[pos_];
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          field.push_back('"');
          pos_ += 2;
        } else {
          ++pos_;
          return Status::Ok();
        }
      } else {
        if (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
        ++pos_;
        ++line_;
        field.push_back('\n');
      }
      if (field.size() > kMaxCellBytes) return CellTooLarge(open_line);
    }
  }

  Status CellTooLarge(size_t line) const {
    return Status::InvalidInput(name_ + ": line " + std::to_string(line) +
                                ": a cell is larger than " + std::to_string(kMaxCellBytes >> 20) +
                                " MiB");
  }

  std::string_view text_;
  char delimiter_;
  const std::string& name_;
  std::array<bool, 256> special_{};
  size_t pos_ = 0;
  size_t line_ = 1;
};

// Picks the delimiter whose field counts are most consistent over the first records: the
// largest number of records sharing the most common field count (at least two fields), then the
// larger field count; ties go to the order of `candidates`.
char SniffDelimiter(std::string_view text, const std::string& name, std::string_view candidates) {
  char best = candidates.front();
  size_t best_matching = 0;
  size_t best_mode = 0;
  for (char d : candidates) {
    Parser parser(text, d, name);
    ParseResult r = parser.Run(kSniffRecords, /*lenient_eof=*/true);
    std::vector<size_t> histogram;
    for (const auto& row : r.rows) {
      if (row.empty()) continue;
      if (row.size() >= histogram.size()) histogram.resize(row.size() + 1, 0);
      ++histogram[row.size()];
    }
    size_t mode = 0;
    size_t matching = 0;
    for (size_t n = 2; n < histogram.size(); ++n) {
      if (histogram[n] >= matching) {
        matching = histogram[n];
        mode = n;
      }
    }
    if (mode < 2) continue;
    if (matching > best_matching || (matching == best_matching && mode > best_mode)) {
      best = d;
      best_matching = matching;
      best_mode = mode;
    }
  }
  return best;
}

}  // namespace

Result<DelimitedFile> ReadDelimited(std::string_view bytes, const std::string& name) {
  KOTAE_ASSIGN_OR_RETURN(DecodedText decoded, DecodeText(bytes, name));
  DelimitedFile out;
  out.encoding = decoded.encoding;
  out.grid.name = BaseName(name);
  // The extension only breaks ties: a ".csv" that is really tab-separated is still read right.
  std::string_view candidates = FileExtension(name) == "tsv" ? "\t,;" : ",\t;";
  out.delimiter = SniffDelimiter(decoded.utf8, name, candidates);
  Parser parser(decoded.utf8, out.delimiter, name);
  ParseResult r = parser.Run(kMaxRecords + 1, /*lenient_eof=*/false);
  if (!r.status.ok()) return r.status;
  out.grid.rows = std::move(r.rows);
  return out;
}

}  // namespace kotae::sheet
