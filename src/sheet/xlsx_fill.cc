// FillXlsx: writes answers into a copy of the customer's workbook.
//
// Only the parts that must change are rewritten: the worksheets that receive answers, the
// styles part when cells are marked for review, and — for reviewer notes — a new comments
// part, its legacy VML drawing, the sheet's relationships and [Content_Types].xml. libzip
// copies every other entry's compressed bytes unchanged.
//
// Answers are written as inline strings (t="inlineStr") so the shared-string table, which
// other sheets index into, never has to be renumbered. Each written cell keeps its style.
#include <zip.h>

#include <map>
#include <set>
#include <sstream>
#include <utility>

#include "base/file.h"
#include "base/markup.h"
#include "sheet/fill.h"
#include "sheet/xlsx_internal.h"
#include "sheet/zip_archive.h"

namespace kotae::sheet {
namespace {

using xlsx::Attr;
using xlsx::Child;
using xlsx::LocalName;

constexpr const char* kRelNs =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kRelTypeComments =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
constexpr const char* kRelTypeVml =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing";
constexpr const char* kCommentsType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
constexpr const char* kVmlType = "application/vnd.openxmlformats-officedocument.vmlDrawing";
constexpr const char* kRelsType = "application/vnd.openxmlformats-package.relationships+xml";
// Excel's own "Neutral" cell fill: visible, readable with any font colour.
constexpr const char* kReviewFillRgb = "FFFFEB9C";
// Excel refuses cells longer than 32,767 characters; keep well inside.
constexpr std::size_t kMaxCellCodePoints = 32000;

std::string Serialize(const pugi::xml_document& doc) {
  std::ostringstream out;
  // The parsed declaration node is kept, so the original one is written back.
  doc.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return out.str();
}

// Cell text as SpreadsheetML stores it: legal XML characters only, a literal "_xHHHH_" kept
// literal by escaping its underscore (Excel would otherwise decode it), length capped.
std::string CellXstring(const std::string& text) {
  std::string clean = xlsx::SanitizeXmlText(text);
  std::string out;
  out.reserve(clean.size());
  std::size_t code_points = 0;
  for (std::size_t i = 0; i < clean.size(); ++i) {
    unsigned char b = static_cast<unsigned char>(clean[i]);
    if ((b & 0xC0) != 0x80 && ++code_points > kMaxCellCodePoints) break;
    if (clean[i] == '_' && i + 6 < clean.size() && clean[i + 1] == 'x' && clean[i + 6] == '_') {
      bool hex = true;
      for (std::size_t k = i + 2; k < i + 6; ++k) {
        hex = hex && std::isxdigit(static_cast<unsigned char>(clean[k]));
      }
      if (hex) {
        out += "_x005F_";
        continue;
      }
    }
    out += clean[i];
  }
  return out;
}

struct Note {
  int row = 0;
  int col = 0;
  std::string text;
};

// Adds one fill colour and, per original cell format, one clone of that format using it.
class StylesEditor {
 public:
  explicit StylesEditor(std::unique_ptr<xlsx::XmlPart> xml) : xml_(std::move(xml)) {
    pugi::xml_node root = Child(xml_->doc, "styleSheet");
    fills_ = Child(root, "fills");
    xfs_ = Child(root, "cellXfs");
    prefix_ = xlsx::Prefix(root);
  }
  bool usable() const { return fills_ && xfs_ && Child(xfs_, "xf"); }

