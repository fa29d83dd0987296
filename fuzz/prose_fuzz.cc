// libFuzzer entry for the prose reader (Markdown / plain-text policies and FAQs): the bytes are
// decoded as `kotae parse` decodes a .txt/.md file (DecodeText: BOM, UTF-8, CP932, UTF-16) and
// the UTF-8 goes through ReadProseText. Neither may crash or run away; errors must be one line
// naming the file, every string the reader returns must still be valid UTF-8 (it is written
// into the run JSON, whose writer rejects broken UTF-8), and no item may carry a heading path
// deeper than real documents have (each item copies it, so output would grow quadratically).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "invariants.h"
#include "sheet/encoding.h"
#include "sheet/prose_reader.h"

namespace {

// Title lines, explicit levels and a heuristic run together stay well below this.
constexpr size_t kMaxSections = 32;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The extension does not change how prose text is read; both names keep the messages honest.
  const std::string name = size % 2 == 0 ? "fuzz.md" : "fuzz.txt";
  kotae::Result<kotae::sheet::DecodedText> text = kotae::sheet::DecodeText(bytes, name);
  if (!text.ok()) {
    kotae::fuzz::TrapUnlessOneLineNaming(text.status().message(), name);
    return 0;
  }
  kotae::Result<kotae::sheet::Questionnaire> prose = kotae::sheet::ReadProseText(text->utf8, name);
  if (!prose.ok()) {
    kotae::fuzz::TrapUnlessOneLineNaming(prose.status().message(), name);
    return 0;
  }
  for (const kotae::sheet::Item& item : prose->items) {
    kotae::fuzz::TrapUnlessCleanItem(item, kMaxSections);
  }
  return 0;
}
