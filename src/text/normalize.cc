#include <algorithm>
#include <climits>

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "text/analyzer.h"
#include "text/normalize_internal.h"

namespace kotae::text {
namespace internal {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

const icu::Normalizer2* NfkcCaseFold() {
  // ICU caches the instance; it is immutable and shared by all threads.
  static const icu::Normalizer2* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return instance;
}

void AppendMapped(NormalizedText& out, std::string_view bytes, std::uint32_t orig_begin,
                  std::uint32_t orig_end, bool with_offsets) {
  out.text.append(bytes);
  if (with_offsets) {
    out.orig_begin.insert(out.orig_begin.end(), bytes.size(), orig_begin);
    out.orig_end.insert(out.orig_end.end(), bytes.size(), orig_end);
  }
}

// Normalises one well-formed UTF-8 run starting at `base` in the original input. ICU's
// Edits give the fine-grained changes, from which the per-byte map is built.
void NormalizeValidRun(std::string_view run, std::uint32_t base, NormalizedText& out,
                       bool with_offsets) {
  const icu::Normalizer2* norm = NfkcCaseFold();
  std::string normalized;
  icu::Edits edits;
  UErrorCode status = U_ZERO_ERROR;
  if (norm != nullptr) {
    icu::StringByteSink<std::string> sink(&normalized);
    norm->normalizeUTF8(0, icu::StringPiece(run.data(), static_cast<std::int32_t>(run.size())),
                        sink, with_offsets ? &edits : nullptr, status);
  }
  if (norm == nullptr || U_FAILURE(status)) {
    // ICU data missing or out of memory: keep the text as it is rather than lose it.
    normalized.assign(run);
    AppendMapped(out, normalized, base, base + static_cast<std::uint32_t>(run.size()), false);
    if (with_offsets) {
      for (std::uint32_t i = 0; i < run.size(); ++i) {
        out.orig_begin.push_back(base + i);
        out.orig_end.push_back(base + i + 1);
      }
    }
    return;
  }
  if (!with_offsets) {
    out.text += normalized;
    return;
  }
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(status)) {
    const auto src = base + static_cast<std::uint32_t>(it.sourceIndex());
    const auto old_len = static_cast<std::uint32_t>(it.oldLength());
    const std::string_view produced(normalized.data() + it.destinationIndex(),
                                    static_cast<std::size_t>(it.newLength()));
    if (it.hasChange()) {
      AppendMapped(out, produced, src, src + old_len, true);
    } else {
      out.text.append(produced);
      for (std::uint32_t i = 0; i < old_len; ++i) {
        out.orig_begin.push_back(src + i);
        out.orig_end.push_back(src + i + 1);
      }
    }
  }
}

bool IsSpace(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         (c >= 0x80 && u_isUWhiteSpace(c));
}

// Collapses whitespace runs to one ASCII space and trims, carrying the offset map along.
NormalizedText CollapseSpaces(NormalizedText in, bool with_offsets) {
  NormalizedText out;
  out.text.reserve(in.text.size());
  if (with_offsets) {
    out.orig_begin.reserve(in.text.size());
    out.orig_end.reserve(in.text.size());
  }
  const std::string& s = in.text;
  const auto n = static_cast<std::int32_t>(s.size());
  std::int32_t i = 0;
  bool pending_space = false;
  std::uint32_t space_begin = 0, space_end = 0;
  while (i < n) {
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (IsSpace(c)) {
      if (with_offsets) {
        if (!pending_space) space_begin = in.orig_begin[start];
        space_end = in.orig_end[i - 1];
      }
      pending_space = true;
      continue;
    }
    if (pending_space && !out.text.empty()) {
      out.text.push_back(' ');
      if (with_offsets) {
        out.orig_begin.push_back(space_begin);
        out.orig_end.push_back(space_end);
      }
    }
    pending_space = false;
    out.text.append(s, start, i - start);
    if (with_offsets) {
      out.orig_begin.insert(out.orig_begin.end(), in.orig_begin.begin() + start,
                            in.orig_begin.begin() + i);
      out.orig_end.insert(out.orig_end.end(), in.orig_end.begin() + start, in.orig_end.begin() + i);
    }
  }
  return out;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  const auto n = static_cast<std::int32_t>(s.size());
  std::int32_t i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return false;
  }
  return true;
}

NormalizedText NormalizeWithOffsets(std::string_view input, bool with_offsets) {
  NormalizedText raw;
  raw.text.reserve(input.size());
  if (with_offsets) {
    raw.orig_begin.reserve(input.size());
    raw.orig_end.reserve(input.size());
  }
  // Inputs are capped far below 2 GiB by ReadFile; anything beyond INT32_MAX is cut rather
  // than overflowing ICU's 32-bit indexes.
  const auto n = static_cast<std::int32_t>(
      std::min<std::size_t>(input.size(), static_cast<std::size_t>(INT32_MAX)));
  std::int32_t run_start = 0;
  std::int32_t i = 0;
  while (i < n) {
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(input.data(), i, n, c);
    if (c >= 0) continue;
    // Ill-formed subsequence [start, i): flush the valid run before it, then U+FFFD.
    if (start > run_start) {
      NormalizeValidRun(input.substr(run_start, start - run_start),
                        static_cast<std::uint32_t>(run_start), raw, with_offsets);
    }
    AppendMapped(raw, kReplacement, static_cast<std::uint32_t>(start),
                 static_cast<std::uint32_t>(i), with_offsets);
    run_start = i;
  }
  if (n > run_start) {
    NormalizeValidRun(input.substr(run_start, n - run_start), static_cast<std::uint32_t>(run_start),
                      raw, with_offsets);
  }
  return CollapseSpaces(std::move(raw), with_offsets);
}

}  // namespace internal

std::string Normalize(std::string_view text) {
  return internal::NormalizeWithOffsets(text, /*with_offsets=*/false).text;
}

}  // namespace kotae::text
