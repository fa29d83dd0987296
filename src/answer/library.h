// Library: the approved answers kotae may quote — entries of answered check sheets and
// passages of policy documents, each with its provenance.
//
// Only files given as library files become entries; an incoming questionnaire's own answers
// never do. Entries without an answer (unanswered rows of a library sheet) are dropped, and
// entries repeated verbatim (a question copied onto a summary sheet, the same sheet given
// twice) are kept once.
//
// A Library is a plain value owned by the caller; const access is thread-safe.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "sheet/model.h"
#include "sheet/reader.h"

namespace kotae::answer {

struct LibraryEntry {
  std::string doc;                    // library file path as given
  std::string locator;                // "Sheet!R12" or "§ heading > heading"
  std::vector<std::string> sections;  // enclosing headings, outermost first
  std::string question;               // the entry's question (or a passage's heading)
  std::string answer;                 // answer text (choice first when both exist) or passage
  bool passage = false;               // true for prose passages
};

class Library {
 public:
  // Reads every file with sheet::ReadQuestionnaire; the first failure is returned with the
  // file named.
  static Result<Library> Load(const std::vector<std::string>& paths,
                              const sheet::ReadOptions& options = {});

  // Adds the answered items of one questionnaire read from `doc`.
  void Add(const std::string& doc, const sheet::Questionnaire& questionnaire);

  const std::vector<LibraryEntry>& entries() const { return entries_; }
  // Files given to Add that contributed no entry (no answered question, no passage): a blank
  // sheet passed as a library by mistake, or a document kotae found nothing in.
  const std::vector<std::string>& empty_paths() const { return empty_paths_; }
  const std::vector<std::string>& paths() const { return paths_; }

 private:
  std::vector<LibraryEntry> entries_;
  std::vector<std::string> empty_paths_;
  std::vector<std::string> paths_;
};

}  // namespace kotae::answer
