// libFuzzer entry for the security vocabulary, which users may replace with their own TSV:
//  (a) the input is parsed as a vocabulary file; when it parses, it matches a fixed Japanese
//      and English sample text (surface forms and the stem pass);
//  (b) the input, normalised, is matched against a small fixed vocabulary with Japanese,
//      ASCII and multi-word English forms, so the trie and the stem pass see hostile text.
// Nothing may crash or run away; a parse error is one line naming the file, and matches are
// in order, inside the text, on code point boundaries and name a concept that exists.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "invariants.h"
#include "text/analyzer.h"
#include "text/vocabulary.h"

namespace {

using kotae::text::ConceptMatch;
using kotae::text::Vocabulary;

constexpr std::string_view kSample =
    "多要素認証（MFA）を管理者に必須としていますか。データは保存時にAES-256で暗号化し、"
    "バックアップは3世代を遠隔地に保管します。Access is revoked within 24 hours of "
    "termination; keys are rotated yearly and logs are retained for 1 year. Do you use "
    "two-factor authentication for remote access? ＩＤＳ/ips, kids, back up data.";

// Concepts with every kind of form: Japanese, ASCII acronyms (word boundaries), single
// English words and English phrases of two and three content words (stem keys, reversed
// two-word keys), a broader chain for Ancestors().
constexpr std::string_view kFixedVocabulary =
    "# version: fuzz-1\n"
    "authentication\tA.8.5\t\t認証\tauthentication\n"
    "mfa\tA.8.5\tauthentication\t多要素認証|二要素認証|ＭＦＡ\tMFA|two-factor authentication|"
    "multi-factor authentication\n"
    "access_revocation\tA.5.18\tauthentication\tアクセス権の削除\trevoke access|access removal\n"
    "encryption\tA.8.24\t\t暗号化|暗号\tencrypt|encrypted|encryption|data at rest encryption\n"
    "key_rotation\tA.8.24\tencryption\t鍵の更新\tkey rotation\n"
    "logging\tA.8.15\t\tログ\tlog|logs|logging\n"
    "log_retention\tA.8.15\tlogging\tログの保存期間|ログの保管\tlog retention|retain logs for\n"
    "backup\tA.8.13\t\tバックアップ|世代管理\tbackup|back up|backup generations\n"
    "ids\tA.8.16\t\t侵入検知\tIDS|IPS|intrusion detection system\n";

const Vocabulary& FixedVocabulary() {
  static const Vocabulary* vocabulary = [] {
    kotae::Result<Vocabulary> parsed = Vocabulary::Parse(kFixedVocabulary, "fixed.tsv");
    if (!parsed.ok()) __builtin_trap();  // the built-in file is valid by construction
    return new Vocabulary(std::move(*parsed));
  }();
  return *vocabulary;
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

void CheckMatches(const Vocabulary& vocabulary, std::string_view text) {
  const std::vector<ConceptMatch> matches = vocabulary.Match(text);
  std::uint32_t previous_begin = 0;
  for (const ConceptMatch& m : matches) {
    if (m.concept_index >= vocabulary.concepts().size()) __builtin_trap();
    if (m.begin >= m.end || m.end > text.size() || m.begin < previous_begin) __builtin_trap();
    if (IsContinuationByte(text[m.begin]) ||
        (m.end < text.size() && IsContinuationByte(text[m.end]))) {
      __builtin_trap();  // a match must not split a character
    }
    previous_begin = m.begin;
    (void)vocabulary.Ancestors(m.concept_index);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);

  // (a) The input as a user's vocabulary file.
  kotae::Result<Vocabulary> parsed = Vocabulary::Parse(input, "fuzz.tsv");
  if (parsed.ok()) {
    static const std::string* sample = new std::string(kotae::text::Normalize(kSample));
    CheckMatches(*parsed, *sample);
    for (std::uint32_t i = 0; i < parsed->concepts().size(); ++i) (void)parsed->Ancestors(i);
  } else {
    kotae::fuzz::TrapUnlessOneLineNaming(parsed.status().message(), "fuzz.tsv");
  }

  // (b) The input as text to match.
  const std::string normalized = kotae::text::Normalize(input);
  kotae::fuzz::TrapUnlessUtf8(normalized);
  CheckMatches(FixedVocabulary(), normalized);
  return 0;
}
