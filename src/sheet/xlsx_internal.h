// Private to the xlsx reader and writer (xlsx_reader.cc, xlsx_fill.cc): the package structure
// both need — where the workbook, its sheets, shared strings and styles live — plus the small
// SpreadsheetML helpers (cell references, prefix-agnostic element lookup, safe XML loading).
// Not part of the kotae_sheet interface; nothing outside src/sheet/xlsx_*.cc includes it.
//
// Everything here is stateless and thread-safe.
#pragma once

#include <pugixml.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "sheet/grid.h"
#include "sheet/zip_archive.h"

namespace kotae::sheet::xlsx {

// Spec limits (ECMA-376 Part 1, 18.3.1.73 / Excel specifications): rows 1..1048576,
// columns A..XFD.
inline constexpr int kMaxRows = 1048576;
inline constexpr int kMaxCols = 16384;

// One parsed XML part. The document owns its own copy of the text.
struct XmlPart {
  pugi::xml_document doc;
};

// Refuses XML that declares a DTD or entities before any parser sees it: pugixml would not
// expand them, but a part that carries them is not something Excel writes, so it is hostile.
Status CheckNoDtd(std::string_view xml);

// Reads `part` from the archive (kNotFound if absent), checks it for DTDs and parses it.
// `keep_whitespace` keeps whitespace-only text nodes (writers that re-serialise want them).
// Error messages read "<file>: <part>: problem".
Result<std::unique_ptr<XmlPart>> LoadXml(ZipArchive& zip, const std::string& file,
                                         const std::string& part, bool keep_whitespace = false);

// "x:row" -> "row". SpreadsheetML may be written with or without a namespace prefix.
std::string_view LocalName(const char* name);
// First child element with local name `local`, or an empty node.
pugi::xml_node Child(pugi::xml_node node, std::string_view local);
// Attribute by local name ("r:id" matches "id"), or an empty attribute.
pugi::xml_attribute Attr(pugi::xml_node node, std::string_view local);
// The "p:" of the element's name, or "" (used to create siblings in the same namespace style).
std::string Prefix(pugi::xml_node node);

// "B3" / "$B$3" -> row 2, col 1. False if malformed or out of the spec's bounds.
bool ParseCellRef(std::string_view ref, int* row, int* col);
// "A1:C4" or a single cell "B2". False if malformed.
bool ParseRangeRef(std::string_view ref, CellRange* range);
// 0-based (row, col) -> "B3".
std::string CellRefName(int row, int col);

// Resolves a relationship target against the part that owns the relationship:
// ("xl/workbook.xml", "worksheets/sheet1.xml") -> "xl/worksheets/sheet1.xml";
// absolute targets ("/xl/x.xml") drop the slash; ".." segments are folded.
std::string ResolveTarget(const std::string& source_part, std::string_view target);
// "xl/worksheets/sheet1.xml" -> "xl/worksheets/_rels/sheet1.xml.rels".
std::string RelsPartFor(const std::string& part);

enum class SheetKind { kWorksheet, kOther };

struct SheetEntry {
  std::string name;
  std::string part;  // zip entry of the sheet's XML
  SheetKind kind = SheetKind::kWorksheet;
  bool hidden = false;  // state="hidden" or "veryHidden"
};

struct DefinedName {
  std::string name;
  int local_sheet = -1;  // index into Workbook::sheets (all kinds), -1 = workbook scope
  std::string formula;
};

struct Workbook {
  std::string part;                // usually "xl/workbook.xml"
  std::vector<SheetEntry> sheets;  // in workbook order, all kinds
  std::vector<DefinedName> names;
  std::string shared_strings_part;  // "" if the workbook has none
  std::string styles_part;          // "" if the workbook has none
};

// Loads the workbook part, its relationships and the sheet list. kInvalidInput
// ("<file>: …") when the archive is not a workbook.
Result<Workbook> LoadWorkbook(ZipArchive& zip, const std::string& file);

// Removes what XML 1.0 cannot carry (C0 controls other than tab/LF/CR, U+FFFE/U+FFFF,
// malformed UTF-8) so a written part always parses.
std::string SanitizeXmlText(std::string_view text);

// ASCII case-insensitive equality; Excel compares sheet and defined names this way.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace kotae::sheet::xlsx
