// libFuzzer entry that reaches the xlsx reader's XML handling directly. Mutating a whole .xlsx
// mostly breaks the zip (CRC, deflate) before any XML is read, so here the input is the parts
// themselves, separated by the byte 0x01 (which XML 1.0 forbids, so no real part contains it):
//
//   sheet1.xml 0x01 sharedStrings.xml 0x01 workbook.xml 0x01 workbook.xml.rels
//
// A missing or empty workbook/rels part gets a default that points at sheet1 and the shared
// strings. The parts are stored (uncompressed, correct CRCs) in a zip, read with ReadXlsx, and
// every grid goes through DetectItems. Errors must be one line naming the file, and every
// cell and item text must be valid UTF-8 (it goes into the run JSON and the filled workbook).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "invariants.h"
#include "sheet/layout.h"
#include "sheet/reader.h"
#include "sheet/xlsx_reader.h"
#include "support/zip_bytes.h"

namespace {

constexpr char kWorkbook[] =
    "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
    "2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
constexpr char kWorkbookRels[] =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
    "2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
    "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>";
constexpr char kRootRels[] =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
    "2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
    "officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
    "</Relationships>";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> parts;
  while (parts.size() < 3) {
    const std::size_t cut = input.find('\x01');
    if (cut == std::string_view::npos) break;
    parts.push_back(input.substr(0, cut));
    input.remove_prefix(cut + 1);
  }
  parts.push_back(input);
  parts.resize(4);

  using kotae::test::StoredMember;
  std::vector<kotae::test::ZipMember> members = {
      StoredMember("_rels/.rels", kRootRels),
      StoredMember("xl/workbook.xml", parts[2].empty() ? std::string_view(kWorkbook) : parts[2]),
      StoredMember("xl/_rels/workbook.xml.rels",
                   parts[3].empty() ? std::string_view(kWorkbookRels) : parts[3]),
      StoredMember("xl/worksheets/sheet1.xml", parts[0]),
  };
  if (!parts[1].empty()) members.push_back(StoredMember("xl/sharedStrings.xml", parts[1]));

  kotae::Result<std::vector<kotae::sheet::Grid>> grids =
      kotae::sheet::ReadXlsx(kotae::test::ZipBytes(members), "fuzz.xlsx");
  if (!grids.ok()) {
    kotae::fuzz::TrapUnlessOneLineNaming(grids.status().message(), "fuzz.xlsx");
    return 0;
  }
  for (const kotae::sheet::Grid& grid : *grids) {
    kotae::fuzz::TrapUnlessUtf8(grid.name);
    for (const auto& row : grid.rows) {
      for (const std::string& cell : row) kotae::fuzz::TrapUnlessUtf8(cell);
    }
    auto items = kotae::sheet::DetectItems(grid, kotae::sheet::ReadOptions{});
    if (!items.ok()) continue;
    // Sheet headings are bounded by the grid itself, not by a reader limit.
    for (const kotae::sheet::Item& item : *items) {
      kotae::fuzz::TrapUnlessCleanItem(item, item.sections.size());
    }
  }
  return 0;
}
