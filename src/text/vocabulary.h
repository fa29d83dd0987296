// The security concept vocabulary: concepts that check sheets ask about (MFA, backup
// generations, encryption at rest, …), each with Japanese and English surface forms and, where
// one applies, the ISO/IEC 27001:2022 Annex A control it belongs to. Loaded from
// data/vocabulary.tsv at start-up (format documented in that file's header and in
// data/README.md).
//
// File format (UTF-8; '#' lines are comments, blank lines ignored):
//   # version: <string>                      required; the first such line is version()
//   id<TAB>iso_control<TAB>broader<TAB>ja_forms<TAB>en_forms
// id is [a-z0-9_]+ and unique; iso_control is A.5.1-A.5.37, A.6.1-A.6.8, A.7.1-A.7.14,
// A.8.1-A.8.34 or empty; broader is a comma-separated list of ids defined in the file, with
// no cycle; ja_forms/en_forms are '|'-separated and not both empty. A form claimed by two
// concepts matches the first of them.
//
// Matching finds every surface form in a text (after Normalize()), longest match first, so
// that 「二要素認証」 and "two-factor authentication" both map to the concept `mfa`.
//
// A Vocabulary is immutable after Load() and safe to share between threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace kotae::text {

struct Concept {
  std::string id;                    // stable identifier, e.g. "mfa"
  std::string iso_control;           // e.g. "A.8.5", may be empty
  std::vector<std::string> ja;       // Japanese surface forms as written in the file
  std::vector<std::string> en;       // English surface forms as written in the file
  std::vector<std::string> broader;  // ids of broader concepts (e.g. mfa -> authentication)
};

struct ConceptMatch {
  std::uint32_t concept_index;  // index into Vocabulary::concepts()
  std::uint32_t begin;          // byte offsets in the normalised text given to Match()
  std::uint32_t end;
};

class Vocabulary {
 public:
  // Parses the file; fails with kInvalidInput naming the file and line on any malformed
  // line, duplicate id, unknown broader id, or a concept without a surface form.
  static Result<Vocabulary> Load(const std::string& path);
  static Result<Vocabulary> Parse(std::string_view content, const std::string& source_name);

  const std::vector<Concept>& concepts() const { return concepts_; }
  const std::string& version() const { return version_; }
  // Index of the concept with this id, or -1.
  int Find(std::string_view id) const;

  // `normalized` must come from Normalize(). Non-overlapping, leftmost-longest matches in
  // order of position; a form that starts (ends) with an ASCII letter or digit only matches
  // where the text has no ASCII letter or digit just before (after) it, so "ids" does not
  // match inside "kids". Other forms (Japanese) match anywhere. English words that no form
  // covers as written then match forms on their Snowball stems, function words skipped and
  // two-word forms in either order ("access is revoked" → "revoke access"), within a clause.
  std::vector<ConceptMatch> Match(std::string_view normalized) const;

  // The transitive closure of `broader` for concept_index, as concept indexes: nearest
  // first (breadth-first), each once, not including concept_index itself. Empty for an
  // index out of range.
  std::vector<std::uint32_t> Ancestors(std::uint32_t concept_index) const;

 private:
  std::vector<Concept> concepts_;
  std::vector<std::vector<std::uint32_t>> broader_index_;  // `broader` as concept indexes
  std::string version_;
  struct Matcher;
  std::shared_ptr<const Matcher> matcher_;
  void MatchStems(std::string_view normalized, std::vector<ConceptMatch>* out) const;
};

}  // namespace kotae::text
