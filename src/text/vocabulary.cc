#include "text/vocabulary.h"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <utility>

#include "base/file.h"
#include "text/analyzer.h"
#include "text/english_internal.h"
#include "text/normalize_internal.h"

namespace kotae::text {

// A byte trie over the normalised surface forms. Hand-written rather than a library
// Aho–Corasick because the matching rule is ours (leftmost-longest with ASCII word
// boundaries checked at both ends) and forms are short (tens of bytes), so walking the trie
// from each code point start is O(text x longest form) and simple to verify.
struct Vocabulary::Matcher {
  struct Node {
    // Sorted by byte after Build(); few children per node except near the root.
    std::vector<std::pair<unsigned char, std::uint32_t>> edges;
    std::int32_t concept_index = -1;
  };
  std::vector<Node> nodes{1};
  std::array<std::uint32_t, 256> root{};  // child of the root per first byte, 0 = none

  // English forms as sequences of stems without function words, joined by single spaces
  // ("revok access"), for the second matching pass; a two-word form also matches in reverse
  // order ("access … revoked"). The first concept to claim a key keeps it.
  std::unordered_map<std::string, std::uint32_t> stem_keys;
  std::size_t max_stems = 0;

  // Returns false if the form was already claimed (the first concept keeps it).
  bool Add(std::string_view form, std::uint32_t concept_index) {
    std::uint32_t n = 0;
    for (const char ch : form) {
      const auto b = static_cast<unsigned char>(ch);
      std::uint32_t child = 0;
      for (const auto& [byte, target] : nodes[n].edges) {
        if (byte == b) child = target;
      }
      if (child == 0) {
        child = static_cast<std::uint32_t>(nodes.size());
        nodes[n].edges.emplace_back(b, child);
        nodes.emplace_back();
      }
      n = child;
    }
    if (nodes[n].concept_index >= 0) return false;
    nodes[n].concept_index = static_cast<std::int32_t>(concept_index);
    return true;
  }

  void Build() {
    for (Node& node : nodes) std::sort(node.edges.begin(), node.edges.end());
    for (const auto& [byte, target] : nodes[0].edges) root[byte] = target;
  }

