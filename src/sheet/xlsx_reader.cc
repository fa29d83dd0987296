#include "sheet/xlsx_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <utility>

#include "sheet/xlsx_internal.h"
#include "sheet/zip_archive.h"

namespace kotae::sheet {
namespace {

using xlsx::Attr;
using xlsx::Child;
using xlsx::LocalName;

// Grids are dense (rows of cells), so a hostile sheet with a few cells at far-apart
// coordinates, or one huge shared string referenced by a million cells, could ask for far more
// memory than the file's size suggests. These budgets bound the whole workbook.
constexpr std::uint64_t kMaxGridSlots = 4ull << 20;    // row vectors + cell strings
constexpr std::uint64_t kMaxTextBytes = 256ull << 20;  // all cell and option text
constexpr std::size_t kMaxOptions = 1000;              // per list validation
constexpr int kMaxNameDepth = 4;                       // defined name -> name -> range

struct Budget {
  std::uint64_t slots = 0;
  std::uint64_t text = 0;
};

// ST_Xstring escapes characters XML cannot carry as _xHHHH_ (Excel writes "_x000D_" for a
// carriage return); "_x005F_" escapes a literal underscore. Line breaks become '\n'.
std::string DecodeText(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    char ch = raw[i];
    if (ch == '_' && i + 6 < raw.size() && raw[i + 1] == 'x' && raw[i + 6] == '_') {
      unsigned cp = 0;
      auto [end, ec] = std::from_chars(raw.data() + i + 2, raw.data() + i + 6, cp, 16);
      if (ec == std::errc() && end == raw.data() + i + 6) {
        if (cp < 0x80) {
          out += static_cast<char>(cp);
        } else if (cp < 0x800) {
          out += static_cast<char>(0xC0 | (cp >> 6));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
          out += static_cast<char>(0xE0 | (cp >> 12));
          out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        }
        i += 6;
        continue;
      }
    }
    out += ch;
  }
  std::string lf;
  lf.reserve(out.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '\r') {
      lf += '\n';
      if (i + 1 < out.size() && out[i + 1] == '\n') ++i;
    } else if (out[i] != '\0') {
      lf += out[i];
    }
  }
  return lf;
}

// Text of a shared or inline string item: the plain <t>, or the <t> of every rich-text run
// <r>; phonetic guides (<rPh>, furigana) are not part of the cell's text.
std::string StringItemText(pugi::xml_node si) {
  std::string raw;
  for (pugi::xml_node c = si.first_child(); c; c = c.next_sibling()) {
    std::string_view local = LocalName(c.name());
    if (local == "t") {
      raw += c.text().get();
    } else if (local == "r") {
      raw += Child(c, "t").text().get();
    }
  }
  return DecodeText(raw);
}

// Renders a stored number the way Excel's General format shows it in the formula bar: no
// trailing ".0", at most 15 significant digits, exponent only for very large or small values.
std::string FormatNumber(std::string_view raw) {
  double value = 0;
  auto [end, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), value);
  if (ec != std::errc() || end != raw.data() + raw.size() || !std::isfinite(value)) {
    return std::string(raw);
  }
  char buffer[64];
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
    std::string s = buffer;
    return s == "-0" ? "0" : s;
  }
  std::snprintf(buffer, sizeof buffer, "%.15G", value);
  return buffer;
}

