// Test and benchmark helper: builds small xlsx packages in memory with libzip, so fixtures are
// visible next to the assertions that use them. Not thread-safe per builder; header-only.
#pragma once

#include <zip.h>

#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace kotae::sheet::testing {

// Zips `parts` (name -> content) in name order with deflate. Throws on libzip failure, which
// only a broken test setup can cause.
inline std::string ZipParts(const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_TRUNCATE, &error);
  if (archive == nullptr) throw std::runtime_error("zip_open_from_source failed");
  zip_source_keep(source);
  for (const auto& [name, content] : parts) {
    zip_source_t* s = zip_source_buffer(archive, content.data(), content.size(), 0);
    zip_int64_t index = zip_file_add(archive, name.c_str(), s, ZIP_FL_ENC_UTF_8);
    if (index < 0) throw std::runtime_error("zip_file_add failed");
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 0);
  }
  if (zip_close(archive) != 0) throw std::runtime_error("zip_close failed");
  zip_stat_t st;
  zip_stat_init(&st);
  zip_source_stat(source, &st);
  std::string bytes(static_cast<std::size_t>(st.size), '\0');
  zip_source_open(source);
  zip_source_read(source, bytes.data(), bytes.size());
  zip_source_close(source);
  zip_source_free(source);
  zip_error_fini(&error);
  return bytes;
}

inline constexpr const char* kMainNs =
    "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

struct SheetSpec {
  SheetSpec(std::string n, std::string b, std::string st = "", bool chart = false)
      : name(std::move(n)), body(std::move(b)), state(std::move(st)), chartsheet(chart) {}
  std::string name;
  std::string body;   // everything inside <worksheet>, e.g. "<sheetData>…</sheetData>"
  std::string state;  // "", "hidden", "veryHidden"
  bool chartsheet = false;
};

// A workbook with the given sheets, optional shared strings (<si> elements) and defined
// names (<definedName> elements). Parts are laid out as Excel does.
struct WorkbookSpec {
  std::vector<SheetSpec> sheets;
  std::string shared_strings;  // "" = no sharedStrings part
  std::string defined_names;
  std::string styles =
      "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
      "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
      "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>"
      "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"1\" applyBorder=\"1\">"
      "<alignment wrapText=\"1\"/></xf></cellXfs></styleSheet>";
  std::vector<std::pair<std::string, std::string>> extra_parts;

  std::vector<std::pair<std::string, std::string>> Parts() const {
    const std::string decl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    std::string types =
        decl +
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" "
        "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Override PartName=\"/xl/workbook.xml\" "
        "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+"
        "xml\"/>";
    std::string book = decl + "<workbook " + kMainNs + "><sheets>";
    std::string rels = decl +
                       "<Relationships "
                       "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    const std::string rel_base =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    std::vector<std::pair<std::string, std::string>> parts;
    for (std::size_t i = 0; i < sheets.size(); ++i) {
      const SheetSpec& s = sheets[i];
      const std::string n = std::to_string(i + 1);
      const std::string id = "rId" + n;
      book += "<sheet name=\"" + s.name + "\" sheetId=\"" + n + "\" r:id=\"" + id + "\"" +
              (s.state.empty() ? "" : " state=\"" + s.state + "\"") + "/>";
      if (s.chartsheet) {
        rels += "<Relationship Id=\"" + id + "\" Type=\"" + rel_base +
                "chartsheet\" Target=\"chartsheets/sheet" + n + ".xml\"/>";
        parts.push_back(
            {"xl/chartsheets/sheet" + n + ".xml", decl + "<chartsheet " + kMainNs + "/>"});
        continue;
      }
      rels += "<Relationship Id=\"" + id + "\" Type=\"" + rel_base +
              "worksheet\" Target=\"worksheets/sheet" + n + ".xml\"/>";
      types += "<Override PartName=\"/xl/worksheets/sheet" + n +
               ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
               "spreadsheetml.worksheet+xml\"/>";
      parts.push_back({"xl/worksheets/sheet" + n + ".xml",
                       decl + "<worksheet " + kMainNs + ">" + s.body + "</worksheet>"});
    }
    book += "</sheets>";
    if (!defined_names.empty()) book += "<definedNames>" + defined_names + "</definedNames>";
    book += "</workbook>";
    rels += "<Relationship Id=\"rIdS\" Type=\"" + rel_base + "styles\" Target=\"styles.xml\"/>";
    types +=
        "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/"
        "vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>";
    parts.push_back({"xl/styles.xml", decl + styles});
    if (!shared_strings.empty()) {
      rels += "<Relationship Id=\"rIdSS\" Type=\"" + rel_base +
              "sharedStrings\" Target=\"sharedStrings.xml\"/>";
      types +=
          "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/"
          "vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>";
      parts.push_back({"xl/sharedStrings.xml",
                       decl +
                           "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
                           "2006/main\">" +
                           shared_strings + "</sst>"});
    }
    rels += "</Relationships>";
    types += "</Types>";
    parts.push_back({"[Content_Types].xml", types});
    parts.push_back({"_rels/.rels",
                     decl +
                         "<Relationships "
                         "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                         "<Relationship Id=\"rId1\" Type=\"" +
                         rel_base +
                         "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"});
    parts.push_back({"xl/workbook.xml", book});
    parts.push_back({"xl/_rels/workbook.xml.rels", rels});
    parts.push_back({"docProps/app.xml",
                     decl + "<Properties><Application>kotae test</Application></Properties>"});
    for (const auto& p : extra_parts) parts.push_back(p);
    return parts;
  }

  std::string Zip() const { return ZipParts(Parts()); }
};

}  // namespace kotae::sheet::testing
