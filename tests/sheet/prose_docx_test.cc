// docx passages (ReadDocx in sheet/prose_reader.h). The documents are built here with libzip
// so each test shows the exact XML it feeds in.
#include <gtest/gtest.h>
#include <zip.h>

#include <string>
#include <utility>
#include <vector>

#include "sheet/prose_reader.h"

namespace kotae::sheet {
namespace {

// Returns the bytes of a zip holding `parts` (name, content), stored uncompressed.
std::string MakeZip(const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  EXPECT_NE(buffer, nullptr);
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  EXPECT_NE(archive, nullptr);
  for (const auto& [name, content] : parts) {
    zip_source_t* src = zip_source_buffer(archive, content.data(), content.size(), 0);
    zip_int64_t index = zip_file_add(archive, name.c_str(), src, ZIP_FL_ENC_UTF_8);
    EXPECT_GE(index, 0);
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  EXPECT_EQ(zip_close(archive), 0);
  std::string out;
  zip_stat_t st;
  EXPECT_EQ(zip_source_stat(buffer, &st), 0);
  EXPECT_EQ(zip_source_open(buffer), 0);
  out.resize(st.size);
  EXPECT_EQ(zip_source_read(buffer, out.data(), st.size), static_cast<zip_int64_t>(st.size));
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return out;
}

const char* kNs = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

std::string Para(const std::string& text, const std::string& style = "") {
  std::string ppr = style.empty() ? "" : "<w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>";
  return "<w:p>" + ppr + "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}

std::string Document(const std::string& body) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document ") +
         kNs + "><w:body>" + body + "</w:body></w:document>";
}

// Japanese Word names its heading styles by number ids; only styles.xml says they are headings.
std::string Styles() {
  return std::string("<w:styles ") + kNs +
         ">"
         "<w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"heading 1\"/></w:style>"
         "<w:style w:type=\"paragraph\" w:styleId=\"2\"><w:name w:val=\"heading 2\"/></w:style>"
         "<w:style w:type=\"paragraph\" w:styleId=\"a3\"><w:name w:val=\"Title\"/></w:style>"
         "<w:style w:type=\"paragraph\" w:styleId=\"Outline\"><w:name w:val=\"Custom\"/>"
         "<w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr></w:style>"
         "</w:styles>";
}

const Item* FindByQuestion(const Questionnaire& q, const std::string& question) {
  for (const auto& item : q.items) {
    if (item.question == question) return &item;
  }
  return nullptr;
}

TEST(ProseDocxTest, HeadingsFromStylesOutlineAndTables) {
  std::string body =
      Para("クラウドサービス運用規程", "a3") + Para("データ管理", "1") + Para("バックアップ", "2") +
      "<w:p><w:r><w:t>データは日次で</w:t></w:r><w:ins><w:r><w:t>バックアップし、</w:t></w:r>"
      "</w:ins><w:del><w:r><w:delText>削除済み</w:delText></w:r></w:del>"
      "<w:r><w:t>2世代分保管します。</w:t></w:r></w:p>" +
      "<w:tbl><w:tr><w:tc>" + Para("対象") + "</w:tc><w:tc>" + Para("頻度") +
      "</w:tc></w:tr></w:tbl>" + Para("暗号化", "Outline") +
      Para("保存データはAES-256で暗号化します。") + Para("Access control", "Heading1") +
      Para("Access follows least privilege.");
  std::string docx = MakeZip({{"[Content_Types].xml", "<Types/>"},
                              {"word/document.xml", Document(body)},
                              {"word/styles.xml", Styles()}});
  auto r = ReadDocx(docx, "dir/policy.docx");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->format, SourceFormat::kProse);

  const Item* backup = FindByQuestion(*r, "バックアップ");
  ASSERT_NE(backup, nullptr);
  EXPECT_EQ(backup->sections,
            (std::vector<std::string>{"クラウドサービス運用規程", "データ管理", "バックアップ"}));
  EXPECT_EQ(backup->answer, "データは日次でバックアップし、2世代分保管します。\n対象\n頻度");
  EXPECT_EQ(backup->id, "§ クラウドサービス運用規程 > データ管理 > バックアップ");
  EXPECT_EQ(backup->sheet, "policy.docx");

  // outlineLvl 1 is the same depth as heading 2: a sibling of バックアップ.
  const Item* crypto = FindByQuestion(*r, "暗号化");
  ASSERT_NE(crypto, nullptr);
  EXPECT_EQ(crypto->sections,
            (std::vector<std::string>{"クラウドサービス運用規程", "データ管理", "暗号化"}));

  // An English style id works without styles.xml mapping.
  const Item* access = FindByQuestion(*r, "Access control");
  ASSERT_NE(access, nullptr);
  EXPECT_EQ(access->answer, "Access follows least privilege.");
  EXPECT_EQ(access->sections.size(), 2u);
}

TEST(ProseDocxTest, UnstyledShortLinesFallBackToHeuristics) {
  std::string body = Para("ログ管理") + Para("アクセスログを1年間保管します。");
  auto r = ReadDocx(MakeZip({{"word/document.xml", Document(body)}}), "plain.docx");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->items.size(), 1u);
  EXPECT_EQ(r->items[0].question, "ログ管理");
}

// pugixml passes malformed UTF-8 through unchanged; the reader drops it so that the run JSON
// and the filled workbook get valid text (found by fuzz/docx_parts_fuzz).
TEST(ProseDocxTest, MalformedUtf8InTextIsDropped) {
  std::string body = Para("ログ管理", "Heading1") + Para(
                                                        "アクセスログを\xE7\xAC\xFB\xBB\xBB\xBB"
                                                        "1年間保管します。");
  auto r = ReadDocx(MakeZip({{"word/document.xml", Document(body)}}), "broken.docx");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->items.size(), 1u);
  EXPECT_EQ(r->items[0].answer, "アクセスログを1年間保管します。");
}

