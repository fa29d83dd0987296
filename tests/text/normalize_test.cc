#include <gtest/gtest.h>

#include <random>
#include <string>

#include "text/analyzer.h"
#include "text/normalize_internal.h"

namespace kotae::text {
namespace {

TEST(NormalizeTest, WidthAndCase) {
  EXPECT_EQ(Normalize("ＭＦＡ"), "mfa");
  EXPECT_EQ(Normalize("ＡＢＣ１２３"), "abc123");
  EXPECT_EQ(Normalize("ｶﾞｲﾄﾞﾗｲﾝ"), "ガイドライン");
  EXPECT_EQ(Normalize("ｱｸｾｽ制御"), "アクセス制御");
  EXPECT_EQ(Normalize("ISO/IEC 27001"), "iso/iec 27001");
  EXPECT_EQ(Normalize("Straße"), "strasse");
  EXPECT_EQ(Normalize("①"), "1");
  EXPECT_EQ(Normalize("㈱"), "(株)");
  EXPECT_EQ(Normalize("（ＭＦＡ）"), "(mfa)");
  EXPECT_EQ(Normalize("多要素認証"), "多要素認証");
}

TEST(NormalizeTest, WhitespaceCollapsedAndTrimmed) {
  EXPECT_EQ(Normalize("  a \t\n b  "), "a b");
  EXPECT_EQ(Normalize("認証\u3000\u3000方式"), "認証 方式");
  EXPECT_EQ(Normalize("a\u00a0b"), "a b");
  EXPECT_EQ(Normalize("\r\n\t "), "");
  EXPECT_EQ(Normalize(""), "");
}

TEST(NormalizeTest, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(Normalize("\xff"), "\uFFFD");
  EXPECT_EQ(Normalize("a\xff\xfe"
                      "b"),
            "a\uFFFD\uFFFDb");
  EXPECT_EQ(Normalize("認\xe8\xa8"), "認\uFFFD");              // truncated 3-byte sequence
  EXPECT_EQ(Normalize("\xed\xa0\x80"), "\uFFFD\uFFFD\uFFFD");  // encoded surrogate
  EXPECT_EQ(Normalize("\xc0\xaf"), "\uFFFD\uFFFD");            // overlong '/'
}

TEST(NormalizeTest, Idempotent) {
  for (const char* s : {"ＭＦＡ  を設定", "ｶﾞｲﾄﾞ", "Straße ⅣＸ", "a\xff b", "  ㍻ ﬁle "}) {
    const std::string once = Normalize(s);
    EXPECT_EQ(Normalize(once), once) << s;
  }
}

TEST(NormalizeTest, RandomBytesGiveValidUtf8) {
  std::mt19937 rng(12345);
  for (int round = 0; round < 500; ++round) {
    std::string s(rng() % 64, '\0');
    for (char& c : s) c = static_cast<char>(rng() & 0xFF);
    const internal::NormalizedText nt = internal::NormalizeWithOffsets(s);
    ASSERT_TRUE(internal::IsValidUtf8(nt.text));
    ASSERT_EQ(nt.text, Normalize(s));
    ASSERT_EQ(nt.orig_begin.size(), nt.text.size());
    ASSERT_EQ(nt.orig_end.size(), nt.text.size());
    for (std::size_t i = 0; i < nt.text.size(); ++i) {
      ASSERT_LT(nt.orig_begin[i], nt.orig_end[i]);
      ASSERT_LE(nt.orig_end[i], s.size());
      if (i > 0) {
        ASSERT_LE(nt.orig_begin[i - 1], nt.orig_begin[i]);
      }
    }
  }
}

TEST(NormalizeTest, OffsetMapPointsIntoOriginal) {
  const std::string input = " ＭＦＡ\t\tｶﾞ x";
  const internal::NormalizedText nt = internal::NormalizeWithOffsets(input);
  ASSERT_EQ(nt.text, "mfa ガ x");
  // 'm' came from "Ｍ" at bytes [1,4).
  EXPECT_EQ(nt.orig_begin[0], 1u);
  EXPECT_EQ(nt.orig_end[0], 4u);
  // 'a' from "Ａ" at [7,10).
  EXPECT_EQ(nt.orig_begin[2], 7u);
  EXPECT_EQ(nt.orig_end[2], 10u);
  // The collapsed space covers both tabs.
  EXPECT_EQ(nt.orig_begin[3], 10u);
  EXPECT_EQ(nt.orig_end[3], 12u);
  // "ガ" (3 bytes) was composed from half-width ｶ + ﾞ (6 bytes at [12,18)).
  for (std::size_t i = 4; i < 7; ++i) {
    EXPECT_EQ(nt.orig_begin[i], 12u);
    EXPECT_EQ(nt.orig_end[i], 18u);
  }
  EXPECT_EQ(input.substr(nt.orig_begin[8], nt.orig_end[8] - nt.orig_begin[8]), "x");
}

}  // namespace
}  // namespace kotae::text