  int ReviewStyle(int old_xf) {
    auto found = clones_.find(old_xf);
    if (found != clones_.end()) return found->second;
    if (review_fill_ < 0) {
      review_fill_ = CountChildren(fills_, "fill");
      pugi::xml_node pattern = fills_.append_child((prefix_ + "fill").c_str())
                                   .append_child((prefix_ + "patternFill").c_str());
      pattern.append_attribute("patternType") = "solid";
      pattern.append_child((prefix_ + "fgColor").c_str()).append_attribute("rgb") = kReviewFillRgb;
      pattern.append_child((prefix_ + "bgColor").c_str()).append_attribute("indexed") = "64";
      SetCount(fills_, "fill");
    }
    pugi::xml_node source = NthChild(xfs_, "xf", old_xf);
    if (!source) source = Child(xfs_, "xf");
    int index = CountChildren(xfs_, "xf");
    pugi::xml_node clone = xfs_.append_copy(source);
    SetAttr(clone, "fillId", std::to_string(review_fill_));
    SetAttr(clone, "applyFill", "1");
    SetCount(xfs_, "xf");
    clones_[old_xf] = index;
    return index;
  }

  bool changed() const { return review_fill_ >= 0; }
  std::string Serialize() const { return sheet::Serialize(xml_->doc); }

 private:
  static int CountChildren(pugi::xml_node parent, std::string_view local) {
    int n = 0;
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element && LocalName(c.name()) == local) ++n;
    }
    return n;
  }
  static pugi::xml_node NthChild(pugi::xml_node parent, std::string_view local, int n) {
    if (n < 0) return {};
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element && LocalName(c.name()) == local && n-- == 0) return c;
    }
    return {};
  }
  static void SetAttr(pugi::xml_node node, const char* name, const std::string& value) {
    pugi::xml_attribute a = node.attribute(name);
    if (!a) a = node.append_attribute(name);
    a.set_value(value.c_str());
  }
  static void SetCount(pugi::xml_node parent, std::string_view local) {
    if (parent.attribute("count"))
      SetAttr(parent, "count", std::to_string(CountChildren(parent, local)));
  }

  std::unique_ptr<xlsx::XmlPart> xml_;
  pugi::xml_node fills_, xfs_;
  std::string prefix_;
  int review_fill_ = -1;
  std::map<int, int> clones_;
};

// One worksheet being edited in memory.
class SheetEditor {
 public:
  SheetEditor(std::unique_ptr<xlsx::XmlPart> xml, std::string part)
      : xml_(std::move(xml)), part_(std::move(part)) {}

