#include "text/vocabulary.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "text/analyzer.h"

namespace kotae::text {
namespace {

constexpr char kHeader[] = "# test vocabulary\n# version: t-1\n";

Result<Vocabulary> ParseBody(const std::string& body) {
  return Vocabulary::Parse(std::string(kHeader) + body, "vocab.tsv");
}

// Expects a kInvalidInput whose message is exactly "vocab.tsv:<line>: ..." and mentions
// `needle`.
void ExpectError(const std::string& body, int line, const std::string& needle) {
  Result<Vocabulary> v = ParseBody(body);
  ASSERT_FALSE(v.ok()) << "accepted: " << body;
  EXPECT_EQ(v.status().code(), StatusCode::kInvalidInput);
  const std::string& msg = v.status().message();
  EXPECT_EQ(msg.rfind("vocab.tsv:" + std::to_string(line) + ": ", 0), 0u) << msg;
  EXPECT_NE(msg.find(needle), std::string::npos) << msg;
  EXPECT_EQ(msg.find('\n'), std::string::npos) << "one line: " << msg;
}

TEST(VocabularyParseTest, ReadsConceptsAndVersion) {
  auto v = ParseBody(
      "\n"
      "mfa\tA.8.5\tauthentication\t多要素認証|二要素認証|MFA\tmulti-factor authentication|MFA\n"
      "# a comment\n"
      "authentication\tA.8.5\t\t認証\tauthentication\r\n"
      "sla\t\t\tSLA|サービスレベル\t\n");
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_EQ(v->version(), "t-1");
  ASSERT_EQ(v->concepts().size(), 3u);
  const Concept& mfa = v->concepts()[0];
  EXPECT_EQ(mfa.id, "mfa");
  EXPECT_EQ(mfa.iso_control, "A.8.5");
  EXPECT_EQ(mfa.broader, std::vector<std::string>{"authentication"});
  EXPECT_EQ(mfa.ja, (std::vector<std::string>{"多要素認証", "二要素認証", "MFA"}));
  EXPECT_EQ(mfa.en, (std::vector<std::string>{"multi-factor authentication", "MFA"}));
  EXPECT_EQ(v->concepts()[1].en, std::vector<std::string>{"authentication"});  // CR stripped
  EXPECT_TRUE(v->concepts()[2].en.empty());
  EXPECT_EQ(v->Find("authentication"), 1);
  EXPECT_EQ(v->Find("nope"), -1);
}

TEST(VocabularyParseTest, FirstVersionCommentWins) {
  auto v = Vocabulary::Parse("# version: a\n# version: b\nx\t\t\tエックス\tx\n", "v");
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_EQ(v->version(), "a");
}

TEST(VocabularyParseTest, MissingVersionIsAnError) {
  auto v = Vocabulary::Parse("# no version here\nx\t\t\tエックス\tx\n", "vocab.tsv");
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(v.status().message().find("vocab.tsv"), std::string::npos);
  EXPECT_NE(v.status().message().find("version"), std::string::npos);
}

TEST(VocabularyParseTest, ErrorsNameTheLine) {
  // The header takes lines 1-2, so the first body line is line 3.
  ExpectError("a\t\t\tエー\n", 3, "5 tab-separated fields");
  ExpectError("a\t\t\tエー\ta\textra\n", 3, "found 6");
  ExpectError("ok\t\t\tオーケー\tok\n\t\t\tエー\ta\n", 4, "empty id");
  ExpectError("Bad-Id\t\t\tエー\ta\n", 3, "invalid id");
  ExpectError("a\t\t\tエー\ta\n\nb\t\t\tビー\tb\na\t\t\tエー2\ta2\n", 6, "duplicate id \"a\"");
  ExpectError("a\t\tmissing\tエー\ta\n", 3, "unknown broader id \"missing\"");
  ExpectError("a\t\t\t\t\n", 3, "no surface forms");
  ExpectError("a\t\t\t | \t \n", 3, "no surface forms");
  ExpectError("a\tA.9.1\t\tエー\ta\n", 3, "malformed iso_control");
  ExpectError("a\tA.5.38\t\tエー\ta\n", 3, "malformed iso_control");
  ExpectError("a\tA.8.05\t\tエー\ta\n", 3, "malformed iso_control");
  ExpectError("a\tA.8.\t\tエー\ta\n", 3, "malformed iso_control");
  ExpectError("a\t8.5\t\tエー\ta\n", 3, "malformed iso_control");
  ExpectError("a\t\t\tエー\ta\nb\t\t\t\xff\tb\n", 4, "invalid UTF-8");
}

// A long id is shown cut short, at a character boundary: the message stays valid UTF-8.
TEST(VocabularyParseTest, LongInvalidIdIsQuotedWithoutSplittingACharacter) {
  std::string id = "xy";
  for (int i = 0; i < 30; ++i) id += "識";  // 3 bytes each from byte 2: byte 40 is inside one
  Result<Vocabulary> v = ParseBody(id + "\t\t\tエー\ta\n");
  ASSERT_FALSE(v.ok());
  const std::string& message = v.status().message();
  EXPECT_NE(message.find("invalid id \"xy識"), std::string::npos) << message;
  EXPECT_NE(message.find("識...\""), std::string::npos) << message;
  for (size_t i = 0; i + 1 < message.size(); ++i) {
    // No lead byte of a 3-byte character is followed by an ASCII byte.
    if ((static_cast<unsigned char>(message[i]) & 0xF0) == 0xE0) {
      EXPECT_EQ(static_cast<unsigned char>(message[i + 1]) & 0xC0, 0x80) << message;
    }
  }
}

TEST(VocabularyParseTest, BroaderCycleIsAnError) {
  ExpectError("a\t\ta\tエー\ta\n", 3, "broader cycle: a -> a");
  Result<Vocabulary> v = ParseBody(
      "a\t\tb\tエー\ta\n"
      "b\t\tc\tビー\tb\n"
      "c\t\ta\tシー\tc\n");
  ASSERT_FALSE(v.ok());
  EXPECT_NE(v.status().message().find("broader cycle"), std::string::npos);
  EXPECT_NE(v.status().message().find("a -> b -> c -> a"), std::string::npos)
      << v.status().message();
}

TEST(VocabularyParseTest, ValidIsoControlsAreAccepted) {
  auto v = ParseBody(
      "a\tA.5.1\t\tエー\ta\nb\tA.5.37\t\tビー\tb\nc\tA.6.8\t\tシー\tc\nd\tA.7.14\t\tディー\td\n"
      "e\tA.8.34\t\tイー\te\n");
  ASSERT_TRUE(v.ok()) << v.status().message();
}

TEST(VocabularyParseTest, AncestorsAreTheBroaderClosure) {
  auto v = ParseBody(
      "mfa\t\tauthentication,identity\t多要素認証\tmfa\n"
      "authentication\t\taccess_control\t認証\tauthentication\n"
      "identity\t\taccess_control\tアイデンティティ\tidentity\n"
      "access_control\t\t\tアクセス制御\taccess control\n");
  ASSERT_TRUE(v.ok()) << v.status().message();
  const auto ancestors = v->Ancestors(0);
  EXPECT_EQ(ancestors, (std::vector<std::uint32_t>{1, 2, 3}));  // nearest first, once each
  EXPECT_TRUE(v->Ancestors(3).empty());
  EXPECT_TRUE(v->Ancestors(99).empty());
}

TEST(VocabularyLoadTest, MissingFileIsNotFound) {
  auto v = Vocabulary::Load("/nonexistent/kotae/vocabulary.tsv");
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), StatusCode::kNotFound);
}

class VocabularyMatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto v = ParseBody(
        "logging\t\t\tログ|ログ取得\tlog|logs|logging\n"
        "log_retention\t\tlogging\tログの保存期間|ログ保存期間\tlog retention|retain logs\n"
        "ids\t\t\t侵入検知|IDS\tIDS|intrusion detection\n"
        "mfa\t\t\t多要素認証|二要素認証|ＭＦＡ\tmulti-factor authentication|two-factor "
        "authentication|2FA\n"
        "pci\t\t\tPCI DSS\tPCI DSS|pci-dss\n"
        "deprovisioning\t\t\tアカウント削除\trevoke access|account deprovisioning\n"
        "key_rotation\t\t\t鍵のローテーション\tkey rotation\n");
    ASSERT_TRUE(v.ok()) << v.status().message();
    vocab_ = std::make_unique<Vocabulary>(std::move(v).value());
  }

  // "id@begin-end" for each match, for readable expectations.
  std::vector<std::string> Matches(std::string_view raw) {
    const std::string text = Normalize(raw);
    std::vector<std::string> out;
    for (const ConceptMatch& m : vocab_->Match(text)) {
      EXPECT_LE(m.end, text.size());
      out.push_back(vocab_->concepts()[m.concept_index].id + "@" +
                    text.substr(m.begin, m.end - m.begin));
    }
    return out;
  }

  std::unique_ptr<Vocabulary> vocab_;
};

