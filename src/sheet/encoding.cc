// Encoding detection and conversion for delimited and text files.
//
// Order of detection: a byte order mark decides outright; otherwise strictly valid UTF-8 wins
// (CP932 text is almost never valid UTF-8, while the reverse is often true), and CP932 is the
// last resort. Every converter runs with ICU's STOP callbacks so that a byte sequence that is
// not really in the encoding fails instead of turning into U+FFFD: a check sheet silently
// filled with replacement characters is worse than a clear refusal.
#include "sheet/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <climits>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace kotae::sheet {
namespace {

constexpr std::string_view kUtf8BomBytes = "\xEF\xBB\xBF";

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

// Microsoft's CP932 (the "Shift_JIS" Excel writes). ICU's windows-31j alias resolves to
// ibm-943_P15A-2003; both names are tried in case a trimmed ICU data build lacks the alias.
Result<ConverterPtr> OpenCp932() {
  for (const char* name : {"windows-31j", "ibm-943_P15A-2003"}) {
    UErrorCode err = U_ZERO_ERROR;
    ConverterPtr conv(ucnv_open(name, &err));
    if (U_FAILURE(err) || !conv) continue;
    err = U_ZERO_ERROR;
    ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
    ucnv_setFromUCallBack(conv.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
    if (U_FAILURE(err)) continue;
    return conv;
  }
  return Status::Internal("ICU has no CP932 (windows-31j) converter");
}

bool IsValidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto n = static_cast<int64_t>(bytes.size());
  int64_t i = 0;
  while (i < n) {
    // ASCII fast path: most of a CSV file is delimiters, digits and Latin text.
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

// Text kotae reads never contains NUL or most C0 controls; random or binary bytes almost
// always do. This is what rejects a binary file that happens to decode as CP932.
bool HasBinaryControls(std::string_view utf8) {
  size_t controls = 0;
  for (unsigned char c : utf8) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++controls;
  }
  return controls > 0 && controls * 100 >= utf8.size();  // >1% control characters
}

Result<std::string> Utf16ToUtf8(std::string_view bytes, bool little_endian,
                                const std::string& name) {
  if (bytes.size() % 2 != 0) {
    return Status::InvalidInput(name + ": UTF-16 text has an odd number of bytes");
  }
  if (bytes.size() / 2 > static_cast<size_t>(INT32_MAX / 3)) {
    return Status::InvalidInput(name + ": UTF-16 text is too large");
  }
  std::u16string units(bytes.size() / 2, u'\0');
  for (size_t i = 0; i < units.size(); ++i) {
    auto lo = static_cast<uint8_t>(bytes[2 * i + (little_endian ? 0 : 1)]);
    auto hi = static_cast<uint8_t>(bytes[2 * i + (little_endian ? 1 : 0)]);
    units[i] = static_cast<char16_t>(lo | (hi << 8));
  }
  std::string out(units.size() * 3, '\0');
  int32_t len = 0;
  UErrorCode err = U_ZERO_ERROR;
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &len,
              reinterpret_cast<const UChar*>(units.data()), static_cast<int32_t>(units.size()),
              &err);
  if (U_FAILURE(err)) {
    return Status::InvalidInput(name + ": invalid UTF-16 (unpaired surrogate)");
  }
  out.resize(static_cast<size_t>(len));
  return out;
}

Result<std::u16string> Utf8ToUtf16(std::string_view utf8) {
  if (utf8.size() > static_cast<size_t>(INT32_MAX / 2)) {
    return Status::InvalidInput("text is too large to convert");
  }
  std::u16string out(utf8.size() + 1, u'\0');
  int32_t len = 0;
  UErrorCode err = U_ZERO_ERROR;
  u_strFromUTF8(reinterpret_cast<UChar*>(out.data()), static_cast<int32_t>(out.size()), &len,
                utf8.data(), static_cast<int32_t>(utf8.size()), &err);
  if (U_FAILURE(err)) return Status::InvalidInput("text is not valid UTF-8");
  out.resize(static_cast<size_t>(len));
  return out;
}

Result<std::string> Cp932ToUtf8(std::string_view bytes, const std::string& name) {
  if (bytes.size() > static_cast<size_t>(INT32_MAX / 2)) {
    return Status::InvalidInput(name + ": text is too large");
  }
  KOTAE_ASSIGN_OR_RETURN(ConverterPtr conv, OpenCp932());
  // CP932 yields at most one UTF-16 unit per byte.
  std::u16string units(bytes.size() + 1, u'\0');
  UErrorCode err = U_ZERO_ERROR;
  int32_t len = ucnv_toUChars(conv.get(), reinterpret_cast<UChar*>(units.data()),
                              static_cast<int32_t>(units.size()), bytes.data(),
                              static_cast<int32_t>(bytes.size()), &err);
  if (U_FAILURE(err)) {
    return Status::InvalidInput(name +
                                ": not a supported text encoding (neither UTF-8, UTF-16 with "
                                "BOM nor Shift_JIS/CP932)");
  }
  units.resize(static_cast<size_t>(len));
  std::string out(units.size() * 3 + 1, '\0');
  int32_t out_len = 0;
  err = U_ZERO_ERROR;
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &out_len,
              reinterpret_cast<const UChar*>(units.data()), static_cast<int32_t>(units.size()),
              &err);
  if (U_FAILURE(err)) return Status::Internal(name + ": CP932 conversion produced bad UTF-16");
  out.resize(static_cast<size_t>(out_len));
  return out;
}

