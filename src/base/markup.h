// Escaping text for XML and HTML markup: the review report (answer/report.cc) and the parts
// kotae writes into workbooks (sheet/xlsx_fill.cc) share one escaper.
//
// Functions are stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace kotae {

// Appends `text` to `out` so that it reads back as the same characters in XML 1.0 and HTML,
// both as element content and inside a quoted attribute value:
//   - & < > " ' become &amp; &lt; &gt; &quot; &#39;;
//   - control characters below U+0020 other than tab, line feed and carriage return are
//     dropped (neither format allows them, not even as character references);
//   - CR LF becomes LF and a lone CR becomes LF, the line-end normalisation an XML parser
//     applies anyway, so the output holds no CR;
//   - every other byte, UTF-8 sequences included, passes through unchanged. The text is not
//     validated: callers pass well-formed UTF-8.
void AppendEscapedXml(std::string& out, std::string_view text);

// `text` escaped as by AppendEscapedXml.
std::string EscapeXml(std::string_view text);

}  // namespace kotae