  Status Init(const std::string& file) {
    ws_ = Child(xml_->doc, "worksheet");
    data_ = Child(ws_, "sheetData");
    if (!ws_ || !data_) {
      return Status::InvalidInput(file + ": " + part_ + ": worksheet without <sheetData>");
    }
    prefix_ = xlsx::Prefix(data_);
    // Rows and cells may omit their reference and be placed sequentially; inserting a row or
    // cell would shift such neighbours, so every position is made explicit first.
    int row = -1;
    for (pugi::xml_node r = data_.first_child(); r; r = r.next_sibling()) {
      if (LocalName(r.name()) != "row") continue;
      int explicit_row = r.attribute("r").as_int(0);
      row = (explicit_row >= 1 && explicit_row <= xlsx::kMaxRows) ? explicit_row - 1 : row + 1;
      if (row >= xlsx::kMaxRows) break;
      SetAttr(r, "r", std::to_string(row + 1));
      rows_[row] = r;
      int col = -1;
      for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling()) {
        if (LocalName(c.name()) != "c") continue;
        int ref_row = 0, ref_col = 0;
        col = xlsx::ParseCellRef(c.attribute("r").value(), &ref_row, &ref_col) ? ref_col : col + 1;
        if (col >= xlsx::kMaxCols) break;
        SetAttr(c, "r", xlsx::CellRefName(row, col));
      }
    }
    return Status::Ok();
  }

  // Writes `text` into (row, col) as an inline string; returns the cell.
  pugi::xml_node SetText(int row, int col, const std::string& text) {
    pugi::xml_node c = Cell(row, col);
    while (c.first_child()) c.remove_child(c.first_child());
    c.remove_attribute("t");
    c.remove_attribute("cm");
    c.remove_attribute("vm");
    c.append_attribute("t") = "inlineStr";
    pugi::xml_node t =
        c.append_child((prefix_ + "is").c_str()).append_child((prefix_ + "t").c_str());
    t.append_attribute("xml:space") = "preserve";
    t.text().set(CellXstring(text).c_str());
    max_row_ = std::max(max_row_, row);
    max_col_ = std::max(max_col_, col);
    return c;
  }

  void SetStyle(pugi::xml_node cell, int style) { SetAttr(cell, "s", std::to_string(style)); }
  static int StyleOf(pugi::xml_node cell) { return cell.attribute("s").as_int(0); }

  // Comments go in a new comments part only when the sheet has none and no legacy drawing
  // (form controls use one); merging into an existing VML drawing is not attempted.
  bool CanAddComments(ZipArchive& zip) const {
    if (Child(ws_, "legacyDrawing")) return false;
    std::string rels = xlsx::RelsPartFor(part_);
    if (!zip.Has(rels)) return true;
    Result<std::string> text = zip.Read(rels);
    return text.ok() && text->find("/comments\"") == std::string::npos;
  }

  void AddLegacyDrawing(const std::string& rel_id) {
    std::string r_prefix;
    for (pugi::xml_attribute a = ws_.first_attribute(); a; a = a.next_attribute()) {
      std::string_view name(a.name());
      if (name.substr(0, 6) == "xmlns:" && std::string_view(a.value()) == kRelNs) {
        r_prefix = std::string(name.substr(6));
      }
    }
    if (r_prefix.empty()) {
      r_prefix = ws_.attribute("xmlns:r") ? "kotaer" : "r";
      ws_.append_attribute(("xmlns:" + r_prefix).c_str()) = kRelNs;
    }
    // CT_Worksheet is a sequence: legacyDrawing precedes these elements.
    static const char* const kAfter[] = {"legacyDrawingHF", "drawingHF", "picture",
                                         "oleObjects",      "controls",  "webPublishItems",
                                         "tableParts",      "extLst"};
    pugi::xml_node before;
    for (pugi::xml_node c = ws_.first_child(); c && !before; c = c.next_sibling()) {
      for (const char* name : kAfter) {
        if (c.type() == pugi::node_element && LocalName(c.name()) == name) before = c;
      }
    }
    std::string element = prefix_ + "legacyDrawing";
    pugi::xml_node drawing = before ? ws_.insert_child_before(element.c_str(), before)
                                    : ws_.append_child(element.c_str());
    drawing.append_attribute((r_prefix + ":id").c_str()) = rel_id.c_str();
  }

  std::string Finish() {
    // <dimension> is advisory, but keep it covering what was written.
    pugi::xml_node dim = Child(ws_, "dimension");
    CellRange range;
    if (dim && max_row_ >= 0 && xlsx::ParseRangeRef(dim.attribute("ref").value(), &range) &&
        (max_row_ > range.last_row || max_col_ > range.last_col)) {
      range.last_row = std::max(range.last_row, max_row_);
      range.last_col = std::max(range.last_col, max_col_);
      SetAttr(dim, "ref",
              xlsx::CellRefName(range.first_row, range.first_col) + ":" +
                  xlsx::CellRefName(range.last_row, range.last_col));
    }
    return Serialize(xml_->doc);
  }

  const std::string& part() const { return part_; }

 private:
  static void SetAttr(pugi::xml_node node, const char* name, const std::string& value) {
    pugi::xml_attribute a = node.attribute(name);
    if (!a) a = node.append_attribute(name);
    a.set_value(value.c_str());
  }

  pugi::xml_node Cell(int row, int col) {
    pugi::xml_node r;
    auto found = rows_.find(row);
    if (found != rows_.end()) {
      r = found->second;
    } else {
      auto next = rows_.upper_bound(row);
      std::string name = prefix_ + "row";
      r = next == rows_.end() ? data_.append_child(name.c_str())
                              : data_.insert_child_before(name.c_str(), next->second);
      r.append_attribute("r") = std::to_string(row + 1).c_str();
      rows_[row] = r;
    }
    // "spans" is an optimisation hint that a new cell may fall outside of.
    r.remove_attribute("spans");
    pugi::xml_node before;
    for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling()) {
      if (LocalName(c.name()) != "c") continue;
      int cr = 0, cc = 0;
      if (!xlsx::ParseCellRef(c.attribute("r").value(), &cr, &cc)) continue;
      if (cc == col) return c;
      if (cc > col) {
        before = c;
        break;
      }
    }
    std::string name = prefix_ + "c";
    pugi::xml_node c =
        before ? r.insert_child_before(name.c_str(), before) : r.append_child(name.c_str());
    c.append_attribute("r") = xlsx::CellRefName(row, col).c_str();
    return c;
  }

  std::unique_ptr<xlsx::XmlPart> xml_;
  std::string part_;
  pugi::xml_node ws_, data_;
  std::string prefix_;
  std::map<int, pugi::xml_node> rows_;
  int max_row_ = -1, max_col_ = -1;
};

