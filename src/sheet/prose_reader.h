// Reads prose policy documents — Markdown, plain text, PDF (poppler-cpp) and docx — into
// passages: each passage is the text under one heading, with the heading path kept as its
// sections and the nearest heading as its question. Stateless.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "sheet/model.h"

namespace kotae::sheet {

// Plain text or Markdown, already UTF-8.
Result<Questionnaire> ReadProseText(std::string_view utf8, const std::string& path);
// PDF bytes.
Result<Questionnaire> ReadPdf(const std::string& bytes, const std::string& path);
// docx bytes (headings from paragraph styles Heading1…/見出し1… and outline levels).
Result<Questionnaire> ReadDocx(std::string bytes, const std::string& path);

}  // namespace kotae::sheet
