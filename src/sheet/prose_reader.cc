// Prose documents into passages.
//
// Every format is first flattened into a list of paragraphs, each with what the format itself
// says about it: an explicit heading level (Markdown '#', docx heading styles, numbered
// headings such as "第3条" or "1.2"), "certainly body" (bullets, tables, code), or "unknown".
// Unknown paragraphs are then resolved by the layout policy documents actually use: a short
// line with no sentence end, directly followed by paragraph text, is a heading; several such
// lines in a row are a chapter heading and its section heading. Body paragraphs are grouped
// under the heading path into passages of bounded size.
#include "sheet/prose_reader.h"

#include <unicode/utf8.h>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <memory>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "base/file.h"
#include "sheet/xlsx_internal.h"  // SanitizeXmlText, shared by both OOXML readers
#include "sheet/zip_archive.h"

namespace kotae::sheet {
namespace {

// Passages are cut at paragraph boundaries once they pass this many characters; retrieval
// works best on passages about the size of one check-sheet answer.
constexpr size_t kPassageChars = 600;
// A heading is short: this many characters (code points) at most, or twice that for text
// that is all ASCII (English words are longer than Japanese characters).
constexpr size_t kMaxHeadingChars = 40;
// Heuristic headings get levels from here on so that they nest below explicit ones.
constexpr int kHeuristicLevel = 20;
// Every item copies its whole heading path (sections, id, question), so an unbounded path
// makes output grow with (headings x items): 4,000 short lines above the first numbered
// heading, each numbered heading then followed by one sentence, took 1 GiB from 200 KB of
// text. Real documents have a title of a few lines and chapter/section runs of two or three;
// lines beyond these caps are read as body text instead.
constexpr size_t kMaxTitleLines = 4;
constexpr size_t kMaxHeuristicRun = 6;
// A Markdown heading is a heading only up to this many code points; a longer '#' line is body
// text, for the same reason (each passage under it would copy it).
constexpr size_t kMaxMarkdownHeadingChars = 4 * kMaxHeadingChars;
// Title lines above the first explicit heading: outermost, never closed.
constexpr int kTitleLevel = 0;
// Hostile-PDF bounds: pages read and text kept.
constexpr int kMaxPdfPages = 10'000;
constexpr size_t kMaxPdfText = 64u << 20;
// docx bounds: largest XML part parsed, deepest element nesting followed.
constexpr std::uint64_t kMaxDocxPartBytes = 64u << 20;
constexpr int kMaxDocxDepth = 64;

constexpr int kBody = -1;    // certainly body text
constexpr int kUnknown = 0;  // body or heading, decided by what follows

struct Para {
  std::string text;
  int level = kUnknown;  // > 0: heading of that level
  int index = 0;         // line (text) or paragraph (docx) index, for Item::row
};

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
}

// Trims ASCII whitespace and the ideographic space U+3000.
std::string_view Trim(std::string_view s) {
  constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
  while (true) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' ||
                       s.front() == '\f' || s.front() == '\v')) {
      s.remove_prefix(1);
    } else if (s.starts_with(kIdeographicSpace)) {
      s.remove_prefix(3);
    } else {
      break;
    }
  }
  while (true) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' ||
                       s.back() == '\f' || s.back() == '\v')) {
      s.remove_suffix(1);
    } else if (s.ends_with(kIdeographicSpace)) {
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  return s;
}

// Last code point of `s`, skipping closing brackets and quotes (a sentence may end "…。」").
UChar32 LastSignificant(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = static_cast<int32_t>(s.size());
  while (i > 0) {
    UChar32 c;
    U8_PREV(p, 0, i, c);
    switch (c) {
      case ')':
      case ']':
      case '"':
      case '\'':
      case 0x300D:
      case 0x300F:
      case 0xFF09:
      case 0x3011:
      case 0xFF3D:  // 」』）】］
        continue;
      default:
        return c;
    }
  }
  return 0;
}

bool EndsSentence(std::string_view s) {
  switch (LastSignificant(s)) {
    case 0x3002:
    case 0xFF0E:
    case '.':  // 。．.
    case ':':
    case 0xFF1A:  // :：
    case 0x3001:
    case ',':
    case 0xFF0C:  // 、,，
    case ';':
    case 0xFF1B:
    case '!':
    case 0xFF01:
    case '?':
    case 0xFF1F:
      return true;
    default:
      return false;
  }
}

