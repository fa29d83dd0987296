#include <gtest/gtest.h>
#include <libstemmer.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>

#include "text/analyzer.h"
#include "text/normalize_internal.h"

namespace kotae::text {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

// Golden format: term<TAB>kind<TAB>begin<TAB>end<TAB>original-substring, one token a line.
std::string FormatTokens(std::string_view input, const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& t : tokens) {
    out += t.term + "\t" + (t.kind == TokenKind::kWord ? "word" : "bigram") + "\t" +
           std::to_string(t.begin) + "\t" + std::to_string(t.end) + "\t" +
           Escape(input.substr(t.begin, t.end - t.begin)) + "\n";
  }
  return out;
}

std::set<std::string> Terms(const std::vector<Token>& tokens, TokenKind kind) {
  std::set<std::string> out;
  for (const Token& t : tokens) {
    if (t.kind == kind) out.insert(t.term);
  }
  return out;
}

std::string FirstCodePoint(std::string_view s) {
  if (s.empty()) return "";
  const auto b = static_cast<unsigned char>(s[0]);
  const std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  return std::string(s.substr(0, n));
}

class AnalyzerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = Analyzer::Create();
    ASSERT_TRUE(created.ok()) << created.status().message();
    analyzer_ = std::move(created).value();
    stemmer_ = sb_stemmer_new("english", nullptr);
    ASSERT_NE(stemmer_, nullptr);
  }
  void TearDown() override {
    if (stemmer_ != nullptr) sb_stemmer_delete(stemmer_);
  }

  std::string Stem(const std::string& w) {
    const sb_symbol* s = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(w.data()),
                                         static_cast<int>(w.size()));
    return std::string(reinterpret_cast<const char*>(s), sb_stemmer_length(stemmer_));
  }

  // Every token's span is inside the input, and the original text at [begin, end) accounts
  // for its term: a bigram is exactly the normalised span; a word is contained in it, or is
  // the stem of it (English), or is the dictionary form of a conjugated Japanese word that
  // starts with the same character (行っ -> 行う).
  void CheckSpans(std::string_view input, const std::vector<Token>& tokens) {
    std::uint32_t last_begin = 0;
    for (const Token& t : tokens) {
      ASSERT_LT(t.begin, t.end) << t.term;
      ASSERT_LE(t.end, input.size()) << t.term;
      ASSERT_GE(t.begin, last_begin) << "tokens out of order at " << t.term;
      last_begin = t.begin;
      ASSERT_FALSE(t.term.empty());
      ASSERT_TRUE(internal::IsValidUtf8(t.term)) << t.begin;
      const std::string span = Normalize(input.substr(t.begin, t.end - t.begin));
      if (t.kind == TokenKind::kBigram) {
        EXPECT_EQ(span, t.term);
        continue;
      }
      const bool ok = span.find(t.term) != std::string::npos || Stem(span) == t.term ||
                      (static_cast<unsigned char>(t.term[0]) >= 0x80 &&
                       FirstCodePoint(span) == FirstCodePoint(t.term));
      EXPECT_TRUE(ok) << "term '" << t.term << "' not explained by span '" << span << "'";
    }
  }

  void CheckGolden(const std::string& name) {
    const std::string dir = std::string(KOTAE_TEST_DIR) + "/golden/";
    const std::string input = ReadAll(dir + name + ".txt");
    ASSERT_FALSE(input.empty()) << "missing " << dir << name << ".txt";
    const std::vector<Token> tokens = analyzer_->Analyze(input);
    CheckSpans(input, tokens);
    const std::string actual = FormatTokens(input, tokens);
    const std::string golden_path = dir + name + ".tokens.tsv";
    const char* update = std::getenv("KOTAE_UPDATE_GOLDEN");
    if (update != nullptr && std::string(update) == "1") {
      std::ofstream(golden_path, std::ios::binary) << actual;
      GTEST_SKIP() << "rewrote " << golden_path;
    }
    const std::string expected = ReadAll(golden_path);
    ASSERT_FALSE(expected.empty())
        << "missing " << golden_path << "; generate it with KOTAE_UPDATE_GOLDEN=1 and review it";
    if (actual == expected) return;
    // Report the first differing line readably rather than two escaped blobs.
    std::istringstream a(actual), e(expected);
    std::string la, le;
    int line = 0;
    while (true) {
      ++line;
      const bool more_a = static_cast<bool>(std::getline(a, la));
      const bool more_e = static_cast<bool>(std::getline(e, le));
      if (!more_a && !more_e) break;
      if (!more_a || !more_e || la != le) {
        ADD_FAILURE() << "analyzer output for " << name << " differs from " << golden_path
                      << " at line " << line << "\n  expected: " << (more_e ? le : "<end>")
                      << "\n  actual:   " << (more_a ? la : "<end>")
                      << "\nIf intended, rerun with KOTAE_UPDATE_GOLDEN=1 and review the diff.";
        return;
      }
    }
  }

  std::unique_ptr<Analyzer> analyzer_;
  sb_stemmer* stemmer_ = nullptr;
};

