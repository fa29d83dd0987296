// What every kotae fuzzer requires of a reader, whatever the input: an error is one line that
// names the file, text handed on is valid UTF-8 (it goes into the run JSON and the filled
// workbook), and an item's heading path stays bounded. A broken invariant traps, so libFuzzer
// keeps the input as a crash.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "sheet/model.h"
#include "text/normalize_internal.h"

namespace kotae::fuzz {

inline void TrapUnlessOneLineNaming(const std::string& message, std::string_view file) {
  if (message.find('\n') != std::string::npos || message.rfind(file, 0) != 0) __builtin_trap();
}

inline void TrapUnlessUtf8(std::string_view text) {
  if (!kotae::text::internal::IsValidUtf8(text)) __builtin_trap();
}

inline void TrapUnlessCleanItem(const kotae::sheet::Item& item, std::size_t max_sections) {
  if (item.sections.size() > max_sections) __builtin_trap();
  TrapUnlessUtf8(item.id);
  TrapUnlessUtf8(item.question);
  TrapUnlessUtf8(item.answer);
  for (const std::string& section : item.sections) TrapUnlessUtf8(section);
  for (const std::string& part : item.question_parts) TrapUnlessUtf8(part);
  for (const std::string& option : item.options) TrapUnlessUtf8(option);
}

}  // namespace kotae::fuzz