bool IsHeadingLike(std::string_view s) {
  if (s.empty() || EndsSentence(s)) return false;
  size_t limit = IsAscii(s) ? 2 * kMaxHeadingChars : kMaxHeadingChars;
  return CodePoints(s) <= limit;
}

// Reads one digit (ASCII or fullwidth) at `s[i]`; advances `i`.
bool ConsumeDigit(std::string_view s, size_t& i) {
  if (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    ++i;
    return true;
  }
  if (s.substr(i).size() >= 3 && s.substr(i, 2) == "\xEF\xBC" &&
      static_cast<unsigned char>(s[i + 2]) >= 0x90 &&
      static_cast<unsigned char>(s[i + 2]) <= 0x99) {
    i += 3;
    return true;
  }
  return false;
}

bool ConsumeAny(std::string_view s, size_t& i, std::initializer_list<std::string_view> options) {
  for (std::string_view o : options) {
    if (s.substr(i).starts_with(o)) {
      i += o.size();
      return true;
    }
  }
  return false;
}

enum class QaMark { kNone, kQuestion, kAnswer };

// A question or answer marker at the start of a FAQ line — "Q1.", "Q:", "Ｑ．", "【質問】",
// "問3 ", "A1.", "回答：", "[A]" — and the bytes it takes (with the spaces after it). A bare
// letter or kanji needs a number, a bracket or a separator after it, so that "A backup …" or
// 「回答します」 are no markers.
QaMark ReadQaMarker(std::string_view s, size_t* length) {
  for (QaMark kind : {QaMark::kQuestion, QaMark::kAnswer}) {
    size_t i = 0;
    // A bullet or Markdown emphasis may open the line: "■Q1.", "**Q:**", "- Q.".
    ConsumeAny(s, i, {"**", "■", "●", "◆", "・", "- ", "* "});
    const bool bracket = ConsumeAny(s, i, {"【", "[", "［"});
    const bool word =
        kind == QaMark::kQuestion ? ConsumeAny(s, i, {"質問"}) : ConsumeAny(s, i, {"回答"});
    if (!word && !(kind == QaMark::kQuestion ? ConsumeAny(s, i, {"Q", "Ｑ", "q", "問"})
                                             : ConsumeAny(s, i, {"A", "Ａ", "a", "答"}))) {
      continue;
    }
    bool digits = false;
    while (ConsumeDigit(s, i)) digits = true;
    bool closed = bracket && ConsumeAny(s, i, {"】", "]", "］"});
    if (bracket && !closed) continue;
    const bool separator = ConsumeAny(s, i, {".", "．", ":", "：", ")", "）", "、"});
    ConsumeAny(s, i, {"**"});
    const bool space = ConsumeAny(s, i, {" ", "　"});
    if (!(closed || separator || (digits && space))) continue;
    while (ConsumeAny(s, i, {" ", "　"})) {
    }
    if (i >= s.size()) continue;  // a marker with nothing after it
    *length = i;
    return kind;
  }
  return QaMark::kNone;
}