std::string CommentsXml(const std::vector<Note>& notes) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<comments xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      "<authors><author>kotae</author></authors><commentList>";
  for (const Note& n : notes) {
    xml += "<comment ref=\"" + xlsx::CellRefName(n.row, n.col) +
           "\" authorId=\"0\"><text><r><t xml:space=\"preserve\">" +
           EscapeXml(CellXstring(n.text)) + "</t></r></text></comment>";
  }
  return xml + "</commentList></comments>";
}

// The legacy VML drawing Excel needs to show a comment box: one hidden note shape per
// comment, anchored next to its cell. Shape ids come in blocks of 1024 declared by <o:idmap>;
// drawing N owns blocks from (N-1)*64+1 on, so drawings of different sheets never share an id.
std::string VmlXml(const std::vector<Note>& notes, int drawing) {
  const int block = (drawing - 1) * 64 + 1;
  std::string blocks;
  for (std::size_t b = 0; b <= notes.size() / 1024; ++b) {
    blocks += (b == 0 ? "" : ",") + std::to_string(block + static_cast<int>(b));
  }
  std::string xml =
      "<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" "
      "xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
      "xmlns:x=\"urn:schemas-microsoft-com:office:excel\">"
      "<o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"" +
      blocks +
      "\"/></o:shapelayout>"
      "<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" "
      "path=\"m,l,21600r21600,l21600,xe\"><v:stroke joinstyle=\"miter\"/>"
      "<v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>";
  int id = block * 1024 + 1;
  for (const Note& n : notes) {
    const std::string anchor = std::to_string(n.col + 1) + ", 15, " + std::to_string(n.row) +
                               ", 10, " + std::to_string(n.col + 4) + ", 15, " +
                               std::to_string(n.row + 6) + ", 4";
    xml += "<v:shape id=\"_x0000_s" + std::to_string(id++) +
           "\" type=\"#_x0000_t202\" style=\"position:absolute;margin-left:80pt;"
           "margin-top:2pt;width:240pt;height:90pt;z-index:1;visibility:hidden\" "
           "fillcolor=\"#ffffe1\" o:insetmode=\"auto\"><v:fill color2=\"#ffffe1\"/>"
           "<v:shadow on=\"t\" color=\"black\" obscured=\"t\"/>"
           "<v:path o:connecttype=\"none\"/><v:textbox style=\"mso-direction-alt:auto\">"
           "<div style=\"text-align:left\"></div></v:textbox>"
           "<x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/>"
           "<x:Anchor>" +
           anchor +
           "</x:Anchor><x:AutoFill>False</x:AutoFill>"
           "<x:Row>" +
           std::to_string(n.row) + "</x:Row><x:Column>" + std::to_string(n.col) +
           "</x:Column></x:ClientData></v:shape>";
  }
  return xml + "</xml>";
}

// Parts to write: replaced entries and new entries, by name.
struct Output {
  std::map<std::string, std::string> replaced;
  std::map<std::string, std::string> added;
  bool Exists(ZipArchive& zip, const std::string& part) const {
    return zip.Has(part) || added.count(part) > 0;
  }
};

