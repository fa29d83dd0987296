// Detection and conversion of the text encodings check sheets arrive in: UTF-8 (with or
// without BOM), Shift_JIS/CP932 and UTF-16 (LE/BE, with BOM). Conversion uses ICU converters.
// Stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace kotae::sheet {

enum class Encoding { kUtf8, kUtf8Bom, kShiftJis, kUtf16Le, kUtf16Be };
const char* EncodingName(Encoding encoding);

struct DecodedText {
  std::string utf8;   // without BOM
  Encoding encoding;  // what the input was
};

// Detects the encoding (BOM first, then valid UTF-8, then CP932) and converts to UTF-8.
// Fails with kInvalidInput (naming `name`) when the bytes are none of these.
Result<DecodedText> DecodeText(std::string_view bytes, const std::string& name);

// Converts UTF-8 back into `encoding` (writing a BOM for kUtf8Bom and UTF-16). Characters
// CP932 cannot represent fail with kInvalidInput.
Result<std::string> EncodeText(std::string_view utf8, Encoding encoding);

}  // namespace kotae::sheet
