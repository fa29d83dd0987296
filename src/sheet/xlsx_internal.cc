#include "sheet/xlsx_internal.h"

#include <cstring>
#include <utility>

namespace kotae::sheet::xlsx {

Status CheckNoDtd(std::string_view xml) {
  // A DTD can only appear in the prolog, but a hostile part could hide one after a long
  // comment; a full scan is cheap next to parsing.
  if (xml.find("<!DOCTYPE") != std::string_view::npos) {
    return Status::InvalidInput("document type declarations are not allowed");
  }
  if (xml.find("<!ENTITY") != std::string_view::npos) {
    return Status::InvalidInput("entity declarations are not allowed");
  }
  return Status::Ok();
}

Result<std::unique_ptr<XmlPart>> LoadXml(ZipArchive& zip, const std::string& file,
                                         const std::string& part, bool keep_whitespace) {
  Result<std::string> text = zip.Read(part);
  if (!text.ok()) {
    return text.status();  // ZipArchive messages already name the file and the part
  }
  KOTAE_RETURN_IF_ERROR(CheckNoDtd(*text).WithPrefix(file + ": " + part));
  auto xml = std::make_unique<XmlPart>();
  unsigned options = pugi::parse_default | pugi::parse_declaration;
  options |= keep_whitespace ? pugi::parse_ws_pcdata : pugi::parse_ws_pcdata_single;
  pugi::xml_parse_result parsed =
      xml->doc.load_buffer(text->data(), text->size(), options, pugi::encoding_auto);
  if (!parsed) {
    return Status::InvalidInput(file + ": " + part + ": malformed XML at byte " +
                                std::to_string(parsed.offset) + " (" + parsed.description() + ")");
  }
  return xml;
}

std::string_view LocalName(const char* name) {
  std::string_view n(name);
  std::size_t colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node Child(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && LocalName(c.name()) == local) return c;
  }
  return {};
}

pugi::xml_attribute Attr(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    std::string_view name(a.name());
    if (name.substr(0, 6) == "xmlns:" || name == "xmlns") continue;
    if (LocalName(a.name()) == local) return a;
  }
  return {};
}

std::string Prefix(pugi::xml_node node) {
  std::string_view n(node.name());
  std::size_t colon = n.rfind(':');
  return colon == std::string_view::npos ? std::string() : std::string(n.substr(0, colon + 1));
}

bool ParseCellRef(std::string_view ref, int* row, int* col) {
  std::size_t i = 0;
  if (i < ref.size() && ref[i] == '$') ++i;
  long c = 0;
  std::size_t letters = 0;
  while (i < ref.size()) {
    char ch = ref[i];
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    if (ch < 'A' || ch > 'Z') break;
    if (++letters > 3) return false;
    c = c * 26 + (ch - 'A' + 1);
    ++i;
  }
  if (letters == 0 || c > kMaxCols) return false;
  if (i < ref.size() && ref[i] == '$') ++i;
  long r = 0;
  std::size_t digits = 0;
  while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9') {
    if (++digits > 7) return false;
    r = r * 10 + (ref[i] - '0');
    ++i;
  }
  if (digits == 0 || i != ref.size() || r < 1 || r > kMaxRows) return false;
  *row = static_cast<int>(r - 1);
  *col = static_cast<int>(c - 1);
  return true;
}

bool ParseRangeRef(std::string_view ref, CellRange* range) {
  std::size_t colon = ref.find(':');
  int r1 = 0, c1 = 0, r2 = 0, c2 = 0;
  if (colon == std::string_view::npos) {
    if (!ParseCellRef(ref, &r1, &c1)) return false;
    *range = {r1, c1, r1, c1};
    return true;
  }
  if (!ParseCellRef(ref.substr(0, colon), &r1, &c1) ||
      !ParseCellRef(ref.substr(colon + 1), &r2, &c2)) {
    return false;
  }
  *range = {std::min(r1, r2), std::min(c1, c2), std::max(r1, r2), std::max(c1, c2)};
  return true;
}

std::string CellRefName(int row, int col) { return ColumnName(col) + std::to_string(row + 1); }

std::string ResolveTarget(const std::string& source_part, std::string_view target) {
  std::string joined;
  if (!target.empty() && target.front() == '/') {
    joined = std::string(target.substr(1));
  } else {
    std::size_t slash = source_part.rfind('/');
    joined = (slash == std::string::npos ? std::string() : source_part.substr(0, slash + 1)) +
             std::string(target);
  }
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= joined.size()) {
    std::size_t end = joined.find('/', start);
    if (end == std::string::npos) end = joined.size();
    std::string seg = joined.substr(start, end - start);
    if (seg == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!seg.empty() && seg != ".") {
      segments.push_back(std::move(seg));
    }
    start = end + 1;
  }
  std::string out;
  for (const auto& s : segments) {
    if (!out.empty()) out += '/';
    out += s;
  }
  return out;
}