// A "heading" style on a paragraph of thousands of characters is body text: every passage under
// a heading copies it, so a huge one would multiply through the output.
TEST(ProseDocxTest, OverlongStyledHeadingIsBodyText) {
  std::string long_text;
  for (int i = 0; i < 200; ++i) long_text += "長い見出し";
  std::string body = Para("データ管理", "Heading1") + Para(long_text, "Heading2") +
                     Para("データは日次でバックアップします。");
  auto r = ReadDocx(MakeZip({{"word/document.xml", Document(body)}}), "long.docx");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_FALSE(r->items.empty());
  std::string text;
  for (const Item& item : r->items) {
    EXPECT_EQ(item.question, "データ管理");
    EXPECT_EQ(item.sections, std::vector<std::string>{"データ管理"});
    text += item.answer + "\n";
  }
  EXPECT_EQ(text, long_text + "\nデータは日次でバックアップします。\n");
}

TEST(ProseDocxTest, BrokenInputsAreInvalidInput) {
  auto not_zip = ReadDocx("this is not a zip file at all, just text", "x.docx");
  ASSERT_FALSE(not_zip.ok());
  EXPECT_EQ(not_zip.status().message().rfind("x.docx", 0), 0u);

  auto no_document = ReadDocx(MakeZip({{"word/other.xml", "<a/>"}}), "y.docx");
  ASSERT_FALSE(no_document.ok());
  EXPECT_NE(no_document.status().message().find("y.docx"), std::string::npos);

  auto bad_xml = ReadDocx(MakeZip({{"word/document.xml", "<w:document><w:body><w:p>"}}), "z.docx");
  ASSERT_FALSE(bad_xml.ok());
  EXPECT_EQ(bad_xml.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(bad_xml.status().message().find("z.docx: word/document.xml"), std::string::npos);

  // Deep nesting is bounded, not a stack overflow: content below the depth limit is skipped.
  std::string open;
  std::string close;
  for (int i = 0; i < 100000; ++i) {
    open += "<w:sdt><w:sdtContent>";
    close += "</w:sdtContent></w:sdt>";
  }
  std::string deep = Para("深い見出し") + open + Para("到達しない本文です。") + close;
  auto nested = ReadDocx(MakeZip({{"word/document.xml", Document(deep)}}), "deep.docx");
  ASSERT_TRUE(nested.ok()) << nested.status().message();
  for (const auto& item : nested->items) {
    EXPECT_EQ(item.answer.find("到達しない"), std::string::npos);
  }
}

}  // namespace
}  // namespace kotae::sheet