std::string CodePointLabel(UChar32 c, std::string_view utf8_char) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "U+%04X", static_cast<unsigned>(c));
  return "'" + std::string(utf8_char) + "' (" + buf + ")";
}

Result<std::string> Utf8ToCp932(std::string_view utf8) {
  KOTAE_ASSIGN_OR_RETURN(std::u16string units, Utf8ToUtf16(utf8));
  KOTAE_ASSIGN_OR_RETURN(ConverterPtr conv, OpenCp932());
  std::string out(units.size() * 2 + 1, '\0');
  UErrorCode err = U_ZERO_ERROR;
  int32_t len = ucnv_fromUChars(conv.get(), out.data(), static_cast<int32_t>(out.size()),
                                reinterpret_cast<const UChar*>(units.data()),
                                static_cast<int32_t>(units.size()), &err);
  if (U_SUCCESS(err)) {
    out.resize(static_cast<size_t>(len));
    return out;
  }
  // Failure path only: find the first character CP932 lacks so the message can name it.
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto n = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  char tmp[8];
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    UChar u[2];
    int32_t ulen = 0;
    U16_APPEND_UNSAFE(u, ulen, c);
    UErrorCode e = U_ZERO_ERROR;
    ucnv_reset(conv.get());
    ucnv_fromUChars(conv.get(), tmp, sizeof(tmp), u, ulen, &e);
    if (U_FAILURE(e)) {
      return Status::InvalidInput("character " +
                                  CodePointLabel(c, utf8.substr(static_cast<size_t>(start),
                                                                static_cast<size_t>(i - start))) +
                                  " cannot be written in Shift_JIS (CP932)");
    }
  }
  return Status::InvalidInput("text cannot be written in Shift_JIS (CP932)");
}

std::string Utf16Bytes(const std::u16string& units, bool little_endian) {
  std::string out;
  out.reserve(units.size() * 2 + 2);
  auto put = [&](char16_t u) {
    char lo = static_cast<char>(u & 0xFF);
    char hi = static_cast<char>((u >> 8) & 0xFF);
    if (little_endian) {
      out.push_back(lo);
      out.push_back(hi);
    } else {
      out.push_back(hi);
      out.push_back(lo);
    }
  };
  put(u'\uFEFF');
  for (char16_t u : units) put(u);
  return out;
}

}  // namespace

const char* EncodingName(Encoding encoding) {
  switch (encoding) {
    case Encoding::kUtf8:
      return "UTF-8";
    case Encoding::kUtf8Bom:
      return "UTF-8 with BOM";
    case Encoding::kShiftJis:
      return "Shift_JIS (CP932)";
    case Encoding::kUtf16Le:
      return "UTF-16LE";
    case Encoding::kUtf16Be:
      return "UTF-16BE";
  }
  return "unknown";
}

Result<DecodedText> DecodeText(std::string_view bytes, const std::string& name) {
  DecodedText out;
  if (bytes.starts_with(kUtf8BomBytes)) {
    bytes.remove_prefix(kUtf8BomBytes.size());
    if (!IsValidUtf8(bytes)) {
      return Status::InvalidInput(name + ": starts with a UTF-8 BOM but is not valid UTF-8");
    }
    out.encoding = Encoding::kUtf8Bom;
    out.utf8.assign(bytes);
  } else if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    bool le = bytes[0] == '\xFF';
    KOTAE_ASSIGN_OR_RETURN(out.utf8, Utf16ToUtf8(bytes.substr(2), le, name));
    out.encoding = le ? Encoding::kUtf16Le : Encoding::kUtf16Be;
  } else if (IsValidUtf8(bytes)) {
    out.encoding = Encoding::kUtf8;
    out.utf8.assign(bytes);
  } else {
    KOTAE_ASSIGN_OR_RETURN(out.utf8, Cp932ToUtf8(bytes, name));
    out.encoding = Encoding::kShiftJis;
  }
  if (HasBinaryControls(out.utf8)) {
    return Status::InvalidInput(name + ": binary data, not text (control characters in " +
                                EncodingName(out.encoding) + " text)");
  }
  return out;
}

Result<std::string> EncodeText(std::string_view utf8, Encoding encoding) {
  switch (encoding) {
    case Encoding::kUtf8:
    case Encoding::kUtf8Bom: {
      if (!IsValidUtf8(utf8)) return Status::InvalidInput("text is not valid UTF-8");
      std::string out;
      if (encoding == Encoding::kUtf8Bom) out.assign(kUtf8BomBytes);
      out.append(utf8);
      return out;
    }
    case Encoding::kShiftJis:
      return Utf8ToCp932(utf8);
    case Encoding::kUtf16Le:
    case Encoding::kUtf16Be: {
      KOTAE_ASSIGN_OR_RETURN(std::u16string units, Utf8ToUtf16(utf8));
      return Utf16Bytes(units, encoding == Encoding::kUtf16Le);
    }
  }
  return Status::Internal("unknown encoding");
}

}  // namespace kotae::sheet