TEST_F(AnalyzerTest, GoldenJapanese) { CheckGolden("ja_mfa"); }
TEST_F(AnalyzerTest, GoldenEnglish) { CheckGolden("en_mfa"); }
TEST_F(AnalyzerTest, GoldenMixed) { CheckGolden("mixed"); }

TEST_F(AnalyzerTest, JapaneseContentWordsAndBigrams) {
  const std::string input = "多要素認証（MFA）を設定することにより、なりすまし対策を行っています。";
  const auto tokens = analyzer_->Analyze(input);
  const auto words = Terms(tokens, TokenKind::kWord);
  for (const char* w : {"多要素", "要素", "認証", "mfa", "設定", "対策", "行う"}) {
    EXPECT_TRUE(words.count(w)) << w;
  }
  // Particles, auxiliaries, symbols and grammatical verbs are not terms.
  for (const char* w : {"を", "により", "ます", "て", "する", "いる", "こと", "（", "(", "、"}) {
    EXPECT_FALSE(words.count(w)) << w;
  }
  const auto bigrams = Terms(tokens, TokenKind::kBigram);
  for (const char* b : {"多要", "要素", "素認", "認証", "設定", "対策"}) {
    EXPECT_TRUE(bigrams.count(b)) << b;
  }
  EXPECT_FALSE(bigrams.count("証(")) << "bigrams must not cross punctuation";
  // "MFA" is written in ASCII here; its span is exactly those three bytes.
  for (const Token& t : tokens) {
    if (t.term == "mfa") {
      EXPECT_EQ(input.substr(t.begin, t.end - t.begin), "MFA");
    }
  }
}

TEST_F(AnalyzerTest, EnglishStemsAndStopWords) {
  const auto tokens =
      analyzer_->Analyze("Multi-factor authentication is enforced for all administrators.");
  std::vector<std::string> terms;
  for (const Token& t : tokens) terms.push_back(t.term);
  EXPECT_EQ(terms, (std::vector<std::string>{"multi", "factor", "authent", "enforc", "administr"}));
}

TEST_F(AnalyzerTest, AlphanumericIdentifiersAreKeptUnstemmed) {
  const auto words =
      Terms(analyzer_->Analyze("ISO27001, SHA256 hashes and 2FA; ＴＬＳ１．２ ciphers"),
            TokenKind::kWord);
  for (const char* w : {"iso27001", "sha256", "2fa", "hash", "tls1", "cipher"}) {
    EXPECT_TRUE(words.count(w)) << w;
  }
  EXPECT_FALSE(words.count("and"));
  EXPECT_FALSE(words.count("2")) << "single digits are list numbering";
}

TEST_F(AnalyzerTest, CapitalAcronymsAreNotStemmedOrDropped) {
  const auto words = Terms(analyzer_->Analyze("IT assets, AES keys, ＩＳＭＳ and IDS logs; it is"),
                           TokenKind::kWord);
  for (const char* w : {"it", "asset", "aes", "key", "isms", "ids", "log"}) {
    EXPECT_TRUE(words.count(w)) << w;
  }
  EXPECT_FALSE(words.count("ae"));
  EXPECT_FALSE(words.count("ism"));
  // Lower-case "aes" is an ordinary word and is stemmed.
  EXPECT_TRUE(Terms(analyzer_->Analyze("aes"), TokenKind::kWord).count("ae"));
}

TEST_F(AnalyzerTest, FullWidthOffsetsPointAtOriginalBytes) {
  const std::string input = "ＭＦＡを導入";
  const auto tokens = analyzer_->Analyze(input);
  ASSERT_FALSE(tokens.empty());
  EXPECT_EQ(tokens[0].term, "mfa");
  EXPECT_EQ(tokens[0].begin, 0u);
  EXPECT_EQ(tokens[0].end, 9u);
  CheckSpans(input, tokens);
  const auto words = Terms(tokens, TokenKind::kWord);
  EXPECT_TRUE(words.count("導入"));
}

TEST_F(AnalyzerTest, HalfWidthKatakanaBecomesFullWidthTerms) {
  const std::string input = "ｸﾗｳﾄﾞｻｰﾋﾞｽ";
  const auto tokens = analyzer_->Analyze(input);
  CheckSpans(input, tokens);
  EXPECT_TRUE(Terms(tokens, TokenKind::kBigram).count("クラ"));
  EXPECT_TRUE(Terms(tokens, TokenKind::kBigram).count("ービ"));
}

TEST_F(AnalyzerTest, KatakanaCompoundsStayWhole) {
  const std::string input = "クラウドのファイアウォールとマルウェア対策、アクセスログ。";
  const auto tokens = analyzer_->Analyze(input);
  CheckSpans(input, tokens);
  const auto words = Terms(tokens, TokenKind::kWord);
  for (const char* w :
       {"クラウド", "ファイアウォール", "マルウェア", "アクセスログ", "アクセス", "対策"}) {
    EXPECT_TRUE(words.count(w)) << w;
  }
  // ipadic's fragments of unknown loanwords are not terms.
  for (const char* w : {"クラ", "ウド", "マル", "ログ"}) EXPECT_FALSE(words.count(w)) << w;
}

