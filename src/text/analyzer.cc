#include "text/analyzer.h"

#include <libstemmer.h>
#include <mecab.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <string>
#include <unordered_set>

#include "text/english_internal.h"
#include "text/normalize_internal.h"

namespace kotae::text {
namespace {

// MeCab's lattice grows with the sentence; feeding it bounded chunks keeps memory and time
// linear on hostile input (a megabyte of kanji with no punctuation).
constexpr std::size_t kMecabChunkBytes = 4096;
// Longer "words" are base64 blobs, hashes or keyboard mashing, never useful index terms;
// skipping them also bounds the stemmer's work.
constexpr std::size_t kMaxWordBytes = 64;

// Japanese verbs/adjectives that carry grammar, not topic (「設定する」 is about 設定).
const std::unordered_set<std::string_view>& JapaneseStopWords() {
  static const auto* const words = new std::unordered_set<std::string_view>{
      "する", "ある", "いる",   "なる", "できる", "おる",     "いう",    "ない",
      "よる", "れる", "られる", "せる", "させる", "くださる", "いただく"};
  return *words;
}

UChar32 DecodeAt(std::string_view s, std::size_t pos, std::size_t* next) {
  auto i = static_cast<std::int32_t>(pos);
  UChar32 c;
  U8_NEXT(s.data(), i, static_cast<std::int32_t>(s.size()), c);
  *next = static_cast<std::size_t>(i);
  return c;
}

bool IsAsciiAlnum(UChar32 c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Characters of English-like words: ASCII letters and digits, and Latin letters with
// diacritics ("café"). Everything else goes to MeCab or is a separator.
bool IsLatinWordChar(UChar32 c) {
  if (c < 0x80) return IsAsciiAlnum(c);
  UErrorCode status = U_ZERO_ERROR;
  return u_isalpha(c) && uscript_getScript(c, &status) == USCRIPT_LATIN;
}

// Kanji and katakana (with the prolonged sound mark ー, whose script is Common): the
// characters whose runs form compounds that MeCab may split unhelpfully.
bool IsBigramChar(UChar32 c) {
  if (c < 0x3000) return false;
  if (c == 0x30FC) return true;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  return script == USCRIPT_HAN || script == USCRIPT_KATAKANA;
}

// ipadic tags unknown symbols ("(", "・", "→") as サ変 nouns; a term needs a letter (kanji,
// kana or Latin).
bool HasLetter(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t next;
    if (u_isalpha(DecodeAt(s, i, &next))) return true;
    i = next;
  }
  return false;
}

// True if every code point of `s` (original text, possibly full-width) is an upper-case
// letter.
bool IsUpperCaseWord(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t next;
    if (!u_isupper(DecodeAt(s, i, &next))) return false;
    i = next;
  }
  return !s.empty();
}

std::size_t CodePointCount(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Katakana letters and the prolonged sound mark, nothing else (not the middle dot ・).
bool IsKatakanaWord(std::string_view s) {
  if (s.empty()) return false;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t next;
    const UChar32 c = DecodeAt(s, i, &next);
    if (!((c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC)) return false;
    i = next;
  }
  return true;
}

struct Features {
  std::string_view pos, pos1, base;
};

// ipadic feature CSV: pos, pos1, pos2, pos3, conj-type, conj-form, base, reading, pron.
Features ParseFeatures(std::string_view feature) {
  std::array<std::string_view, 7> fields{};
  std::size_t field = 0, start = 0;
  for (std::size_t i = 0; i <= feature.size() && field < fields.size(); ++i) {
    if (i == feature.size() || feature[i] == ',') {
      fields[field++] = feature.substr(start, i - start);
      start = i + 1;
    }
  }
  return {fields[0], fields[1], fields[6]};
}

bool IsContentNoun(const Features& f) {
  return f.pos == "名詞" && f.pos1 != "非自立" && f.pos1 != "代名詞" && f.pos1 != "数" &&
         f.pos1 != "接尾" && f.pos1 != "特殊";
}

// Nominal, verbal and adjectival content words; particles, auxiliaries, symbols, adverbs and
// dependent (非自立) forms carry no topic.
bool IsContentWord(const Features& f) {
  if (f.pos == "名詞") return IsContentNoun(f);
  if (f.pos == "動詞" || f.pos == "形容詞") return f.pos1 == "自立";
  return false;
}

}  // namespace

struct Analyzer::Impl {
  AnalyzerOptions options;
  std::unique_ptr<MeCab::Tagger> tagger;
  sb_stemmer* stemmer = nullptr;