// The first sheet other than `own` that a formula names ("Organization!B5",
// "'Vendor Info'!C3", "SUM('It''s'!A1:A9)"), or "". Only the name matters, not the range.
std::string OtherSheetIn(std::string_view formula, std::string_view own) {
  for (std::size_t bang = formula.find('!'); bang != std::string_view::npos;
       bang = formula.find('!', bang + 1)) {
    std::string name;
    if (bang > 0 && formula[bang - 1] == '\'') {
      // Quoted name: walk back to the opening quote, undoubling '' on the way.
      std::size_t i = bang - 1;
      bool closed = false;
      while (i > 0) {
        --i;
        if (formula[i] != '\'') {
          name.insert(name.begin(), formula[i]);
        } else if (i > 0 && formula[i - 1] == '\'') {
          name.insert(name.begin(), '\'');
          --i;
        } else {
          closed = true;
          break;
        }
      }
      if (!closed) continue;
    } else {
      std::size_t i = bang;
      while (i > 0) {
        char ch = formula[i - 1];
        bool part = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
                    (ch >= '0' && ch <= '9') || ch == '_' || ch == '.' ||
                    static_cast<unsigned char>(ch) >= 0x80;
        if (!part) break;
        --i;
      }
      name = std::string(formula.substr(i, bang - i));
    }
    // An external workbook reference ("[1]Sheet1") names no sheet of this workbook.
    if (name.empty() || name.front() == '[') continue;
    if (!xlsx::EqualsIgnoreCase(name, own)) return name;
  }
  return {};
}

struct PendingValidation {
  std::size_t grid = 0;
  std::vector<CellRange> ranges;
  std::string formula;
};

struct Reader {
  ZipArchive& zip;
  const std::string& file;
  xlsx::Workbook book;
  std::vector<std::string> shared;
  std::vector<Grid> grids;
  std::vector<int> grid_entry;  // grid index -> index in book.sheets (for localSheetId)
  std::vector<PendingValidation> pending;
  Budget budget;

  Status Fail(const std::string& part, const std::string& problem) const {
    return Status::InvalidInput(file + ": " + part + ": " + problem);
  }

  Status ChargeText(const std::string& part, std::size_t bytes) {
    budget.text += bytes;
    if (budget.text > kMaxTextBytes) return Fail(part, "workbook text exceeds the size limit");
    return Status::Ok();
  }

  Status LoadSharedStrings() {
    if (book.shared_strings_part.empty() || !zip.Has(book.shared_strings_part)) {
      return Status::Ok();
    }
    KOTAE_ASSIGN_OR_RETURN(std::unique_ptr<xlsx::XmlPart> sst,
                           xlsx::LoadXml(zip, file, book.shared_strings_part));
    pugi::xml_node root = Child(sst->doc, "sst");
    for (pugi::xml_node si = root.first_child(); si; si = si.next_sibling()) {
      if (LocalName(si.name()) == "si") shared.push_back(StringItemText(si));
    }
    return Status::Ok();
  }