std::string RelsPartFor(const std::string& part) {
  std::size_t slash = part.rfind('/');
  if (slash == std::string::npos) return "_rels/" + part + ".rels";
  return part.substr(0, slash + 1) + "_rels/" + part.substr(slash + 1) + ".rels";
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The package's main part: _rels/.rels names it; files written by minimal tools may omit the
// package relationships, in which case the conventional location is assumed.
std::string FindWorkbookPart(ZipArchive& zip, const std::string& file) {
  if (zip.Has("_rels/.rels")) {
    Result<std::unique_ptr<XmlPart>> rels = LoadXml(zip, file, "_rels/.rels");
    if (rels.ok()) {
      pugi::xml_node root = Child((*rels)->doc, "Relationships");
      for (pugi::xml_node r = root.first_child(); r; r = r.next_sibling()) {
        if (LocalName(r.name()) != "Relationship") continue;
        std::string_view type = r.attribute("Type").value();
        if (EndsWith(type, "/officeDocument")) {
          std::string part = ResolveTarget("", r.attribute("Target").value());
          if (zip.Has(part)) return part;
        }
      }
    }
  }
  return "xl/workbook.xml";
}

}  // namespace

Result<Workbook> LoadWorkbook(ZipArchive& zip, const std::string& file) {
  Workbook book;
  book.part = FindWorkbookPart(zip, file);
  if (!zip.Has(book.part)) {
    return Status::InvalidInput(file + ": not an xlsx workbook (no " + book.part + ")");
  }
  KOTAE_ASSIGN_OR_RETURN(std::unique_ptr<XmlPart> wb, LoadXml(zip, file, book.part));
  pugi::xml_node root = Child(wb->doc, "workbook");
  if (!root) return Status::InvalidInput(file + ": " + book.part + ": no <workbook> element");

  // Relationship id -> (type, resolved target).
  struct Rel {
    std::string id, type, target;
  };
  std::vector<Rel> rels;
  const std::string rels_part = RelsPartFor(book.part);
  if (zip.Has(rels_part)) {
    KOTAE_ASSIGN_OR_RETURN(std::unique_ptr<XmlPart> rx, LoadXml(zip, file, rels_part));
    pugi::xml_node rroot = Child(rx->doc, "Relationships");
    for (pugi::xml_node r = rroot.first_child(); r; r = r.next_sibling()) {
      if (LocalName(r.name()) != "Relationship") continue;
      if (std::string_view(r.attribute("TargetMode").value()) == "External") continue;
      rels.push_back({r.attribute("Id").value(), r.attribute("Type").value(),
                      ResolveTarget(book.part, r.attribute("Target").value())});
    }
  }
  for (const Rel& r : rels) {
    if (EndsWith(r.type, "/sharedStrings")) book.shared_strings_part = r.target;
    if (EndsWith(r.type, "/styles")) book.styles_part = r.target;
  }
  if (book.shared_strings_part.empty() && zip.Has("xl/sharedStrings.xml")) {
    book.shared_strings_part = "xl/sharedStrings.xml";
  }
  if (book.styles_part.empty() && zip.Has("xl/styles.xml")) book.styles_part = "xl/styles.xml";

  for (pugi::xml_node s = Child(Child(root, "sheets"), "sheet"); s; s = s.next_sibling()) {
    if (LocalName(s.name()) != "sheet") continue;
    SheetEntry entry;
    entry.name = s.attribute("name").value();
    std::string_view state = s.attribute("state").value();
    entry.hidden = state == "hidden" || state == "veryHidden";
    std::string id = Attr(s, "id").value();
    entry.kind = SheetKind::kOther;
    for (const Rel& r : rels) {
      if (r.id != id) continue;
      entry.part = r.target;
      if (EndsWith(r.type, "/worksheet")) entry.kind = SheetKind::kWorksheet;
    }
    book.sheets.push_back(std::move(entry));
  }
  for (pugi::xml_node d = Child(Child(root, "definedNames"), "definedName"); d;
       d = d.next_sibling()) {
    if (LocalName(d.name()) != "definedName") continue;
    DefinedName name;
    name.name = d.attribute("name").value();
    pugi::xml_attribute local = d.attribute("localSheetId");
    name.local_sheet = local ? local.as_int(-1) : -1;
    name.formula = d.text().get();
    book.names.push_back(std::move(name));
  }
  return book;
}

std::string SanitizeXmlText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    unsigned char b = s[i];
    if (b < 0x80) {
      if (b >= 0x20 || b == '\t' || b == '\n' || b == '\r') out += static_cast<char>(b);
      ++i;
      continue;
    }
    // Decode one UTF-8 sequence; anything malformed is dropped byte by byte.
    // Lead bytes C2–F4 only: C0/C1 would be overlong, F5–FF never start a sequence (F8–FB with
    // three continuation bytes would otherwise decode to a plausible code point).
    std::size_t len = b > 0xF4 ? 0 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 ? 2 : 0;
    if (len == 0 || i + len > n) {
      ++i;
      continue;
    }
    char32_t cp = b & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    bool ok = true;
    for (std::size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    bool illegal = (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF || cp > 0x10FFFF;
    if (!ok || overlong || illegal) {
      ++i;
      continue;
    }
    out.append(text.substr(i, len));
    i += len;
  }
  return out;
}

}  // namespace kotae::sheet::xlsx
