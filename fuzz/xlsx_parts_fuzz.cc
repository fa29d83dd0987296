// libFuzzer entry that reaches the xlsx reader's XML handling directly. Mutating a whole .xlsx
// mostly breaks the zip (CRC, deflate) before any XML is read, so here the input is the parts
// themselves, separated by the byte 0x01 (which XML 1.0 forbids, so no real part contains it):
//
//   sheet1.xml 0x01 sharedStrings.xml 0x01 workbook.xml 0x01 workbook.xml.rels
//
// A missing or empty workbook/rels part gets a default that points at sheet1 and the shared
// strings. The parts are stored (uncompressed, correct CRCs) in a zip, read with ReadXlsx, and
// every grid goes through DetectItems. Errors must be one line naming the file.
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sheet/layout.h"
#include "sheet/reader.h"
#include "sheet/xlsx_reader.h"

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

void Put16(std::string* s, std::uint32_t v) {
  s->push_back(static_cast<char>(v & 0xff));
  s->push_back(static_cast<char>((v >> 8) & 0xff));
}
void Put32(std::string* s, std::uint32_t v) {
  Put16(s, v & 0xffff);
  Put16(s, v >> 16);
}

// A zip of stored members: local headers, central directory, end record.
std::string StoredZip(const std::vector<std::pair<std::string, std::string_view>>& members) {
  std::string zip, central;
  for (const auto& [name, data] : members) {
    const auto crc = static_cast<std::uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
    const auto size = static_cast<std::uint32_t>(data.size());
    const auto offset = static_cast<std::uint32_t>(zip.size());
    for (std::string* h : {&zip, &central}) {
      const bool local = h == &zip;
      Put32(h, local ? 0x04034b50 : 0x02014b50);
      if (!local) Put16(h, 20);  // version made by
      Put16(h, 20);              // version needed
      Put16(h, 0);               // flags
      Put16(h, 0);               // stored
      Put16(h, 0);               // time
      Put16(h, 0x5821);          // date
      Put32(h, crc);
      Put32(h, size);
      Put32(h, size);
      Put16(h, static_cast<std::uint32_t>(name.size()));
      Put16(h, 0);  // extra
      if (!local) {
        Put16(h, 0);  // comment
        Put16(h, 0);  // disk
        Put16(h, 0);  // internal attributes
        Put32(h, 0);  // external attributes
        Put32(h, offset);
      }
      *h += name;
    }
    zip += data;
  }
  const auto central_offset = static_cast<std::uint32_t>(zip.size());
  zip += central;
  Put32(&zip, 0x06054b50);
  Put16(&zip, 0);
  Put16(&zip, 0);
  Put16(&zip, static_cast<std::uint32_t>(members.size()));
  Put16(&zip, static_cast<std::uint32_t>(members.size()));
  Put32(&zip, static_cast<std::uint32_t>(central.size()));
  Put32(&zip, central_offset);
  Put16(&zip, 0);
  return zip;
}

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

  std::vector<std::pair<std::string, std::string_view>> members = {
      {"_rels/.rels", kRootRels},
      {"xl/workbook.xml", parts[2].empty() ? std::string_view(kWorkbook) : parts[2]},
      {"xl/_rels/workbook.xml.rels", parts[3].empty() ? std::string_view(kWorkbookRels) : parts[3]},
      {"xl/worksheets/sheet1.xml", parts[0]},
  };
  if (!parts[1].empty()) members.push_back({"xl/sharedStrings.xml", parts[1]});

  kotae::Result<std::vector<kotae::sheet::Grid>> grids =
      kotae::sheet::ReadXlsx(StoredZip(members), "fuzz.xlsx");
  if (!grids.ok()) {
    const std::string& message = grids.status().message();
    if (message.find('\n') != std::string::npos || message.rfind("fuzz.xlsx", 0) != 0) {
      __builtin_trap();  // errors must be one line naming the file
    }
    return 0;
  }
  for (const kotae::sheet::Grid& grid : *grids) {
    (void)kotae::sheet::DetectItems(grid, kotae::sheet::ReadOptions{});
  }
  return 0;
}