  std::string CellText(pugi::xml_node c) const {
    std::string_view type = c.attribute("t").value();
    pugi::xml_node v = Child(c, "v");
    std::string_view value = v.text().get();
    if (type == "s") {
      std::size_t index = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), index);
      if (ec != std::errc() || index >= shared.size()) return {};
      return shared[index];
    }
    if (type == "inlineStr") return StringItemText(Child(c, "is"));
    if (type == "str" || type == "e" || type == "d") return DecodeText(value);
    if (type == "b") return value == "1" || value == "true" ? "TRUE" : "FALSE";
    if (value.empty()) return {};
    return FormatNumber(value);
  }

  Status ReadSheet(const xlsx::SheetEntry& entry, std::size_t grid_index) {
    KOTAE_ASSIGN_OR_RETURN(std::unique_ptr<xlsx::XmlPart> xml,
                           xlsx::LoadXml(zip, file, entry.part));
    pugi::xml_node ws = Child(xml->doc, "worksheet");
    if (!ws) return Fail(entry.part, "no <worksheet> element");
    Grid& grid = grids[grid_index];
    std::vector<int> hidden;
    std::map<std::string, std::string, std::less<>> shared_formula_sheet;  // si -> sheet
    int row = -1;
    for (pugi::xml_node r = Child(ws, "sheetData").first_child(); r; r = r.next_sibling()) {
      if (LocalName(r.name()) != "row") continue;
      int explicit_row = r.attribute("r").as_int(0);
      row = (explicit_row >= 1 && explicit_row <= xlsx::kMaxRows) ? explicit_row - 1 : row + 1;
      if (row >= xlsx::kMaxRows) break;
      std::string_view hidden_attr = r.attribute("hidden").value();
      if (hidden_attr == "1" || hidden_attr == "true") hidden.push_back(row);
      int col = -1;
      for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling()) {
        if (LocalName(c.name()) != "c") continue;
        int ref_row = 0, ref_col = 0;
        col = xlsx::ParseCellRef(c.attribute("r").value(), &ref_row, &ref_col) ? ref_col : col + 1;
        if (col >= xlsx::kMaxCols) break;
        // Formula cells are recorded even when their saved value is empty: a computed answer
        // cell (=IF(Q!C5="","",Q!C5)) is still no place to write an answer.
        if (pugi::xml_node f = Child(c, "f")) {
          std::string_view si = f.attribute("si").value();
          std::string_view body = f.text().get();
          FormulaCell fc;
          fc.row = row;
          fc.col = col;
          if (std::string_view(f.attribute("t").value()) == "shared" && !si.empty() &&
              body.empty()) {
            auto it = shared_formula_sheet.find(si);
            if (it != shared_formula_sheet.end()) fc.sheet = it->second;
          } else {
            fc.sheet = OtherSheetIn(body, entry.name);
            if (!si.empty()) shared_formula_sheet[std::string(si)] = fc.sheet;
          }
          budget.slots += 1;
          if (budget.slots > kMaxGridSlots) return Fail(entry.part, "sheet too large or sparse");
          KOTAE_RETURN_IF_ERROR(ChargeText(entry.part, fc.sheet.size()));
          grid.formulas.push_back(std::move(fc));
        }
        // pugixml passes malformed UTF-8 through; the run JSON and the filled workbook need
        // valid text, so it is dropped here, once, for every reader of the grid.
        std::string text = xlsx::SanitizeXmlText(CellText(c));
        if (text.empty()) continue;
        KOTAE_RETURN_IF_ERROR(ChargeText(entry.part, text.size()));
        auto& rows = grid.rows;
        if (static_cast<std::size_t>(row) >= rows.size()) {
          budget.slots += static_cast<std::size_t>(row) + 1 - rows.size();
          if (budget.slots > kMaxGridSlots) return Fail(entry.part, "sheet too large or sparse");
          rows.resize(static_cast<std::size_t>(row) + 1);
        }
        auto& cells = rows[static_cast<std::size_t>(row)];
        if (static_cast<std::size_t>(col) >= cells.size()) {
          budget.slots += static_cast<std::size_t>(col) + 1 - cells.size();
          if (budget.slots > kMaxGridSlots) return Fail(entry.part, "sheet too large or sparse");
          cells.resize(static_cast<std::size_t>(col) + 1);
        }
        cells[static_cast<std::size_t>(col)] = std::move(text);
      }
    }
    std::stable_sort(grid.formulas.begin(), grid.formulas.end());
    for (int h : hidden) {
      if (static_cast<std::size_t>(h) >= grid.rows.size()) continue;
      if (grid.hidden_rows.empty()) grid.hidden_rows.assign(grid.rows.size(), false);
      grid.hidden_rows[static_cast<std::size_t>(h)] = true;
    }
    for (pugi::xml_node m = Child(ws, "mergeCells").first_child(); m; m = m.next_sibling()) {
      CellRange range;
      if (LocalName(m.name()) == "mergeCell" &&
          xlsx::ParseRangeRef(m.attribute("ref").value(), &range)) {
        grid.merges.push_back(range);
      }
    }
    for (pugi::xml_node dv = Child(ws, "dataValidations").first_child(); dv;
         dv = dv.next_sibling()) {
      if (LocalName(dv.name()) != "dataValidation") continue;
      AddValidation(grid_index, dv, dv.attribute("sqref").value(),
                    Child(dv, "formula1").text().get());
    }
    // Excel 2010+ writes validations whose list lives on another sheet in an extension.
    for (pugi::xml_node ext = Child(ws, "extLst").first_child(); ext; ext = ext.next_sibling()) {
      for (pugi::xml_node dvs = ext.first_child(); dvs; dvs = dvs.next_sibling()) {
        if (LocalName(dvs.name()) != "dataValidations") continue;
        for (pugi::xml_node dv = dvs.first_child(); dv; dv = dv.next_sibling()) {
          if (LocalName(dv.name()) != "dataValidation") continue;
          AddValidation(grid_index, dv, Child(dv, "sqref").text().get(),
                        Child(Child(dv, "formula1"), "f").text().get());
        }
      }
    }
    return Status::Ok();
  }

  void AddValidation(std::size_t grid_index, pugi::xml_node dv, std::string_view sqref,
                     std::string_view formula) {
    if (std::string_view(dv.attribute("type").value()) != "list") return;
    PendingValidation p;
    p.grid = grid_index;
    p.formula = std::string(formula);
    std::size_t start = 0;
    while (start < sqref.size()) {
      std::size_t end = sqref.find(' ', start);
      if (end == std::string_view::npos) end = sqref.size();
      CellRange range;
      if (end > start && xlsx::ParseRangeRef(sqref.substr(start, end - start), &range)) {
        p.ranges.push_back(range);
      }
      start = end + 1;
    }
    if (!p.ranges.empty() && !p.formula.empty()) pending.push_back(std::move(p));
  }

  // Finds a grid by sheet name as written in a formula ('It''s' already unquoted).
  const Grid* GridNamed(std::string_view name) const {
    for (const Grid& g : grids) {
      if (xlsx::EqualsIgnoreCase(g.name, name)) return &g;
    }
    return nullptr;
  }

  std::optional<std::vector<std::string>> Options(std::string_view formula, std::size_t grid_index,
                                                  int depth) const {
    while (!formula.empty() && (formula.front() == ' ' || formula.front() == '=')) {
      formula.remove_prefix(1);
    }
    while (!formula.empty() && formula.back() == ' ') formula.remove_suffix(1);
    if (formula.empty()) return std::nullopt;
    if (formula.front() == '"') return InlineList(formula);

    std::string sheet;
    std::string_view ref = formula;
    if (formula.front() == '\'') {
      std::size_t i = 1;
      for (; i < formula.size(); ++i) {
        if (formula[i] != '\'') {
          sheet += formula[i];
        } else if (i + 1 < formula.size() && formula[i + 1] == '\'') {
          sheet += '\'';
          ++i;
        } else {
          break;
        }
      }
      if (i + 1 >= formula.size() || formula[i + 1] != '!') return std::nullopt;
      ref = formula.substr(i + 2);
    } else if (std::size_t bang = formula.rfind('!'); bang != std::string_view::npos) {
      sheet = std::string(formula.substr(0, bang));
      ref = formula.substr(bang + 1);
    }
    CellRange range;
    if (!ParseListRange(ref, &range)) {
      if (!sheet.empty() || depth >= kMaxNameDepth) return std::nullopt;
      return NamedList(ref, grid_index, depth);
    }
    const Grid* source = sheet.empty() ? &grids[grid_index] : GridNamed(sheet);
    if (source == nullptr) return std::nullopt;
    std::vector<std::string> options;
    int last_row = std::min(range.last_row, static_cast<int>(source->rows.size()) - 1);
    for (int r = range.first_row; r <= last_row; ++r) {
      const auto& cells = source->rows[static_cast<std::size_t>(r)];
      int last_col = std::min(range.last_col, static_cast<int>(cells.size()) - 1);
      for (int c = range.first_col; c <= last_col; ++c) {
        const std::string& text = cells[static_cast<std::size_t>(c)];
        if (!text.empty() && options.size() < kMaxOptions) options.push_back(text);
      }
    }
    return options;
  }

  // "A1:A5", "$A$1:$A$5" or a whole column "$A:$A".
  static bool ParseListRange(std::string_view ref, CellRange* range) {
    if (xlsx::ParseRangeRef(ref, range)) return true;
    std::size_t colon = ref.find(':');
    if (colon == std::string_view::npos) return false;
    auto column = [](std::string_view s) {
      if (!s.empty() && s.front() == '$') s.remove_prefix(1);
      return ColumnIndex(std::string(s));
    };
    int a = column(ref.substr(0, colon));
    int b = column(ref.substr(colon + 1));
    if (a < 0 || b < 0) return false;
    *range = {0, std::min(a, b), xlsx::kMaxRows - 1, std::max(a, b)};
    return true;
  }

  static std::vector<std::string> InlineList(std::string_view quoted) {
    std::string body;
    for (std::size_t i = 1; i < quoted.size(); ++i) {
      if (quoted[i] == '"') {
        if (i + 1 < quoted.size() && quoted[i + 1] == '"') {
          body += '"';
          ++i;
          continue;
        }
        break;
      }
      body += quoted[i];
    }
    std::vector<std::string> options;
    std::size_t start = 0;
    while (start <= body.size() && options.size() < kMaxOptions) {
      std::size_t end = body.find(',', start);
      if (end == std::string::npos) end = body.size();
      std::string_view item = std::string_view(body).substr(start, end - start);
      while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
      while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
      if (!item.empty()) options.emplace_back(item);
      start = end + 1;
    }
    return options;
  }

  std::optional<std::vector<std::string>> NamedList(std::string_view name, std::size_t grid_index,
                                                    int depth) const {
    const xlsx::DefinedName* global = nullptr;
    for (const auto& d : book.names) {
      if (!xlsx::EqualsIgnoreCase(d.name, name)) continue;
      if (d.local_sheet == grid_entry[grid_index]) return Options(d.formula, grid_index, depth + 1);
      if (d.local_sheet < 0) global = &d;
    }
    if (global == nullptr) return std::nullopt;
    return Options(global->formula, grid_index, depth + 1);
  }

  Status ResolveValidations() {
    for (PendingValidation& p : pending) {
      std::optional<std::vector<std::string>> options = Options(p.formula, p.grid, 0);
      if (!options || options->empty()) continue;  // INDIRECT(), external books: no list
      std::size_t bytes = 0;
      for (auto& o : *options) {
        o = xlsx::SanitizeXmlText(o);
        bytes += o.size();
      }
      KOTAE_RETURN_IF_ERROR(ChargeText("validations", bytes));
      grids[p.grid].validations.push_back({std::move(p.ranges), std::move(*options)});
    }
    return Status::Ok();
  }

  Status Run() {
    KOTAE_ASSIGN_OR_RETURN(book, xlsx::LoadWorkbook(zip, file));
    KOTAE_RETURN_IF_ERROR(LoadSharedStrings());
    for (std::size_t i = 0; i < book.sheets.size(); ++i) {
      const xlsx::SheetEntry& entry = book.sheets[i];
      if (entry.kind != xlsx::SheetKind::kWorksheet || entry.part.empty()) continue;
      Grid grid;
      grid.name = xlsx::SanitizeXmlText(entry.name);
      grid.hidden_sheet = entry.hidden;
      grids.push_back(std::move(grid));
      grid_entry.push_back(static_cast<int>(i));
    }
    std::size_t g = 0;
    for (std::size_t i = 0; i < book.sheets.size(); ++i) {
      const xlsx::SheetEntry& entry = book.sheets[i];
      if (entry.kind != xlsx::SheetKind::kWorksheet || entry.part.empty()) continue;
      if (!zip.Has(entry.part)) {
        return Status::InvalidInput(file + ": sheet '" + entry.name + "' points to missing part " +
                                    entry.part);
      }
      KOTAE_RETURN_IF_ERROR(ReadSheet(entry, g++));
    }
    return ResolveValidations();
  }
};

}  // namespace

Result<std::vector<Grid>> ReadXlsx(std::string data, const std::string& name) {
  // pugixml reports errors through results, but its allocations can still throw
  // std::bad_alloc; keep that from crossing the module boundary.
  try {
    KOTAE_ASSIGN_OR_RETURN(ZipArchive zip, ZipArchive::Open(std::move(data), name));
    Reader reader{zip, name, {}, {}, {}, {}, {}, {}};
    KOTAE_RETURN_IF_ERROR(reader.Run());
    return std::move(reader.grids);
  } catch (const std::bad_alloc&) {
    return Status::InvalidInput(name + ": workbook too large to read");
  }
}

}  // namespace kotae::sheet
