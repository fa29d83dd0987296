#include "base/markup.h"

#include <gtest/gtest.h>

#include <string>

namespace kotae {
namespace {

TEST(EscapeXmlTest, EscapesTheFiveMarkupCharacters) {
  EXPECT_EQ(EscapeXml("&"), "&amp;");
  EXPECT_EQ(EscapeXml("<"), "&lt;");
  EXPECT_EQ(EscapeXml(">"), "&gt;");
  EXPECT_EQ(EscapeXml("\""), "&quot;");
  EXPECT_EQ(EscapeXml("'"), "&#39;");
  EXPECT_EQ(EscapeXml("<a href=\"x?a=1&b='2'\">"),
            "&lt;a href=&quot;x?a=1&amp;b=&#39;2&#39;&quot;&gt;");
  // An entity in the input is text, not markup: its & is escaped again.
  EXPECT_EQ(EscapeXml("&amp;"), "&amp;amp;");
}

TEST(EscapeXmlTest, Utf8PassesThroughUnchanged) {
  const std::string text = "多要素認証 ＭＦＡ — café 🔒 한국어";
  EXPECT_EQ(EscapeXml(text), text);
  EXPECT_EQ(EscapeXml("暗号化 & <TLS>"), "暗号化 &amp; &lt;TLS&gt;");
}

TEST(EscapeXmlTest, EmptyString) {
  EXPECT_EQ(EscapeXml(""), "");
  std::string out = "kept";
  AppendEscapedXml(out, "");
  EXPECT_EQ(out, "kept");
}

TEST(EscapeXmlTest, AppendsToWhatIsThere) {
  std::string out = "<p>";
  AppendEscapedXml(out, "a<b");
  EXPECT_EQ(out, "<p>a&lt;b");
}

TEST(EscapeXmlTest, DropsControlCharactersKeepsTabAndLineBreaks) {
  EXPECT_EQ(EscapeXml(std::string("a\x01"
                                  "b\x1b[0mc\x7f",
                                  9)),
            "ab[0mc\x7f");
  EXPECT_EQ(EscapeXml(std::string("nul\0end", 7)), "nulend");
  EXPECT_EQ(EscapeXml("tab\there\nnext"), "tab\there\nnext");
}

TEST(EscapeXmlTest, CarriageReturnsBecomeLineFeeds) {
  EXPECT_EQ(EscapeXml("一\r\n二\r三\r"), "一\n二\n三\n");
  EXPECT_EQ(EscapeXml("\r\r\n"), "\n\n");
}

}  // namespace
}  // namespace kotae
