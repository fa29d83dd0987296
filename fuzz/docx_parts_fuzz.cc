// libFuzzer entry for the docx reader's XML handling (ReadDocx in sheet/prose_reader.h). As in
// xlsx_parts_fuzz, mutating a whole .docx mostly breaks the zip before any XML is read, so the
// input is the parts themselves, separated by the byte 0x01 (forbidden in XML 1.0):
//
//   document.xml 0x01 styles.xml
//
// An empty styles part is left out of the package (styles are optional). The parts are stored
// uncompressed with correct CRCs and read with ReadDocx; errors must be one line naming the
// file, every string returned must be valid UTF-8 (it goes into the run JSON) and no heading
// path may grow deeper than real documents have.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "invariants.h"
#include "sheet/prose_reader.h"
#include "support/zip_bytes.h"

namespace {

// Styled headings and outline levels stay well below this.
constexpr std::size_t kMaxSections = 32;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string_view document = input;
  std::string_view styles;
  if (const std::size_t cut = input.find('\x01'); cut != std::string_view::npos) {
    document = input.substr(0, cut);
    styles = input.substr(cut + 1);
  }
  using kotae::test::StoredMember;
  std::vector<kotae::test::ZipMember> members = {StoredMember("word/document.xml", document)};
  if (!styles.empty()) members.push_back(StoredMember("word/styles.xml", styles));

  kotae::Result<kotae::sheet::Questionnaire> read =
      kotae::sheet::ReadDocx(kotae::test::ZipBytes(members), "fuzz.docx");
  if (!read.ok()) {
    kotae::fuzz::TrapUnlessOneLineNaming(read.status().message(), "fuzz.docx");
    return 0;
  }
  for (const kotae::sheet::Item& item : read->items) {
    kotae::fuzz::TrapUnlessCleanItem(item, kMaxSections);
  }
  return 0;
}