TEST_F(VocabularyMatchTest, LongestMatchWins) {
  EXPECT_EQ(Matches("ログの保存期間は1年"),
            std::vector<std::string>{"log_retention@ログの保存期間"});
  EXPECT_EQ(Matches("ログ取得とログ"),
            (std::vector<std::string>{"logging@ログ取得", "logging@ログ"}));
  EXPECT_EQ(Matches("Log retention and logs"),
            (std::vector<std::string>{"log_retention@log retention", "logging@logs"}));
}

TEST_F(VocabularyMatchTest, AsciiFormsNeedWordBoundaries) {
  EXPECT_TRUE(Matches("kids and bids").empty());
  EXPECT_TRUE(Matches("idsx catalog logs2").empty());
  EXPECT_EQ(Matches("IDS/IPS"), std::vector<std::string>{"ids@ids"});
  EXPECT_EQ(Matches("(IDS)"), std::vector<std::string>{"ids@ids"});
  EXPECT_EQ(Matches("IDSを導入"), std::vector<std::string>{"ids@ids"});
  EXPECT_EQ(Matches("PCI DSS準拠"), std::vector<std::string>{"pci@pci dss"});
  EXPECT_EQ(Matches("PCI-DSS"), std::vector<std::string>{"pci@pci-dss"});
}

TEST_F(VocabularyMatchTest, JapaneseFormsMatchAnywhere) {
  EXPECT_EQ(Matches("管理者の多要素認証を"), std::vector<std::string>{"mfa@多要素認証"});
  EXPECT_EQ(Matches("侵入検知システム"), std::vector<std::string>{"ids@侵入検知"});
}

TEST_F(VocabularyMatchTest, JapaneseAndEnglishFormsMapToOneConcept) {
  const int mfa = vocab_->Find("mfa");
  for (const char* text :
       {"二要素認証", "多要素認証", "Two-Factor Authentication", "ＭＦＡ", "mfa", "2ＦＡ"}) {
    const auto matches = vocab_->Match(Normalize(text));
    ASSERT_EQ(matches.size(), 1u) << text;
    EXPECT_EQ(static_cast<int>(matches[0].concept_index), mfa) << text;
  }
}

TEST_F(VocabularyMatchTest, OffsetsAreInTheNormalisedText) {
  const std::string text = Normalize("当社は ＭＦＡ を");
  const auto matches = vocab_->Match(text);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(text.substr(matches[0].begin, matches[0].end - matches[0].begin), "mfa");
}

// English phrases also match on their Snowball stems, with function words skipped and a two-word
// form in either order, so that a form need not list every inflection and word order.
TEST_F(VocabularyMatchTest, EnglishPhrasesMatchOnStems) {
  EXPECT_EQ(Matches("How quickly is access revoked?"),
            std::vector<std::string>{"deprovisioning@access revoked"});
  EXPECT_EQ(Matches("Access has been revoked"),
            std::vector<std::string>{"deprovisioning@access has been revoked"});
  EXPECT_EQ(Matches("Revoking access of leavers"),
            std::vector<std::string>{"deprovisioning@revoking access"});
  EXPECT_EQ(Matches("accounts are deprovisioned"),
            std::vector<std::string>{"deprovisioning@accounts are deprovisioned"});
  EXPECT_EQ(Matches("Keys are rotated yearly"),
            std::vector<std::string>{"key_rotation@keys are rotated"});
  // A word a single-word form matched joins a phrase, which replaces that match.
  EXPECT_EQ(Matches("Logs are retained for a year; logs are reviewed"),
            (std::vector<std::string>{"log_retention@logs are retained", "logging@logs"}));
}