Status AddCommentParts(ZipArchive& zip, const std::string& file, SheetEditor& sheet,
                       const std::vector<Note>& notes, Output& out,
                       std::unique_ptr<xlsx::XmlPart>& content_types) {
  int n = 1;
  while (out.Exists(zip, "xl/comments" + std::to_string(n) + ".xml") ||
         out.Exists(zip, "xl/drawings/vmlDrawing" + std::to_string(n) + ".vml")) {
    ++n;
  }
  const std::string comments = "xl/comments" + std::to_string(n) + ".xml";
  const std::string vml = "xl/drawings/vmlDrawing" + std::to_string(n) + ".vml";
  out.added[comments] = CommentsXml(notes);
  out.added[vml] = VmlXml(notes, n);

  const std::string rels_part = xlsx::RelsPartFor(sheet.part());
  std::unique_ptr<xlsx::XmlPart> rels;
  if (zip.Has(rels_part)) {
    KOTAE_ASSIGN_OR_RETURN(rels, xlsx::LoadXml(zip, file, rels_part, true));
  } else {
    rels = std::make_unique<xlsx::XmlPart>();
    pugi::xml_node decl = rels->doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    decl.append_attribute("standalone") = "yes";
    rels->doc.append_child("Relationships").append_attribute("xmlns") =
        "http://schemas.openxmlformats.org/package/2006/relationships";
  }
  pugi::xml_node root = Child(rels->doc, "Relationships");
  if (!root) return Status::InvalidInput(file + ": " + rels_part + ": no <Relationships>");
  std::set<std::string> ids;
  for (pugi::xml_node r = root.first_child(); r; r = r.next_sibling()) {
    ids.insert(r.attribute("Id").value());
  }
  auto fresh_id = [&ids]() {
    for (int i = 1;; ++i) {
      std::string id = "rId" + std::to_string(i);
      if (ids.insert(id).second) return id;
    }
  };
  const std::string prefix = xlsx::Prefix(root);
  auto add_rel = [&](const std::string& id, const char* type, const std::string& target) {
    pugi::xml_node r = root.append_child((prefix + "Relationship").c_str());
    r.append_attribute("Id") = id.c_str();
    r.append_attribute("Type") = type;
    r.append_attribute("Target") = ("/" + target).c_str();  // absolute: valid from any folder
  };
  const std::string vml_id = fresh_id();
  add_rel(fresh_id(), kRelTypeComments, comments);
  add_rel(vml_id, kRelTypeVml, vml);
  (zip.Has(rels_part) ? out.replaced : out.added)[rels_part] = Serialize(rels->doc);
  sheet.AddLegacyDrawing(vml_id);

  if (!content_types) {
    KOTAE_ASSIGN_OR_RETURN(content_types, xlsx::LoadXml(zip, file, "[Content_Types].xml", true));
  }
  pugi::xml_node types = Child(content_types->doc, "Types");
  if (!types) return Status::InvalidInput(file + ": [Content_Types].xml: no <Types>");
  const std::string tp = xlsx::Prefix(types);
  bool has_vml = false, has_rels = false;
  for (pugi::xml_node d = types.first_child(); d; d = d.next_sibling()) {
    if (LocalName(d.name()) != "Default") continue;
    has_vml = has_vml || xlsx::EqualsIgnoreCase(d.attribute("Extension").value(), "vml");
    has_rels = has_rels || xlsx::EqualsIgnoreCase(d.attribute("Extension").value(), "rels");
  }
  // Defaults must precede Overrides in practice (Excel is strict about it).
  pugi::xml_node first = types.first_child();
  auto add_default = [&](const char* ext, const char* type) {
    pugi::xml_node d = first ? types.insert_child_before((tp + "Default").c_str(), first)
                             : types.append_child((tp + "Default").c_str());
    d.append_attribute("Extension") = ext;
    d.append_attribute("ContentType") = type;
  };
  if (!has_vml) add_default("vml", kVmlType);
  if (!has_rels) add_default("rels", kRelsType);
  pugi::xml_node o = types.append_child((tp + "Override").c_str());
  o.append_attribute("PartName") = ("/" + comments).c_str();
  o.append_attribute("ContentType") = kCommentsType;
  return Status::Ok();
}