// Level of a numbered heading ("第2章", "第3条（目的）", "1.", "1.2 目的", "（1）"), or 0 when the
// line does not start with a heading number.
int NumberedLevel(std::string_view s) {
  size_t i = 0;
  if (ConsumeAny(s, i, {"第"})) {
    size_t digits = 0;
    while (ConsumeDigit(s, i) ||
           ConsumeAny(s, i,
                      {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百"})) {
      ++digits;
    }
    if (digits == 0) return 0;
    static const std::pair<std::string_view, int> kUnits[] = {
        {"編", 1}, {"部", 1}, {"章", 2}, {"節", 3}, {"条", 4}, {"項", 5}, {"款", 5}};
    for (const auto& [unit, level] : kUnits) {
      if (s.substr(i).starts_with(unit)) return level;
    }
    return 0;
  }
  if (ConsumeAny(s, i, {"(", "（"})) {
    if (!ConsumeDigit(s, i)) return 0;
    while (ConsumeDigit(s, i)) {
    }
    return ConsumeAny(s, i, {")", "）"}) && i < s.size() ? 7 : 0;
  }
  // Dotted numbers: the count of groups is the depth.
  int groups = 0;
  while (true) {
    size_t group_start = i;
    if (!ConsumeDigit(s, i)) {
      i = group_start;
      break;
    }
    while (ConsumeDigit(s, i)) {
    }
    ++groups;
    size_t after_number = i;
    size_t peek = i;
    if (ConsumeAny(s, peek, {".", "．"}) && ConsumeDigit(s, peek)) {
      ConsumeAny(s, i, {".", "．"});
      continue;
    }
    i = after_number;
    break;
  }
  if (groups == 0) return 0;
  if (ConsumeAny(s, i, {")", "）"})) return i < s.size() ? 7 : 0;
  bool had_dot = ConsumeAny(s, i, {".", "．"});
  bool space = ConsumeAny(s, i, {" ", "\xE3\x80\x80"});
  if (!had_dot && !space) return 0;  // "2025年…" or "3時間" are not headings
  if (Trim(s.substr(i)).empty()) return 0;
  return std::min(groups, 6);
}

bool IsMarkdownHeading(std::string_view s, int& level, std::string_view& title) {
  size_t n = 0;
  while (n < s.size() && s[n] == '#') ++n;
  if (n == 0 || n > 6 || n >= s.size() || s[n] != ' ') return false;
  title = Trim(s.substr(n + 1));
  while (title.ends_with('#')) title.remove_suffix(1);
  title = Trim(title);
  level = static_cast<int>(n);
  return !title.empty();
}

bool IsRule(std::string_view s) {
  if (s.size() < 3) return false;
  char c = s[0];
  if (c != '-' && c != '*' && c != '_' && c != '=') return false;
  return std::all_of(s.begin(), s.end(), [c](char x) { return x == c || x == ' '; });
}

bool IsTableSeparator(std::string_view s) {
  return s.starts_with('|') && std::all_of(s.begin(), s.end(), [](char c) {
           return c == '|' || c == '-' || c == ':' || c == ' ';
         });
}

bool IsListOrTable(std::string_view s) {
  for (std::string_view p : {"- ", "* ", "+ ", "|", "> ", "・", "•", "●", "■", "□", "◆", "※"}) {
    if (s.starts_with(p)) return true;
  }
  return false;
}

// One line of text into a paragraph, or nothing for blank lines and decoration.
std::vector<Para> ParagraphsFromText(std::string_view utf8) {
  std::vector<Para> paras;
  bool markdown = false;
  {
    // Markdown mode when any line is an ATX heading: then only '#' lines are headings, since
    // numbered and short lines in Markdown are list items and emphasis.
    size_t start = 0;
    while (start < utf8.size()) {
      size_t end = utf8.find('\n', start);
      if (end == std::string_view::npos) end = utf8.size();
      int level;
      std::string_view title;
      if (IsMarkdownHeading(Trim(utf8.substr(start, end - start)), level, title)) {
        markdown = true;
        break;
      }
      start = end + 1;
    }
  }
  bool in_code = false;
  size_t start = 0;
  int line_no = 0;
  while (start < utf8.size()) {
    size_t end = utf8.find('\n', start);
    if (end == std::string_view::npos) end = utf8.size();
    std::string_view line = Trim(utf8.substr(start, end - start));
    const int index = line_no++;
    start = end + 1;
    if (line.starts_with("```")) {
      in_code = !in_code;
      continue;
    }
    if (line.empty()) continue;
    Para p;
    p.index = index;
    p.text.assign(line);
    int level = 0;
    std::string_view title;
    if (in_code) {
      p.level = kBody;
    } else if (markdown) {
      if (IsRule(line) || IsTableSeparator(line)) continue;
      if (IsMarkdownHeading(line, level, title) && CodePoints(title) <= kMaxMarkdownHeadingChars) {
        p.level = level;
        p.text.assign(title);
      } else {
        p.level = kBody;
      }
    } else if (IsListOrTable(line)) {
      p.level = kBody;
    } else if ((level = NumberedLevel(line)) > 0 && IsHeadingLike(line)) {
      p.level = level;
    } else {
      p.level = IsHeadingLike(line) ? kUnknown : kBody;
    }
    paras.push_back(std::move(p));
  }
  return paras;
}

struct Heading {
  int level;
  std::string text;
};

class PassageBuilder {
 public:
  explicit PassageBuilder(const std::string& path) : base_(BaseName(path)) {
    out_.path = path;
    out_.format = SourceFormat::kProse;
  }

  void Build(const std::vector<Para>& paras) {
    // A FAQ (「Q1. …」 then 「A1. …」) gives question-and-answer items rather than passages,
    // once the document has at least two of each marker.
    int questions = 0;
    int answers = 0;
    for (const Para& p : paras) {
      size_t length = 0;
      const QaMark mark = p.level <= 0 ? ReadQaMarker(p.text, &length) : QaMark::kNone;
      questions += mark == QaMark::kQuestion;
      answers += mark == QaMark::kAnswer;
    }
    const bool faq = questions >= 2 && answers >= 2;
    size_t i = 0;
    while (i < paras.size()) {
      const Para& p = paras[i];
      if (faq && p.level <= 0) {
        const size_t next = TakeQuestionAndAnswer(paras, i);
        if (next > i) {
          i = next;
          continue;
        }
      }
      if (p.level > 0) {
        Flush();
        PushExplicit(p.level, p.text);
        ++i;
        continue;
      }
      if (p.level == kUnknown) {
        // A run of heading-like lines; they are headings only if body text follows.
        size_t j = i;
        while (j + 1 < paras.size() && paras[j + 1].level == kUnknown) ++j;
        // paras[i..j] are heading-like; what follows paras[j] decides.
        bool body_follows = j + 1 < paras.size() && paras[j + 1].level == kBody;
        bool explicit_follows = j + 1 < paras.size() && paras[j + 1].level > 0;
        if (explicit_follows && stack_.empty() && out_.items.empty() && body_.empty()) {
          // Lines above the first numbered or styled heading are the document's title; they
          // stay outermost whatever levels the explicit headings have.
          // Lines past kMaxTitleLines are body under the title (bounded heading path).
          for (size_t k = i; k <= j; ++k) {
            if (k - i < kMaxTitleLines) {
              stack_.push_back({kTitleLevel, paras[k].text});
            } else {
              AddBody(paras[k]);
            }
          }
          i = j + 1;
          continue;
        }
        if (body_follows) {
          // Only the last kMaxHeuristicRun lines of a long run become headings (bounded
          // heading path); the lines before them are body under the current headings.
          const size_t first = j + 1 - std::min(j + 1 - i, kMaxHeuristicRun);
          for (size_t k = i; k < first; ++k) AddBody(paras[k]);
          Flush();
          PushHeuristicRun(paras, first, j + 1);
          i = j + 1;
          continue;
        }
        for (size_t k = i; k <= j; ++k) AddBody(paras[k]);
        i = j + 1;
        continue;
      }
      AddBody(p);
      ++i;
    }
    Flush();
  }

  Questionnaire Take() { return std::move(out_); }

 private:
  static QaMark MarkOf(const Para& p, size_t* length) {
    *length = 0;
    return p.level > 0 ? QaMark::kNone : ReadQaMarker(p.text, length);
  }

  // If paras[i] opens a question that an answer marker later answers, emits that pair as one
  // item and returns the index after it; else returns i. The question runs until the answer
  // marker; the answer until the next question, an explicit heading, or a heading-like line
  // directly before a question (a FAQ's section title).
  size_t TakeQuestionAndAnswer(const std::vector<Para>& paras, size_t i) {
    size_t length = 0;
    if (MarkOf(paras[i], &length) != QaMark::kQuestion) return i;
    std::string question(paras[i].text.substr(length));
    size_t j = i + 1;
    for (; j < paras.size(); ++j) {
      size_t l = 0;
      const QaMark mark = MarkOf(paras[j], &l);
      if (paras[j].level > 0 || mark != QaMark::kNone) break;
      question += " " + paras[j].text;
    }
    size_t answer_length = 0;
    if (j >= paras.size() || MarkOf(paras[j], &answer_length) != QaMark::kAnswer) return i;
    std::string answer(paras[j].text.substr(answer_length));
    size_t k = j + 1;
    for (; k < paras.size(); ++k) {
      size_t l = 0;
      if (paras[k].level > 0 || MarkOf(paras[k], &l) == QaMark::kQuestion) break;
      if (paras[k].level == kUnknown && k + 1 < paras.size() &&
          MarkOf(paras[k + 1], &l) == QaMark::kQuestion) {
        break;
      }
      answer += "\n" + paras[k].text;
    }
    Flush();
    Item item;
    item.kind = ItemKind::kQuestion;
    item.sheet = base_;
    item.row = paras[i].index;
    std::string path_text;
    for (const auto& h : stack_) {
      item.sections.push_back(h.text);
      path_text += (path_text.empty() ? "" : " > ") + h.text;
    }
    item.question = question;
    item.question_parts = {question};
    item.answer = answer;
    item.number = std::to_string(++faq_count_);
    item.id = "§ " + (path_text.empty() ? base_ : path_text) + " Q" + item.number;
    out_.items.push_back(std::move(item));
    // A heading-like line before the next question is that group's heading.
    if (k < paras.size() && paras[k].level == kUnknown) {
      size_t l = 0;
      if (k + 1 < paras.size() && MarkOf(paras[k + 1], &l) == QaMark::kQuestion) {
        PushHeuristicRun(paras, k, k + 1);
        ++k;
      }
    }
    return k;
  }

  void PushExplicit(int level, const std::string& text) {
    while (!stack_.empty() && stack_.back().level >= level && stack_.back().level != kTitleLevel) {
      stack_.pop_back();
    }
    stack_.push_back({level, text});
  }

  void PushHeuristicRun(const std::vector<Para>& paras, size_t begin, size_t end) {
    if (end - begin == 1) {
      // A lone heading is a sibling of the previous heuristic heading.
      int level = kHeuristicLevel;
      if (!stack_.empty() && stack_.back().level >= kHeuristicLevel) level = stack_.back().level;
      PushExplicit(level, paras[begin].text);
      return;
    }
    // Several heading lines in a row start a new chapter of heuristic headings.
    while (!stack_.empty() && stack_.back().level >= kHeuristicLevel) stack_.pop_back();
    for (size_t k = begin; k < end; ++k) {
      stack_.push_back({kHeuristicLevel + static_cast<int>(k - begin), paras[k].text});
    }
  }

  void AddBody(const Para& p) {
    size_t chars = CodePoints(p.text);
    if (!body_.empty() && body_chars_ + chars > kPassageChars) Flush();
    if (body_.empty()) first_index_ = p.index;
    body_.push_back(p.text);
    body_chars_ += chars;
  }

  void Flush() {
    if (body_.empty()) return;
    Item item;
    item.kind = ItemKind::kPassage;
    item.sheet = base_;
    item.row = first_index_;
    std::string path_text;
    for (const auto& h : stack_) {
      item.sections.push_back(h.text);
      if (!path_text.empty()) path_text += " > ";
      path_text += h.text;
    }
    item.question = stack_.empty() ? base_ : stack_.back().text;
    if (path_text.empty()) path_text = base_;
    item.question_parts = {item.question};
    std::string id = "§ " + path_text;
    int& seen = id_counts_[id];
    ++seen;
    item.id = seen == 1 ? id : id + " #" + std::to_string(seen);
    for (size_t k = 0; k < body_.size(); ++k) {
      if (k > 0) item.answer.push_back('\n');
      item.answer += body_[k];
    }
    out_.items.push_back(std::move(item));
    body_.clear();
    body_chars_ = 0;
  }

  std::string base_;
  Questionnaire out_;
  std::vector<Heading> stack_;
  std::vector<std::string> body_;
  size_t body_chars_ = 0;
  int first_index_ = 0;
  std::map<std::string, int> id_counts_;
  int faq_count_ = 0;
};

Questionnaire BuildPassages(const std::vector<Para>& paras, const std::string& path) {
  PassageBuilder builder(path);
  builder.Build(paras);
  return builder.Take();
}

void IgnorePopplerMessage(const std::string&, void*) {}

// Heading level of a paragraph style name: "Title" 1, "heading N" / "見出し N" N+1, else 0.
int LevelOfStyleName(std::string_view name) {
  std::string lower;
  for (char c : name)
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (lower == "title" || lower == "表題") return 1;
  std::string_view rest;
  for (std::string_view prefix : {"heading", "見出し"}) {
    if (std::string_view(lower).starts_with(prefix)) {
      rest = Trim(std::string_view(lower).substr(prefix.size()));
      size_t i = 0;
      int n = 0;
      while (i < rest.size() && rest[i] >= '0' && rest[i] <= '9' && n < 100)
        n = n * 10 + (rest[i++] - '0');
      if (i == 0) {
        // Fullwidth digit: 見出し１.
        if (ConsumeDigit(rest, i)) n = static_cast<unsigned char>(rest[2]) - 0x90;
      }
      if (i > 0 && i == rest.size() && n >= 1 && n <= 9) return n + 1;
    }
  }
  return 0;
}

// styleId -> heading level from word/styles.xml. Word stores localized style ids ("1" for
// 見出し 1 in Japanese Word), so the style's name and outline level decide, not its id.
std::map<std::string, int> DocxStyleLevels(const std::string& xml) {
  std::map<std::string, int> levels;
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size())) return levels;  // styles are optional help
  for (pugi::xml_node style : doc.child("w:styles").children("w:style")) {
    if (std::string_view(style.attribute("w:type").value()) != "paragraph") continue;
    std::string id = style.attribute("w:styleId").value();
    int level = LevelOfStyleName(style.child("w:name").attribute("w:val").value());
    if (level == 0) level = LevelOfStyleName(id);
    pugi::xml_node outline = style.child("w:pPr").child("w:outlineLvl");
    if (level == 0 && outline) {
      int v = outline.attribute("w:val").as_int(9);
      if (v >= 0 && v < 9) level = v + 2;
    }
    if (level > 0) levels[id] = level;
  }
  return levels;
}

