#include "base/markup.h"

namespace kotae {

void AppendEscapedXml(std::string& out, std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        if (static_cast<unsigned char>(ch) < 0x20 && ch != '\t' && ch != '\n') {
          // A lone CR (old Mac line end) is a line break; CR LF keeps only its LF.
          if (ch == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) out += '\n';
          break;
        }
        out += ch;
    }
  }
}

std::string EscapeXml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  AppendEscapedXml(out, text);
  return out;
}

}  // namespace kotae