// Writes the archive: the original entries, with `out` replacing or adding parts. Unchanged
// entries keep their compressed bytes (libzip copies them without recompressing).
Result<std::string> WriteZip(const std::string& original, const std::string& file,
                             const Output& out) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(original.data(), original.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return Status::Internal(file + ": cannot create zip source");
  }
  zip_source_keep(source);  // we read the written archive back from it after zip_close
  zip_t* archive = zip_open_from_source(source, 0, &error);
  if (archive == nullptr) {
    std::string text = zip_error_strerror(&error);
    zip_error_fini(&error);
    zip_source_free(source);
    return Status::InvalidInput(file + ": cannot reopen zip for writing (" + text + ")");
  }
  zip_error_fini(&error);
  auto fail = [&](const std::string& what) {
    std::string text = zip_strerror(archive);
    zip_discard(archive);
    zip_source_free(source);
    return Status::Internal(file + ": " + what + " (" + text + ")");
  };
  auto put = [&](const std::string& name, const std::string& content, bool replace) -> bool {
    zip_source_t* s = zip_source_buffer(archive, content.data(), content.size(), 0);
    if (s == nullptr) return false;
    zip_int64_t index;
    if (replace) {
      index = zip_name_locate(archive, name.c_str(), 0);
      if (index < 0 || zip_file_replace(archive, static_cast<zip_uint64_t>(index), s, 0) != 0) {
        zip_source_free(s);
        return false;
      }
    } else {
      index = zip_file_add(archive, name.c_str(), s, ZIP_FL_ENC_UTF_8);
      if (index < 0) {
        zip_source_free(s);
        return false;
      }
    }
    return zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 0) ==
           0;
  };
  for (const auto& [name, content] : out.replaced) {
    if (!put(name, content, true)) return fail("cannot replace " + name);
  }
  for (const auto& [name, content] : out.added) {
    if (!put(name, content, false)) return fail("cannot add " + name);
  }
  if (zip_close(archive) != 0) return fail("cannot write zip");

  std::string bytes;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_source_stat(source, &st) != 0 || (st.valid & ZIP_STAT_SIZE) == 0 ||
      zip_source_open(source) != 0) {
    zip_source_free(source);
    return Status::Internal(file + ": cannot read back written zip");
  }
  bytes.resize(static_cast<std::size_t>(st.size));
  zip_int64_t got = zip_source_read(source, bytes.data(), bytes.size());
  zip_source_close(source);
  zip_source_free(source);
  if (got < 0 || static_cast<zip_uint64_t>(got) != st.size) {
    return Status::Internal(file + ": short read of written zip");
  }
  return bytes;
}