  std::uint32_t Child(std::uint32_t n, unsigned char b) const {
    if (n == 0) return root[b];
    const auto& edges = nodes[n].edges;
    auto it = std::lower_bound(edges.begin(), edges.end(), std::make_pair(b, std::uint32_t{0}));
    return (it != edges.end() && it->first == b) ? it->second : 0;
  }
};

namespace {

bool IsAsciiAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool IsValidId(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// A run of ASCII letters and digits in normalised text, as the stem pass sees it.
struct EnglishToken {
  std::size_t begin, end;
  std::string stem;   // empty for a function word
  bool break_before;  // punctuation (not just spaces or hyphens) since the previous word
};

// English forms of up to this many content words also match on stems.
constexpr std::size_t kMaxPhraseStems = 8;

// Longer "words" (hashes, base64) are never a form's word: they are kept as written, which also
// bounds the stemmer's work on hostile text.
constexpr std::size_t kMaxStemmedBytes = 64;

// Words of three letters or fewer stay as written: they are mostly acronyms ("ids", "waf"),
// which Snowball would damage.
std::string StemForMatching(std::string_view word) {
  if (word.size() <= 3 || word.size() > kMaxStemmedBytes) return std::string(word);
  return internal::StemEnglish(word);
}

std::vector<EnglishToken> EnglishTokens(std::string_view text) {
  std::vector<EnglishToken> out;
  bool broken = false;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!IsAsciiAlnum(c)) {
      if (c != ' ' && c != '-' && c != '\'') broken = true;
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && IsAsciiAlnum(static_cast<unsigned char>(text[j]))) ++j;
    const std::string_view word = text.substr(i, j - i);
    EnglishToken t{i, j, {}, broken};
    if (!internal::EnglishStopWords().count(word)) t.stem = StemForMatching(word);
    out.push_back(std::move(t));
    broken = false;
    i = j;
  }
  return out;
}

// The stem key of an English form, or "" when the form is not for the stem pass: forms with
// Japanese characters, and forms of one content word. Snowball conflates derivations
// ("performance" and "perform", "accessibility" and "access"), harmless inside a phrase but not
// for a single word, which the surface forms list in its inflections instead; and "back up"
// would match every "back".
std::string StemKey(std::string_view normalized_form, std::size_t* stems) {
  for (char ch : normalized_form) {
    if (static_cast<unsigned char>(ch) >= 0x80) return {};
  }
  std::string key;
  *stems = 0;
  for (const EnglishToken& t : EnglishTokens(normalized_form)) {
    if (t.stem.empty()) continue;
    if (!key.empty()) key += ' ';
    key += t.stem;
    ++*stems;
  }
  // Longer phrases stay surface forms: the stem pass tries every length up to the longest key
  // at every word, so a hostile vocabulary must not make that length large.
  if (*stems < 2 || *stems > kMaxPhraseStems) return {};
  return key;
}

// Parses a positive decimal with no leading zero and at most 3 digits; -1 otherwise.
int ParseSmallNumber(std::string_view s) {
  if (s.empty() || s.size() > 3 || s[0] == '0') return -1;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

// ISO/IEC 27001:2022 Annex A: clauses 5-8 with 37, 8, 14 and 34 controls.
bool IsValidIsoControl(std::string_view s) {
  if (s.empty()) return true;
  if (s.size() < 5 || s.substr(0, 2) != "A." || s[3] != '.') return false;
  static constexpr int kControls[] = {37, 8, 14, 34};
  const int clause = s[2] - '0';
  if (clause < 5 || clause > 8) return false;
  const int n = ParseSmallNumber(s.substr(4));
  return n >= 1 && n <= kControls[clause - 5];
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

std::vector<std::string> SplitForms(std::string_view field) {
  std::vector<std::string> forms;
  if (Trim(field).empty()) return forms;
  for (std::string_view part : Split(field, '|')) {
    part = Trim(part);
    if (!part.empty()) forms.emplace_back(part);
  }
  return forms;
}

std::string Quote(std::string_view s) {
  constexpr std::size_t kMaxShown = 40;  // one-line messages even for a hostile file
  std::string out = "\"";
  std::size_t cut = std::min(s.size(), kMaxShown);
  // Back up to a code point boundary so the message stays valid UTF-8.
  while (cut < s.size() && cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  out.append(s.substr(0, cut));
  if (s.size() > cut) out += "...";
  return out + "\"";
}

}  // namespace

Result<Vocabulary> Vocabulary::Load(const std::string& path) {
  Result<std::string> content = ReadFile(path);
  if (!content.ok()) return content.status();
  return Parse(*content, path);
}

Result<Vocabulary> Vocabulary::Parse(std::string_view content, const std::string& source_name) {
  auto error = [&](std::size_t line, const std::string& problem) {
    return Status::InvalidInput(source_name + ":" + std::to_string(line) + ": " + problem);
  };
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);

  Vocabulary vocab;
  bool have_version = false;
  std::unordered_map<std::string, std::uint32_t> index_of;
  std::vector<std::size_t> line_of;                        // per concept
  std::vector<std::vector<std::string_view>> broader_raw;  // per concept, views into content

  std::size_t line_number = 0;
  std::size_t pos = 0;
  while (pos < content.size()) {
    std::size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = content.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!internal::IsValidUtf8(line)) return error(line_number, "invalid UTF-8");
    if (line.find_first_not_of(' ') == std::string_view::npos) continue;
    if (line.front() == '#') {
      const std::string_view body = Trim(line.substr(1));
      constexpr std::string_view kVersion = "version:";
      if (!have_version && body.substr(0, kVersion.size()) == kVersion) {
        const std::string_view v = Trim(body.substr(kVersion.size()));
        if (v.empty()) return error(line_number, "empty version in '# version:' comment");
        vocab.version_ = std::string(v);
        have_version = true;
      }
      continue;
    }

    const std::vector<std::string_view> fields = Split(line, '\t');
    if (fields.size() != 5) {
      return error(line_number,
                   "expected 5 tab-separated fields (id, iso_control, broader, "
                   "ja_forms, en_forms), found " +
                       std::to_string(fields.size()));
    }
    const std::string_view id = fields[0];
    if (id.empty()) return error(line_number, "empty id");
    if (!IsValidId(id))
      return error(line_number, "invalid id " + Quote(id) + " (ids are [a-z0-9_]+)");
    if (auto it = index_of.find(std::string(id)); it != index_of.end()) {
      return error(line_number, "duplicate id " + Quote(id) + " (first defined on line " +
                                    std::to_string(line_of[it->second]) + ")");
    }
    const std::string_view iso = Trim(fields[1]);
    if (!IsValidIsoControl(iso)) {
      return error(line_number, "malformed iso_control " + Quote(iso) +
                                    " (expected A.5.1-A.5.37, A.6.1-A.6.8, A.7.1-A.7.14, "
                                    "A.8.1-A.8.34 or empty)");
    }
    std::vector<std::string_view> broader;
    if (!Trim(fields[2]).empty()) {
      for (std::string_view b : Split(fields[2], ',')) {
        b = Trim(b);
        if (!IsValidId(b)) return error(line_number, "invalid broader id " + Quote(b));
        broader.push_back(b);
      }
    }
    Concept c;
    c.id = std::string(id);
    c.iso_control = std::string(iso);
    c.ja = SplitForms(fields[3]);
    c.en = SplitForms(fields[4]);
    const bool has_form = std::any_of(c.ja.begin(), c.ja.end(),
                                      [](const std::string& f) { return !Normalize(f).empty(); }) ||
                          std::any_of(c.en.begin(), c.en.end(),
                                      [](const std::string& f) { return !Normalize(f).empty(); });
    if (!has_form) return error(line_number, "concept " + Quote(id) + " has no surface forms");
    for (std::string_view b : broader) c.broader.emplace_back(b);

    index_of.emplace(c.id, static_cast<std::uint32_t>(vocab.concepts_.size()));
    line_of.push_back(line_number);
    broader_raw.push_back(std::move(broader));
    vocab.concepts_.push_back(std::move(c));
  }
  if (!have_version) {
    return Status::InvalidInput(source_name + ": missing '# version: <string>' comment");
  }

  // Broader ids may refer forward, so they are resolved once every line is read.
  vocab.broader_index_.resize(vocab.concepts_.size());
  for (std::size_t i = 0; i < broader_raw.size(); ++i) {
    for (std::string_view b : broader_raw[i]) {
      auto it = index_of.find(std::string(b));
      if (it == index_of.end()) return error(line_of[i], "unknown broader id " + Quote(b));
      vocab.broader_index_[i].push_back(it->second);
    }
  }

  // Cycle check: iterative depth-first search with colours (0 new, 1 on stack, 2 done), so a
  // deep chain in a hostile file cannot overflow the call stack.
  std::vector<std::uint8_t> colour(vocab.concepts_.size(), 0);
  for (std::uint32_t start = 0; start < colour.size(); ++start) {
    if (colour[start] != 0) continue;
    std::vector<std::pair<std::uint32_t, std::size_t>> stack{{start, 0}};
    colour[start] = 1;
    while (!stack.empty()) {
      auto& [node, next_edge] = stack.back();
      if (next_edge == vocab.broader_index_[node].size()) {
        colour[node] = 2;
        stack.pop_back();
        continue;
      }
      const std::uint32_t target = vocab.broader_index_[node][next_edge++];
      if (colour[target] == 1) {
        std::string path;
        bool in_cycle = false;
        for (const auto& frame : stack) {
          in_cycle |= frame.first == target;
          if (in_cycle) path += vocab.concepts_[frame.first].id + " -> ";
        }
        path += vocab.concepts_[target].id;
        return error(line_of[node], "broader cycle: " + path);
      }
      if (colour[target] == 0) {
        colour[target] = 1;
        stack.emplace_back(target, 0);
      }
    }
  }

  auto matcher = std::make_shared<Matcher>();
  for (std::uint32_t i = 0; i < vocab.concepts_.size(); ++i) {
    for (const auto* forms : {&vocab.concepts_[i].ja, &vocab.concepts_[i].en}) {
      for (const std::string& form : *forms) {
        const std::string normalized = Normalize(form);
        if (!normalized.empty()) matcher->Add(normalized, i);
      }
    }
  }
  matcher->Build();
  std::vector<std::pair<std::string, std::uint32_t>> reversed;
  for (std::uint32_t i = 0; i < vocab.concepts_.size(); ++i) {
    for (const auto* forms : {&vocab.concepts_[i].en, &vocab.concepts_[i].ja}) {
      for (const std::string& form : *forms) {
        std::size_t stems = 0;
        const std::string key = StemKey(Normalize(form), &stems);
        if (key.empty()) continue;
        matcher->stem_keys.emplace(key, i);
        matcher->max_stems = std::max(matcher->max_stems, stems);
        if (stems == 2) {
          const std::size_t space = key.find(' ');
          reversed.emplace_back(key.substr(space + 1) + ' ' + key.substr(0, space), i);
        }
      }
    }
  }
  // Reversed two-word keys only where no form claims them as written.
  for (auto& [key, i] : reversed) matcher->stem_keys.emplace(std::move(key), i);
  vocab.matcher_ = std::move(matcher);
  return vocab;
}

int Vocabulary::Find(std::string_view id) const {
  for (std::size_t i = 0; i < concepts_.size(); ++i) {
    if (concepts_[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

std::vector<ConceptMatch> Vocabulary::Match(std::string_view text) const {
  std::vector<ConceptMatch> out;
  if (!matcher_) return out;
  const Matcher& m = *matcher_;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    // Inside an ASCII word no form may start: its first byte would be a letter or digit
    // glued to the previous one.
    const bool inside_word = i > 0 && IsAsciiAlnum(s[i]) && IsAsciiAlnum(s[i - 1]);
    std::size_t best_end = 0;
    std::int32_t best_concept = -1;
    if (!inside_word) {
      std::uint32_t node = 0;
      for (std::size_t j = i; j < n; ++j) {
        node = m.Child(node, s[j]);
        if (node == 0) break;
        const std::int32_t c = m.nodes[node].concept_index;
        if (c >= 0 && !(j + 1 < n && IsAsciiAlnum(s[j]) && IsAsciiAlnum(s[j + 1]))) {
          best_end = j + 1;
          best_concept = c;
        }
      }
    }
    if (best_concept >= 0) {
      out.push_back(ConceptMatch{static_cast<std::uint32_t>(best_concept),
                                 static_cast<std::uint32_t>(i),
                                 static_cast<std::uint32_t>(best_end)});
      i = best_end;
      continue;
    }
    // Next code point start (skip UTF-8 continuation bytes).
    ++i;
    while (i < n && (s[i] & 0xC0) == 0x80) ++i;
  }
  MatchStems(text, &out);
  return out;
}

// Second pass over the English words: sequences of stems (function words skipped, no
// punctuation in between) against the forms' stem keys, longest first. A word that a surface
// form matched on its own may join a phrase, which then replaces that single-word match
// ("logs" alone is `logging`, "logs are retained" is log retention); words inside a longer
// surface match stay out. Keeps `out` in order of position.
void Vocabulary::MatchStems(std::string_view text, std::vector<ConceptMatch>* out) const {
  const Matcher& m = *matcher_;
  if (m.stem_keys.empty()) return;
  std::vector<EnglishToken> tokens = EnglishTokens(text);
  struct Word {
    const EnglishToken* token;
    bool gap_before;      // punctuation or a longer surface match since the previous word
    std::size_t surface;  // index in `out` of the single-word match of this word, or npos
  };
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<Word> words;
  std::size_t next_match = 0;
  bool gap = false;
  for (const EnglishToken& t : tokens) {
    gap |= t.break_before;
    while (next_match < out->size() && (*out)[next_match].end <= t.begin) ++next_match;
    std::size_t surface = kNone;
    if (next_match < out->size() && (*out)[next_match].begin < t.end) {
      const ConceptMatch& cover = (*out)[next_match];
      if (cover.begin != t.begin || cover.end != t.end) {
        gap = true;  // part of a longer form (or a form inside the word): not for phrases
        continue;
      }
      surface = next_match;
    }
    if (t.stem.empty()) continue;
    words.push_back({&t, gap, surface});
    gap = false;
  }
  std::vector<ConceptMatch> found;
  std::vector<bool> replaced(out->size(), false);
  std::string key;
  for (std::size_t k = 0; k < words.size();) {
    std::size_t matched = 0;
    for (std::size_t len = std::min(m.max_stems, words.size() - k); len >= 2 && !matched; --len) {
      bool joined = true;
      for (std::size_t x = k + 1; x < k + len; ++x) joined &= !words[x].gap_before;
      if (!joined) continue;
      key.clear();
      for (std::size_t x = k; x < k + len; ++x) {
        if (x > k) key += ' ';
        key += words[x].token->stem;
      }
      auto it = m.stem_keys.find(key);
      if (it == m.stem_keys.end()) continue;
      found.push_back(ConceptMatch{it->second, static_cast<std::uint32_t>(words[k].token->begin),
                                   static_cast<std::uint32_t>(words[k + len - 1].token->end)});
      for (std::size_t x = k; x < k + len; ++x) {
        if (words[x].surface != kNone) replaced[words[x].surface] = true;
      }
      matched = len;
    }
    k += matched ? matched : 1;
  }
  if (found.empty()) return;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < out->size(); ++i) {
    if (!replaced[i]) (*out)[kept++] = (*out)[i];
  }
  out->resize(kept);
  out->insert(out->end(), found.begin(), found.end());
  std::sort(out->begin(), out->end(),
            [](const ConceptMatch& a, const ConceptMatch& b) { return a.begin < b.begin; });
}

std::vector<std::uint32_t> Vocabulary::Ancestors(std::uint32_t concept_index) const {
  std::vector<std::uint32_t> out;
  if (concept_index >= broader_index_.size()) return out;
  std::vector<bool> seen(broader_index_.size(), false);
  seen[concept_index] = true;
  std::vector<std::uint32_t> frontier{concept_index};
  for (std::size_t head = 0; head < frontier.size(); ++head) {
    for (std::uint32_t b : broader_index_[frontier[head]]) {
      if (!seen[b]) {
        seen[b] = true;
        frontier.push_back(b);
        out.push_back(b);
      }
    }
  }
  return out;
}

}  // namespace kotae::text