// Walks w:body in document order into paragraphs: w:p directly, w:tbl cells as body text,
// w:sdt content transparently.
class DocxWalker {
 public:
  explicit DocxWalker(const std::map<std::string, int>& style_levels)
      : style_levels_(style_levels) {}

  void Walk(pugi::xml_node parent, bool in_table, int depth) {
    if (depth > kMaxDocxDepth) return;  // hostile nesting; real documents nest a few levels
    for (pugi::xml_node node : parent.children()) {
      std::string_view name = node.name();
      if (name == "w:p") {
        AddParagraph(node, in_table);
      } else if (name == "w:tbl" || name == "w:tr" || name == "w:tc") {
        Walk(node, /*in_table=*/true, depth + 1);
      } else if (name == "w:sdt" || name == "w:sdtContent" || name == "w:customXml") {
        Walk(node, in_table, depth + 1);
      }
    }
  }

  std::vector<Para> Take() { return std::move(paras_); }

 private:
  void AddParagraph(pugi::xml_node p, bool in_table) {
    std::string text;
    AppendRuns(p, text, 0);
    std::string_view trimmed = Trim(text);
    int index = next_index_++;
    if (trimmed.empty()) return;
    Para para;
    para.index = index;
    para.text.assign(trimmed);
    int level = 0;
    pugi::xml_node ppr = p.child("w:pPr");
    if (!in_table) {
      auto it = style_levels_.find(ppr.child("w:pStyle").attribute("w:val").value());
      if (it != style_levels_.end()) {
        level = it->second;
      } else {
        level = LevelOfStyleName(ppr.child("w:pStyle").attribute("w:val").value());
      }
      if (level == 0 && ppr.child("w:outlineLvl")) {
        int v = ppr.child("w:outlineLvl").attribute("w:val").as_int(9);
        if (v >= 0 && v < 9) level = v + 2;
      }
    }
    // A styled heading is a heading only up to the Markdown bound: every passage under it
    // copies it, so a megabyte "heading" would multiply (see kMaxMarkdownHeadingChars).
    if (level > 0 && CodePoints(trimmed) > kMaxMarkdownHeadingChars) level = 0;
    if (level > 0) {
      para.level = level;
    } else if (in_table || ppr.child("w:numPr") || IsListOrTable(trimmed)) {
      para.level = kBody;  // table cells and list items are content
    } else if (NumberedLevel(trimmed) > 0 && IsHeadingLike(trimmed)) {
      para.level = NumberedLevel(trimmed);
    } else {
      para.level = IsHeadingLike(trimmed) ? kUnknown : kBody;
    }
    paras_.push_back(std::move(para));
  }