TEST_F(AnalyzerTest, CounterAfterDigitsIsNotAWord) {
  const auto words = Terms(analyzer_->Analyze("ログは1年以上、第11条に従い保存"), TokenKind::kWord);
  EXPECT_FALSE(words.count("年"));
  EXPECT_FALSE(words.count("条"));
  EXPECT_TRUE(words.count("保存"));
  EXPECT_TRUE(words.count("11"));
}

TEST_F(AnalyzerTest, SingleKanjiRunEmitsUnigram) {
  const auto tokens = analyzer_->Analyze("この鍵は");
  const auto bigrams = Terms(tokens, TokenKind::kBigram);
  EXPECT_EQ(bigrams, std::set<std::string>{"鍵"});
}

TEST(AnalyzerOptionsTest, WordsAndBigramsCanBeSwitchedOff) {
  const std::string input = "多要素認証を設定 with MFA";
  AnalyzerOptions only_bigrams;
  only_bigrams.words = false;
  auto a = Analyzer::Create(only_bigrams);
  ASSERT_TRUE(a.ok()) << a.status().message();
  for (const Token& t : (*a)->Analyze(input)) EXPECT_EQ(t.kind, TokenKind::kBigram) << t.term;
  EXPECT_FALSE((*a)->Analyze(input).empty());

  AnalyzerOptions only_words;
  only_words.bigrams = false;
  auto b = Analyzer::Create(only_words);
  ASSERT_TRUE(b.ok()) << b.status().message();
  for (const Token& t : (*b)->Analyze(input)) EXPECT_EQ(t.kind, TokenKind::kWord) << t.term;
  EXPECT_FALSE((*b)->Analyze(input).empty());
}

TEST(AnalyzerOptionsTest, MissingDictionaryIsAnErrorNotACrash) {
  AnalyzerOptions options;
  options.mecab_dicdir = "/nonexistent/kotae-mecab-dic";
  auto a = Analyzer::Create(options);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), StatusCode::kInternal);
  EXPECT_NE(a.status().message().find("/nonexistent/kotae-mecab-dic"), std::string::npos);
}

TEST_F(AnalyzerTest, EmptyAndSeparatorOnlyInput) {
  EXPECT_TRUE(analyzer_->Analyze("").empty());
  EXPECT_TRUE(analyzer_->Analyze(" \t\n。、・（）!?").empty());
}

TEST_F(AnalyzerTest, InvalidUtf8DoesNotCrash) {
  const std::string input = "認証\xff\xfe方式 pass\xc0word \xe8\xa8";
  const auto tokens = analyzer_->Analyze(input);
  CheckSpans(input, tokens);
  const auto words = Terms(tokens, TokenKind::kWord);
  EXPECT_TRUE(words.count("認証"));
  EXPECT_TRUE(words.count("pass"));
}

TEST_F(AnalyzerTest, RandomBytesKeepOffsetsInBounds) {
  std::mt19937 rng(2024);
  const std::string alphabet[] = {"認", "証", "ア",   "ｶ",    "ﾞ",    "a",  "Z", "9", " ",
                                  "、", "を", "\xff", "\xe3", "\x81", "Ａ", "-", "ー"};
  for (int round = 0; round < 300; ++round) {
    std::string s;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) s += alphabet[rng() % std::size(alphabet)];
    const auto tokens = analyzer_->Analyze(s);
    for (const Token& t : tokens) {
      ASSERT_LT(t.begin, t.end);
      ASSERT_LE(t.end, s.size());
      ASSERT_TRUE(internal::IsValidUtf8(t.term));
    }
  }
}

TEST_F(AnalyzerTest, HugeInputIsChunked) {
  // 1.5 MB of kanji with no punctuation, a 1 MB "word" and a long mixed text: must finish
  // with offsets in bounds (MeCab sees bounded chunks; over-long words are dropped).
  std::string kanji;
  for (int i = 0; i < 100000; ++i) kanji += "情報資産管理";
  const auto tokens = analyzer_->Analyze(kanji);
  ASSERT_FALSE(tokens.empty());
  EXPECT_LE(tokens.back().end, kanji.size());
  EXPECT_TRUE(Terms(tokens, TokenKind::kWord).count("管理"));

  const std::string long_word(1 << 20, 'a');
  EXPECT_TRUE(Terms(analyzer_->Analyze(long_word), TokenKind::kWord).empty());
}

TEST_F(AnalyzerTest, CorpusSeedsSpansAreConsistent) {
  const std::string path = std::string(KOTAE_SHARED_DIR) + "/corpus/seeds/002_9a680ca3850dccf9.txt";
  const std::string input = ReadAll(path);
  if (input.empty()) GTEST_SKIP() << "corpus seed not found at " << path << " (../shared absent)";
  const auto tokens = analyzer_->Analyze(input);
  EXPECT_GT(tokens.size(), 500u);
  CheckSpans(input, tokens);
}

}  // namespace
}  // namespace kotae::text