// Stems link words within one clause only, never through punctuation or a surface match; and a
// single-word form stays a surface form (Snowball stems "logging" and "logged" alike, and
// "performance" like "perform").
TEST_F(VocabularyMatchTest, StemMatchesStayInsideAClauseAndNeedTwoWords) {
  EXPECT_TRUE(Matches("Access. Revoked later").empty());
  EXPECT_TRUE(Matches("access (see above) revoked").empty());
  EXPECT_TRUE(Matches("Events are logged").empty());
  EXPECT_EQ(Matches("key IDS rotation"), std::vector<std::string>{"ids@ids"});
  // A surface match keeps its words: "log retention" is not re-read as stems.
  EXPECT_EQ(Matches("Log retention rotated keys"),
            (std::vector<std::string>{"log_retention@log retention", "key_rotation@rotated keys"}));
}

TEST_F(VocabularyMatchTest, HostileTextDoesNotCrash) {
  EXPECT_TRUE(vocab_->Match("").empty());
  EXPECT_TRUE(vocab_->Match("\xff\xe3\x83").empty());
  const std::string long_text(1 << 20, 'l');
  EXPECT_TRUE(vocab_->Match(long_text).empty());
  std::string many_words;
  for (int i = 0; i < 100000; ++i) many_words += "keys are ";
  EXPECT_TRUE(vocab_->Match(many_words).empty());
}

class VocabularyDataTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::string(KOTAE_DATA_DIR) + "/vocabulary.tsv";
    if (!std::filesystem::exists(path_)) {
      GTEST_SKIP() << path_ << " does not exist yet; skipping the data-file checks";
    }
    auto v = Vocabulary::Load(path_);
    ASSERT_TRUE(v.ok()) << v.status().message();
    vocab_ = std::make_unique<Vocabulary>(std::move(v).value());
  }
  std::string path_;
  std::unique_ptr<Vocabulary> vocab_;
};

TEST_F(VocabularyDataTest, LoadsWithEnoughConceptsInBothLanguages) {
  EXPECT_FALSE(vocab_->version().empty());
  EXPECT_GE(vocab_->concepts().size(), 300u);
  for (const Concept& c : vocab_->concepts()) {
    EXPECT_FALSE(c.ja.empty()) << c.id << " has no Japanese form";
    EXPECT_FALSE(c.en.empty()) << c.id << " has no English form";
  }
}

TEST_F(VocabularyDataTest, MfaSynonymsMeetInOneConcept) {
  auto concept_of = [&](std::string_view text) -> int {
    const auto matches = vocab_->Match(Normalize(text));
    return matches.size() == 1 ? static_cast<int>(matches[0].concept_index) : -1;
  };
  const int mfa = concept_of("多要素認証");
  ASSERT_GE(mfa, 0) << "「多要素認証」 is not one concept match";
  EXPECT_EQ(concept_of("二要素認証"), mfa);
  EXPECT_EQ(concept_of("two-factor authentication"), mfa);
}

// English phrase forms reach their concept through stem matching: inflected and in the
// other order than the form as written ("rotate keys" → "keys … rotated").
TEST_F(VocabularyDataTest, EnglishPhraseFormsMatchOnStems) {
  auto has_concept = [&](std::string_view text, std::string_view id) {
    const int want = vocab_->Find(id);
    if (want < 0) return false;
    for (const ConceptMatch& m : vocab_->Match(Normalize(text))) {
      if (static_cast<int>(m.concept_index) == want) return true;
    }
    return false;
  };
  EXPECT_TRUE(has_concept("Are keys rotated annually?", "key_rotation"));
  EXPECT_TRUE(has_concept("Are networks segregated?", "network_segmentation"));
  EXPECT_TRUE(has_concept("Is removable media disposed of securely?", "media_disposal"));
  EXPECT_TRUE(has_concept("Is information classified by sensitivity?", "information_classification"));
  EXPECT_TRUE(has_concept("Are vendors assessed each year?", "supplier_review"));
  EXPECT_TRUE(has_concept("When employees are terminated, is access removed?",
                          "termination_responsibilities"));
  EXPECT_TRUE(has_concept("When employees are terminated, is access removed?",
                          "account_deprovisioning"));
}

TEST_F(VocabularyDataTest, AncestorsAreAcyclicAndInRange) {
  for (std::uint32_t i = 0; i < vocab_->concepts().size(); ++i) {
    for (std::uint32_t a : vocab_->Ancestors(i)) {
      ASSERT_LT(a, vocab_->concepts().size());
      ASSERT_NE(a, i) << vocab_->concepts()[i].id << " is its own ancestor";
    }
  }
}

}  // namespace
}  // namespace kotae::text