  // Text of runs, hyperlinks, insertions and fields inside one paragraph; deleted text
  // (w:del, w:delText) is not part of the document as it reads.
  void AppendRuns(pugi::xml_node node, std::string& out, int depth) {
    if (depth > kMaxDocxDepth) return;
    for (pugi::xml_node child : node.children()) {
      std::string_view name = child.name();
      if (name == "w:t") {
        // pugixml passes malformed UTF-8 through; what kotae writes out must be valid.
        out.append(xlsx::SanitizeXmlText(child.text().get()));
      } else if (name == "w:tab") {
        out.push_back(' ');
      } else if (name == "w:br" || name == "w:cr") {
        out.push_back('\n');
      } else if (name == "w:del" || name == "w:pPr" || name == "w:rPr" || name == "w:delText" ||
                 name == "w:instrText") {
        continue;
      } else if (child.type() == pugi::node_element) {
        AppendRuns(child, out, depth + 1);
      }
    }
  }

  const std::map<std::string, int>& style_levels_;
  std::vector<Para> paras_;
  int next_index_ = 0;
};

}  // namespace

Result<Questionnaire> ReadProseText(std::string_view utf8, const std::string& path) {
  return BuildPassages(ParagraphsFromText(utf8), path);
}

Result<Questionnaire> ReadPdf(const std::string& bytes, const std::string& path) {
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) {
    return Status::InvalidInput(path + ": PDF is too large");
  }
  // poppler reports parse problems on stderr; kotae reports them as one Status line instead.
  poppler::set_debug_error_function(IgnorePopplerMessage, nullptr);
  std::string text;
  try {
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) return Status::InvalidInput(path + ": not a readable PDF");
    if (doc->is_locked()) return Status::InvalidInput(path + ": PDF is password-protected");
    int pages = doc->pages();
    if (pages > kMaxPdfPages) {
      return Status::InvalidInput(path + ": PDF has " + std::to_string(pages) +
                                  " pages, over the limit of " + std::to_string(kMaxPdfPages));
    }
    for (int i = 0; i < pages; ++i) {
      std::unique_ptr<poppler::page> page(doc->create_page(i));
      if (!page) continue;
      poppler::byte_array utf8 = page->text().to_utf8();
      text.append(utf8.begin(), utf8.end());
      text.push_back('\n');
      if (text.size() > kMaxPdfText) {
        return Status::InvalidInput(path + ": PDF text is over " +
                                    std::to_string(kMaxPdfText >> 20) + " MiB");
      }
    }
  } catch (const std::exception& e) {
    return Status::InvalidInput(path + ": PDF could not be read: " + e.what());
  }
  // poppler separates lines with '\n' and sometimes form feeds between blocks.
  std::replace(text.begin(), text.end(), '\f', '\n');
  std::vector<Para> paras = ParagraphsFromText(text);
  // Page numbers on their own line are furniture, not content.
  std::erase_if(paras, [](const Para& p) {
    return std::all_of(p.text.begin(), p.text.end(),
                       [](char c) { return (c >= '0' && c <= '9') || c == ' ' || c == '-'; });
  });
  return BuildPassages(paras, path);
}