Status Fill(const std::string& input_path, const std::string& output_path,
            const std::vector<CellFill>& fills) {
  if (SameFile(input_path, output_path)) {
    return Status::InvalidInput(output_path +
                                ": output would overwrite the input workbook; choose another path");
  }
  KOTAE_ASSIGN_OR_RETURN(std::string original, ReadFile(input_path));
  KOTAE_ASSIGN_OR_RETURN(ZipArchive zip, ZipArchive::Open(original, input_path));
  KOTAE_ASSIGN_OR_RETURN(xlsx::Workbook book, xlsx::LoadWorkbook(zip, input_path));

  std::map<std::string, std::vector<const CellFill*>> by_sheet;
  for (const CellFill& f : fills) by_sheet[f.sheet].push_back(&f);

  Output out;
  std::unique_ptr<StylesEditor> styles;
  std::unique_ptr<xlsx::XmlPart> content_types;
  for (const auto& [sheet_name, sheet_fills] : by_sheet) {
    const xlsx::SheetEntry* entry = nullptr;
    for (const auto& s : book.sheets) {
      // Names as the reader gave them (malformed UTF-8 dropped).
      if (s.kind == xlsx::SheetKind::kWorksheet && xlsx::SanitizeXmlText(s.name) == sheet_name) {
        entry = &s;
      }
    }
    if (entry == nullptr || !zip.Has(entry->part)) {
      return Status::NotFound(input_path + ": no worksheet named '" + sheet_name + "'");
    }
    KOTAE_ASSIGN_OR_RETURN(std::unique_ptr<xlsx::XmlPart> xml,
                           xlsx::LoadXml(zip, input_path, entry->part, true));
    SheetEditor sheet(std::move(xml), entry->part);
    KOTAE_RETURN_IF_ERROR(sheet.Init(input_path));
    const bool comments = sheet.CanAddComments(zip);
    std::vector<Note> notes;
    std::map<std::pair<int, int>, std::size_t> note_at;
    bool changed = false;
    for (const CellFill* f : sheet_fills) {
      if (f->row < 0 || f->row >= xlsx::kMaxRows) continue;
      std::vector<std::pair<int, const std::string*>> writes;
      auto valid_col = [](int c) { return c >= 0 && c < xlsx::kMaxCols; };
      if (valid_col(f->answer_col) && !f->answer.empty())
        writes.push_back({f->answer_col, &f->answer});
      // The choice goes in last so that, sharing a column with the answer, the dropdown
      // cell ends up holding one of its own options.
      if (valid_col(f->choice_col) && !f->choice.empty())
        writes.push_back({f->choice_col, &f->choice});
      int note_col = valid_col(f->answer_col)   ? f->answer_col
                     : valid_col(f->choice_col) ? f->choice_col
                                                : -1;
      if (!f->note.empty()) {
        if (comments && note_col >= 0) {
          auto key = std::make_pair(f->row, note_col);
          auto it = note_at.find(key);
          if (it == note_at.end()) {
            note_at[key] = notes.size();
            notes.push_back({f->row, note_col, f->note});
          } else {
            notes[it->second].text = f->note;
          }
        } else if (valid_col(f->remarks_col) && f->remarks_col != f->answer_col &&
                   f->remarks_col != f->choice_col) {
          writes.push_back({f->remarks_col, &f->note});
        }
      }
      for (const auto& [col, text] : writes) {
        pugi::xml_node cell = sheet.SetText(f->row, col, *text);
        changed = true;
        if (!f->needs_review) continue;
        if (!styles && !book.styles_part.empty() && zip.Has(book.styles_part)) {
          KOTAE_ASSIGN_OR_RETURN(std::unique_ptr<xlsx::XmlPart> sx,
                                 xlsx::LoadXml(zip, input_path, book.styles_part, true));
          styles = std::make_unique<StylesEditor>(std::move(sx));
        }
        if (styles && styles->usable()) {
          sheet.SetStyle(cell, styles->ReviewStyle(SheetEditor::StyleOf(cell)));
        }
      }
    }
    if (!notes.empty()) {
      KOTAE_RETURN_IF_ERROR(AddCommentParts(zip, input_path, sheet, notes, out, content_types));
      changed = true;
    }
    if (changed) out.replaced[entry->part] = sheet.Finish();
  }
  if (styles && styles->changed()) out.replaced[book.styles_part] = styles->Serialize();
  if (content_types) out.replaced["[Content_Types].xml"] = Serialize(content_types->doc);

  KOTAE_ASSIGN_OR_RETURN(std::string bytes, WriteZip(zip.data(), input_path, out));
  return WriteFileAtomic(output_path, bytes);
}

}  // namespace

Status FillXlsx(const std::string& input_path, const std::string& output_path,
                const std::vector<CellFill>& fills) {
  // pugixml and the standard library may throw std::bad_alloc on huge inputs.
  try {
    return Fill(input_path, output_path, fills);
  } catch (const std::bad_alloc&) {
    return Status::InvalidInput(input_path + ": workbook too large to fill");
  }
}

}  // namespace kotae::sheet
