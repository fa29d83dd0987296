#include "answer/library.h"

#include <unordered_set>

namespace kotae::answer {
namespace {

bool IsBlank(const std::string& s) {
  for (unsigned char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  }
  return true;
}

void AppendPart(std::string& out, const std::string& part) {
  if (IsBlank(part)) return;
  if (!out.empty()) out += ' ';
  out += part;
}

}  // namespace

Result<Library> Library::Load(const std::vector<std::string>& paths,
                              const sheet::ReadOptions& options) {
  Library library;
  for (const std::string& path : paths) {
    Result<sheet::Questionnaire> read = sheet::ReadQuestionnaire(path, options);
    if (!read.ok()) return read.status();
    library.Add(path, *read);
  }
  return library;
}

void Library::Add(const std::string& doc, const sheet::Questionnaire& questionnaire) {
  paths_.push_back(doc);
  // Seen keys are rebuilt per call so that Add stays cheap to reason about; a library is a
  // few files, so the cost is negligible next to reading them.
  std::unordered_set<std::string> seen;
  for (const LibraryEntry& e : entries_) seen.insert(e.question + '\x1f' + e.answer);
  const size_t before = entries_.size();

  for (const sheet::Item& item : questionnaire.items) {
    LibraryEntry entry;
    entry.doc = doc;
    entry.locator = item.id;
    entry.sections = item.sections;
    entry.question = item.question;
    entry.passage = item.kind == sheet::ItemKind::kPassage;
    // The choice leads because it carries the polarity ("有り", "Yes") that option mapping
    // reads first; the free text and remarks follow as evidence.
    AppendPart(entry.answer, item.choice);
    AppendPart(entry.answer, item.answer);
    AppendPart(entry.answer, item.remarks);
    if (entry.answer.empty()) continue;  // unanswered rows are no evidence
    if (IsBlank(entry.question) && entry.sections.empty() && !entry.passage) continue;
    if (!seen.insert(entry.question + '\x1f' + entry.answer).second) continue;
    entries_.push_back(std::move(entry));
  }
  if (entries_.size() == before) empty_paths_.push_back(doc);
}

}  // namespace kotae::answer