  ~Impl() {
    if (stemmer != nullptr) sb_stemmer_delete(stemmer);
  }

  void AddToken(std::vector<Token>& out, std::string term, std::size_t nbegin, std::size_t nend,
                TokenKind kind, const internal::NormalizedText& nt) const {
    out.push_back(Token{std::move(term), nt.orig_begin[nbegin], nt.orig_end[nend - 1], kind});
  }

  // One run of Latin letters/digits in the normalised text, [begin, end).
  void EnglishWord(std::vector<Token>& out, std::string_view original,
                   const internal::NormalizedText& nt, std::size_t begin, std::size_t end) {
    const std::string_view word(nt.text.data() + begin, end - begin);
    if (word.size() > kMaxWordBytes) return;
    // Acronyms written in capitals (IT, AES, ISMS, IDS) are names: "IT" is not the pronoun
    // and "AES" must not be stemmed to "ae".
    const bool acronym = word.size() >= 2 && word.size() <= 5 &&
                         IsUpperCaseWord(original.substr(
                             nt.orig_begin[begin], nt.orig_end[end - 1] - nt.orig_begin[begin]));
    if (!acronym && internal::EnglishStopWords().count(word)) return;
    const bool has_digit =
        std::any_of(word.begin(), word.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    const bool all_digits =
        std::all_of(word.begin(), word.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    // Single digits are list numbering ("1.2.3"), not content.
    if (all_digits && word.size() < 2) return;
    std::string term(word);
    // Stemming "sha256" or "iso27001" would only damage identifiers.
    if (!has_digit && !acronym && stemmer != nullptr) {
      const sb_symbol* stemmed = sb_stemmer_stem(
          stemmer, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
      if (stemmed != nullptr) {
        term.assign(reinterpret_cast<const char*>(stemmed),
                    static_cast<std::size_t>(sb_stemmer_length(stemmer)));
      }
    }
    if (term.empty()) return;
    AddToken(out, std::move(term), begin, end, TokenKind::kWord, nt);
  }

  // Runs MeCab over [begin, end) of the normalised text, in bounded chunks; words starting
  // before `emit_from` are context and are not emitted.
  void JapaneseWords(std::vector<Token>& out, const internal::NormalizedText& nt, std::size_t begin,
                     std::size_t end, std::size_t emit_from) {
    const std::string& s = nt.text;
    while (begin < end) {
      std::size_t chunk_end = end;
      if (end - begin > kMecabChunkBytes) {
        // Cut after the last space or Japanese punctuation in the window, else at a code
        // point boundary.
        std::size_t cut = begin + kMecabChunkBytes;
        while (cut > begin && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
        const std::string_view window(s.data() + begin, cut - begin);
        std::size_t best = std::string_view::npos;
        for (std::string_view sep : {"。", "、", " "}) {
          const std::size_t p = window.rfind(sep);
          if (p != std::string_view::npos && (best == std::string_view::npos || p > best)) {
            best = p + sep.size();
          }
        }
        chunk_end = (best != std::string_view::npos && best > 0) ? begin + best : cut;
        if (chunk_end == begin) chunk_end = begin + 1;  // cannot happen for valid UTF-8
      }
      TagChunk(out, nt, begin, chunk_end, emit_from);
      begin = chunk_end;
    }
  }

  // MeCab nodes of one chunk, copied out because the katakana rule looks ahead.
  struct Morpheme {
    std::size_t begin, end;  // in the normalised text
    std::string_view surface;
    Features f;
    bool katakana;
  };

  // Tags [begin, end); nodes starting before `emit_from` are context only (see Words()).
  void TagChunk(std::vector<Token>& out, const internal::NormalizedText& nt, std::size_t begin,
                std::size_t end, std::size_t emit_from) {
    const char* base = nt.text.data();
    std::vector<Morpheme> morphemes;
    for (const MeCab::Node* node = tagger->parseToNode(base + begin, end - begin); node != nullptr;
         node = node->next) {
      if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE) continue;
      if (node->length == 0) continue;
      const auto nbegin = static_cast<std::size_t>(node->surface - base);
      const std::string_view surface(node->surface, node->length);
      morphemes.push_back(Morpheme{nbegin, nbegin + node->length, surface,
                                   ParseFeatures(node->feature ? node->feature : ""),
                                   IsKatakanaWord(surface)});
    }
    const Morpheme* prev_prefix = nullptr;
    for (std::size_t k = 0; k < morphemes.size(); ++k) {
      const Morpheme& m = morphemes[k];
      if (m.begin < emit_from) continue;
      // ipadic splits loanword compounds it does not know into pieces (クラ|ウド,
      // マル|ウェア, ファイア|ウォール). A run of adjacent katakana morphemes is one term;
      // its pieces of three or more characters are kept too (アクセス in アクセスログ),
      // shorter pieces are usually fragments and are dropped.
      std::size_t run_end = k + 1;
      while (m.katakana && run_end < morphemes.size() && morphemes[run_end].katakana &&
             morphemes[run_end].begin == morphemes[run_end - 1].end) {
        ++run_end;
      }
      if (run_end - k >= 2) {
        AddToken(out, std::string(base + m.begin, morphemes[run_end - 1].end - m.begin), m.begin,
                 morphemes[run_end - 1].end, TokenKind::kWord, nt);
        for (std::size_t p = k; p < run_end; ++p) {
          const Morpheme& piece = morphemes[p];
          if (IsContentWord(piece.f) && CodePointCount(piece.surface) >= 3) {
            AddToken(out, std::string(piece.surface), piece.begin, piece.end, TokenKind::kWord, nt);
          }
        }
        k = run_end - 1;
        prev_prefix = nullptr;
        continue;
      }
      if (m.f.pos == "接頭詞" && m.f.pos1 == "名詞接続") {
        prev_prefix = &m;
        continue;
      }
      if (IsContentWord(m.f) && HasLetter(m.surface)) {
        // 「多要素」: ipadic splits the prefix 多 off; the compound keeps 多要素 apart from
        // 二要素 and 要素, so emit it as well as the noun.
        if (prev_prefix != nullptr && m.f.pos == "名詞" && prev_prefix->end == m.begin) {
          AddToken(out, std::string(base + prev_prefix->begin, m.end - prev_prefix->begin),
                   prev_prefix->begin, m.end, TokenKind::kWord, nt);
        }
        std::string_view term = m.surface;
        if (m.f.pos != "名詞" && !m.f.base.empty() && m.f.base != "*") term = m.f.base;
        if (!JapaneseStopWords().count(term)) {
          AddToken(out, std::string(term), m.begin, m.end, TokenKind::kWord, nt);
        }
      }
      prev_prefix = nullptr;
    }
  }

  void Words(std::vector<Token>& out, std::string_view original,
             const internal::NormalizedText& nt) {
    const std::string& s = nt.text;
    std::size_t i = 0;
    while (i < s.size()) {
      std::size_t next;
      const UChar32 c = DecodeAt(s, i, &next);
      const bool latin = IsLatinWordChar(c);
      std::size_t j = next;
      bool has_non_ascii = c >= 0x80;
      while (j < s.size()) {
        std::size_t after;
        const UChar32 d = DecodeAt(s, j, &after);
        if (IsLatinWordChar(d) != latin) break;
        has_non_ascii |= d >= 0x80;
        j = after;
      }
      if (latin) {
        EnglishWord(out, original, nt, i, j);
      } else if (has_non_ascii && tagger != nullptr) {
        // Runs of ASCII punctuation and spaces alone hold no words.
        // Digits just before the run are handed to MeCab as context, so that in 「1年以上」
        // 年 is tagged a counter suffix rather than a noun; the English path already
        // emitted the digits themselves.
        std::size_t context = i;
        while (context > 0 && i - context < 16 && nt.text[context - 1] >= '0' &&
               nt.text[context - 1] <= '9') {
          --context;
        }
        JapaneseWords(out, nt, context, j, i);
      }
      i = j;
    }
  }

  void Bigrams(std::vector<Token>& out, const internal::NormalizedText& nt) const {
    const std::string& s = nt.text;
    std::size_t prev = std::string::npos;  // start of the previous character of the run
    std::size_t run_length = 0, run_begin = 0, run_first_end = 0;
    // A run of one character emits that character, so that 「鍵」 alone is still findable.
    auto close_run = [&] {
      if (run_length == 1) {
        AddToken(out, s.substr(run_begin, run_first_end - run_begin), run_begin, run_first_end,
                 TokenKind::kBigram, nt);
      }
      prev = std::string::npos;
      run_length = 0;
    };
    std::size_t i = 0;
    while (i < s.size()) {
      std::size_t next;
      const UChar32 c = DecodeAt(s, i, &next);
      if (IsBigramChar(c)) {
        if (run_length == 0) {
          run_begin = i;
          run_first_end = next;
        } else {
          AddToken(out, s.substr(prev, next - prev), prev, next, TokenKind::kBigram, nt);
        }
        prev = i;
        ++run_length;
      } else {
        close_run();
      }
      i = next;
    }
    close_run();
  }
};

Result<std::unique_ptr<Analyzer>> Analyzer::Create(const AnalyzerOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  if (options.words) {
    auto make = [](const std::string& dicdir) -> MeCab::Tagger* {
      if (dicdir.empty()) return MeCab::createTagger("");
      std::string arg0 = "kotae", arg1 = "-d", arg2 = dicdir;
      char* argv[] = {arg0.data(), arg1.data(), arg2.data()};
      return MeCab::createTagger(3, argv);
    };
    std::vector<std::string> candidates;
    if (!options.mecab_dicdir.empty()) {
      candidates = {options.mecab_dicdir};
    } else {
      candidates = {"", "/var/lib/mecab/dic/debian",
                    "/usr/lib/x86_64-linux-gnu/mecab/dic/mecab-ipadic-utf8"};
    }
    for (const std::string& dir : candidates) {
      impl->tagger.reset(make(dir));
      if (impl->tagger) break;
    }
    if (!impl->tagger) {
      const char* err = MeCab::getTaggerError();
      return Status::Internal(std::string("cannot load the MeCab dictionary") +
                              (options.mecab_dicdir.empty() ? "" : " " + options.mecab_dicdir) +
                              ": " + (err ? err : "unknown error"));
    }
    impl->stemmer = sb_stemmer_new("english", nullptr);
    if (impl->stemmer == nullptr) {
      return Status::Internal("cannot create the Snowball english stemmer");
    }
  }
  return std::unique_ptr<Analyzer>(new Analyzer(std::move(impl)));
}

Analyzer::Analyzer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Analyzer::~Analyzer() = default;

std::vector<Token> Analyzer::Analyze(std::string_view text) {
  const internal::NormalizedText nt = internal::NormalizeWithOffsets(text);
  std::vector<Token> words, bigrams;
  if (impl_->options.words) impl_->Words(words, text, nt);
  if (impl_->options.bigrams) impl_->Bigrams(bigrams, nt);
  if (bigrams.empty()) return words;
  if (words.empty()) return bigrams;
  // Both lists are already ordered by begin; merge keeping words first at equal offsets.
  std::vector<Token> out;
  out.reserve(words.size() + bigrams.size());
  std::merge(std::make_move_iterator(words.begin()), std::make_move_iterator(words.end()),
             std::make_move_iterator(bigrams.begin()), std::make_move_iterator(bigrams.end()),
             std::back_inserter(out),
             [](const Token& a, const Token& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace kotae::text