Result<Questionnaire> ReadDocx(std::string bytes, const std::string& path) {
  // A policy document's XML is a few MiB at most; a DOM of a bigger part would cost many times
  // its size in memory.
  ZipLimits limits;
  limits.max_entry_bytes = kMaxDocxPartBytes;
  KOTAE_ASSIGN_OR_RETURN(ZipArchive zip, ZipArchive::Open(std::move(bytes), path, limits));
  std::map<std::string, int> style_levels;
  if (zip.Has("word/styles.xml")) {
    KOTAE_ASSIGN_OR_RETURN(std::string styles, zip.Read("word/styles.xml"));
    style_levels = DocxStyleLevels(styles);
  }
  KOTAE_ASSIGN_OR_RETURN(std::string document, zip.Read("word/document.xml"));
  pugi::xml_document doc;
  // parse_default expands no DTD or external entities; nothing is fetched or inflated.
  pugi::xml_parse_result parsed = doc.load_buffer(document.data(), document.size());
  if (!parsed) {
    return Status::InvalidInput(path + ": word/document.xml: " + parsed.description());
  }
  pugi::xml_node body = doc.child("w:document").child("w:body");
  if (!body) return Status::InvalidInput(path + ": word/document.xml has no w:body");
  DocxWalker walker(style_levels);
  walker.Walk(body, /*in_table=*/false, 0);
  return BuildPassages(walker.Take(), path);
}

}  // namespace kotae::sheet
