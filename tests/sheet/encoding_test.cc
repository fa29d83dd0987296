// Encoding detection and round trips (sheet/encoding.h).
#include "sheet/encoding.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace kotae::sheet {
namespace {

// "データを暗号化" in CP932, written out by hand from the JIS X 0208 code table so the test
// does not depend on the converter it checks.
const std::string kSjisData = "\x83\x66\x81\x5B\x83\x5E\x82\xF0\x88\xC3\x8D\x86\x89\xBB";
const std::string kUtf8Data = "データを暗号化";

TEST(EncodingTest, PlainUtf8) {
  auto r = DecodeText("No,質問\n", "a.csv");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->encoding, Encoding::kUtf8);
  EXPECT_EQ(r->utf8, "No,質問\n");
}

TEST(EncodingTest, Utf8BomIsStripped) {
  auto r = DecodeText("\xEF\xBB\xBFNo,質問", "a.csv");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->encoding, Encoding::kUtf8Bom);
  EXPECT_EQ(r->utf8, "No,質問");
}

TEST(EncodingTest, ShiftJisIsDetectedAndDecoded) {
  auto r = DecodeText(kSjisData, "a.csv");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->encoding, Encoding::kShiftJis);
  EXPECT_EQ(r->utf8, kUtf8Data);
}

TEST(EncodingTest, Cp932ExtensionsDecode) {
  // NEC special characters (①, ㈱) and IBM extension (髙) exist only in CP932, not JIS.
  auto r = DecodeText(std::string("\x87\x40\x87\x8A\xFB\xFC", 6), "a.csv");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->utf8, "①㈱髙");
}

TEST(EncodingTest, Utf16LittleAndBigEndianWithBom) {
  // "No,答" = 4E 6F 2C 7B54
  std::string le(
      "\xFF\xFE"
      "N\0o\0,\0\x54\x7B",
      10);
  std::string be(
      "\xFE\xFF"
      "\0N\0o\0,\x7B\x54",
      10);
  auto a = DecodeText(le, "le.csv");
  auto b = DecodeText(be, "be.csv");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->encoding, Encoding::kUtf16Le);
  EXPECT_EQ(b->encoding, Encoding::kUtf16Be);
  EXPECT_EQ(a->utf8, "No,答");
  EXPECT_EQ(b->utf8, "No,答");
}

TEST(EncodingTest, OddUtf16AndUnpairedSurrogateFail) {
  EXPECT_EQ(DecodeText(std::string("\xFF\xFE"
                                   "N\0o",
                                   5),
                       "x.csv")
                .status()
                .code(),
            StatusCode::kInvalidInput);
  auto r = DecodeText(std::string("\xFF\xFE\x00\xD8"
                                  "a\0",
                                  6),
                      "x.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("x.csv"), std::string::npos);
}

TEST(EncodingTest, RandomBytesFailWithOneLineNamingTheFile) {
  std::mt19937 rng(42);
  for (int trial = 0; trial < 20; ++trial) {
    std::string bytes(4096, '\0');
    for (char& c : bytes) c = static_cast<char>(rng() & 0xFF);
    bytes[0] = 'x';  // no BOM
    auto r = DecodeText(bytes, "random.bin");
    ASSERT_FALSE(r.ok()) << "trial " << trial;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
    EXPECT_EQ(r.status().message().rfind("random.bin: ", 0), 0u) << r.status().message();
    EXPECT_EQ(r.status().message().find('\n'), std::string::npos);
  }
}

TEST(EncodingTest, InvalidUtf8ThatIsNotCp932Fails) {
  // 0x80 followed by 0xFF: not UTF-8, and 0xFF is no CP932 byte.
  auto r = DecodeText(std::string("abc\xFF\xFF\xFF", 6), "bad.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("bad.txt"), std::string::npos);
}

TEST(EncodingTest, Utf8BomWithInvalidBodyFails) {
  EXPECT_FALSE(DecodeText(std::string("\xEF\xBB\xBF\xC3(", 5), "x.csv").ok());
}

TEST(EncodingTest, EncodeWritesBomsAndBytes) {
  auto bom = EncodeText("a", Encoding::kUtf8Bom);
  ASSERT_TRUE(bom.ok());
  EXPECT_EQ(*bom,
            "\xEF\xBB\xBF"
            "a");
  auto le = EncodeText("a答", Encoding::kUtf16Le);
  ASSERT_TRUE(le.ok());
  EXPECT_EQ(*le, std::string("\xFF\xFE"
                             "a\0\x54\x7B",
                             6));
  auto be = EncodeText("a答", Encoding::kUtf16Be);
  ASSERT_TRUE(be.ok());
  EXPECT_EQ(*be, std::string("\xFE\xFF\0a\x7B\x54", 6));
  auto sjis = EncodeText(kUtf8Data, Encoding::kShiftJis);
  ASSERT_TRUE(sjis.ok());
  EXPECT_EQ(*sjis, kSjisData);
}

TEST(EncodingTest, RoundTripsEveryEncoding) {
  const std::string text = "No,質問,回答\r\n1,\"鷗外と髙橋、①\",はい\r\n";
  for (Encoding e : {Encoding::kUtf8, Encoding::kUtf8Bom, Encoding::kShiftJis, Encoding::kUtf16Le,
                     Encoding::kUtf16Be}) {
    std::string probe = e == Encoding::kShiftJis ? "No,質問,回答\r\n1,\"髙橋、①\",はい\r\n" : text;
    auto bytes = EncodeText(probe, e);
    ASSERT_TRUE(bytes.ok()) << EncodingName(e) << ": " << bytes.status().message();
    auto back = DecodeText(*bytes, "rt.csv");
    ASSERT_TRUE(back.ok()) << EncodingName(e);
    EXPECT_EQ(back->encoding, e) << EncodingName(e);
    EXPECT_EQ(back->utf8, probe) << EncodingName(e);
  }
}

TEST(EncodingTest, UnrepresentableInCp932Fails) {
  // Emoji and a Hangul syllable have no CP932 code.
  auto r = EncodeText("はい 😀", Encoding::kShiftJis);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(r.status().message().find("U+1F600"), std::string::npos) << r.status().message();
  EXPECT_FALSE(EncodeText("한", Encoding::kShiftJis).ok());
}

TEST(EncodingTest, BinaryWithNulBytesIsRefused) {
  auto r = DecodeText(std::string("PK\x03\x04\0\0\0\0abc", 11), "book.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("book.csv"), std::string::npos);
}

}  // namespace
}  // namespace kotae::sheet
