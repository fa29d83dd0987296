// Layout detection. The approach, in the order DetectItems runs it:
//
//  1. Header: the row (among the first kHeaderScanRows) whose short cells match the most
//     header vocabulary (No./項番, 分類/Category, 質問/Question, 回答/Response, 備考/Comments,
//     測定単位, 必須/選択 …); a matching row just above or below joins it as a two-row header.
//     With no header, column fill statistics choose the question and answer columns.
//  2. Column roles: item number (header or mostly number-like cells), heading/question parts
//     (every text column left of the answer area), unit, required/optional marker, answer,
//     choice (a list validation, a ○/× or Yes/No hint, or a handful of short values) and
//     remarks.
//  3. Rows, top to bottom: repeated headers and title lines are skipped; rows holding a single
//     heading cell are sections; a row with its own question text is an item; a row with only
//     answer text extends the previous item's answer.
//
// Question parts form a hierarchy from left to right: a row inherits the previous item's cells
// left of its own first text cell. That single rule covers categories given once (blank or
// merged below), numbered rows whose category is left blank, and continuation rows that carry
// a sub-question under their parent's headings. Section rows cut the inheritance.
#include "sheet/layout.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kotae::sheet {
namespace {

constexpr int kHeaderScanRows = 200;        // header rows sit near the top, below instructions
constexpr int kStatRows = 2000;             // data rows sampled for column statistics
constexpr int kMaxColumns = 16384;          // the xlsx column limit
constexpr size_t kMaxHeaderCellBytes = 80;  // header cells are labels, not sentences
constexpr int64_t kMaxMergeArea = 10000;    // larger merges are decoration; not indexed
constexpr size_t kMaxIndexedMergeCells = 1'000'000;

enum class Role {
  kNone,
  kNumber,
  kCategory,
  kQuestion,
  kDetail,
  kUnit,
  kMarker,
  kAnswer,
  kRemarks
};

struct Keyword {
  std::string_view text;  // normalised (see NormKey)
  Role role;
};

// Header vocabulary. On overlapping matches the longest keyword wins ("実施内容" is an answer
// although it contains the question word "内容"); on equal length the earlier entry wins, so
// answer and remarks words come first.
constexpr Keyword kKeywords[] = {
    // answer
    {"事業者回答", Role::kAnswer},
    {"回答欄", Role::kAnswer},
    {"回答", Role::kAnswer},
    {"ご回答", Role::kAnswer},
    {"実施内容", Role::kAnswer},
    {"実施状況", Role::kAnswer},
    {"対応状況", Role::kAnswer},
    {"対応可否", Role::kAnswer},
    {"結果", Role::kAnswer},
    {"記入欄", Role::kAnswer},
    {"チェック欄", Role::kAnswer},
    {"response", Role::kAnswer},
    {"responses", Role::kAnswer},
    {"answer", Role::kAnswer},
    {"answers", Role::kAnswer},
    {"yes/no", Role::kAnswer},
    {"y/n", Role::kAnswer},
    {"○/×", Role::kAnswer},
    {"○×", Role::kAnswer},
    {"はい/いいえ", Role::kAnswer},
    {"有/無", Role::kAnswer},
    {"status", Role::kAnswer},
    // remarks
    {"備考", Role::kRemarks},
    {"補足", Role::kRemarks},
    {"補足説明", Role::kRemarks},
    {"特記事項", Role::kRemarks},
    {"コメント", Role::kRemarks},
    {"comment", Role::kRemarks},
    {"comments", Role::kRemarks},
    {"note", Role::kRemarks},
    {"notes", Role::kRemarks},
    {"remarks", Role::kRemarks},
    {"remark", Role::kRemarks},
    {"additional information", Role::kRemarks},
    {"additional info", Role::kRemarks},
    {"additional details", Role::kRemarks},
    {"explanation", Role::kRemarks},
    {"根拠", Role::kRemarks},
    {"根拠資料", Role::kRemarks},
    {"エビデンス", Role::kRemarks},
    {"evidence", Role::kRemarks},
    // unit
    {"測定単位", Role::kUnit},
    {"単位", Role::kUnit},
    {"unit", Role::kUnit},
    {"units", Role::kUnit},
    // required/optional marker
    {"必須/選択", Role::kMarker},
    {"必須・選択", Role::kMarker},
    {"必須", Role::kMarker},
    {"required", Role::kMarker},
    {"mandatory", Role::kMarker},
    // item number
    {"no", Role::kNumber},
    {"no.", Role::kNumber},
    {"#", Role::kNumber},
    {"項番", Role::kNumber},
    {"番号", Role::kNumber},
    {"通番", Role::kNumber},
    {"id", Role::kNumber},
    {"question id", Role::kNumber},
    {"control id", Role::kNumber},
    {"ref", Role::kNumber},
    {"ref.", Role::kNumber},
    {"item #", Role::kNumber},
    // question
    {"質問", Role::kQuestion},
    {"質問事項", Role::kQuestion},
    {"質問内容", Role::kQuestion},
    {"設問", Role::kQuestion},
    {"question", Role::kQuestion},
    {"questions", Role::kQuestion},
    {"チェック内容", Role::kQuestion},
    {"チェック項目", Role::kQuestion},
    {"確認事項", Role::kQuestion},
    {"確認内容", Role::kQuestion},
    {"確認項目", Role::kQuestion},
    {"要求事項", Role::kQuestion},
    {"対策要件", Role::kQuestion},
    {"管理策", Role::kQuestion},
    {"内容", Role::kQuestion},
    {"項目例", Role::kQuestion},
    {"control", Role::kQuestion},
    {"requirement", Role::kQuestion},
    {"requirements", Role::kQuestion},
    // detail
    {"規定内容", Role::kDetail},
    {"詳細", Role::kDetail},
    {"説明", Role::kDetail},
    {"要件", Role::kDetail},
    {"description", Role::kDetail},
    {"detail", Role::kDetail},
    {"details", Role::kDetail},
    // category / heading
    {"分類", Role::kCategory},
    {"カテゴリ", Role::kCategory},
    {"カテゴリー", Role::kCategory},
    {"category", Role::kCategory},
    {"区分", Role::kCategory},
    {"種別", Role::kCategory},
    {"項目", Role::kCategory},
    {"大項目", Role::kCategory},
    {"中項目", Role::kCategory},
    {"小項目", Role::kCategory},
    {"領域", Role::kCategory},
    {"domain", Role::kCategory},
    {"section", Role::kCategory},
    {"topic", Role::kCategory},
};

// Values that mark a row as required/optional in MIC-style sheets; the answer follows them.
constexpr std::string_view kMarkerValues[] = {"必須",     "選択",     "任意",     "必須項目",
                                              "選択項目", "required", "optional", "mandatory"};

// Tokens that make a "/"-separated header hint an option list ("回答（○/×）", "Yes/No/N/A").
constexpr std::string_view kOptionTokens[] = {
    "○",    "×",    "△",      "－",       "-",      "yes", "no", "n/a", "na", "有", "無",  "有り",
    "無し", "はい", "いいえ", "該当なし", "対象外", "済",  "未", "y",   "n",  "可", "不可"};

// Header labels of option columns that a sheet answers by marking one of them, with their
// polarity: +1 yes, -1 no, 0 neither ("該当なし", "△").
struct MarkLabel {
  std::string_view text;  // normalised
  int polarity;
};
constexpr MarkLabel kMarkLabels[] = {
    {"はい", 1}, {"いいえ", -1},  {"yes", 1},      {"no", -1},       {"n/a", 0},
    {"na", 0},   {"該当なし", 0}, {"対象外", 0},   {"○", 1},         {"×", -1},
    {"△", 0},    {"有", 1},       {"無", -1},      {"有り", 1},      {"無し", -1},
    {"あり", 1}, {"なし", -1},    {"実施", 1},     {"未実施", -1},   {"一部実施", 0},
    {"対応", 1}, {"未対応", -1},  {"一部対応", 0}, {"対応済", 1},    {"対応済み", 1},
    {"可", 1},   {"不可", -1},    {"partial", 0},  {"partially", 0}, {"not applicable", 0}};

// --- UTF-8 helpers. Hand-written because the sheet module must not depend on text/ and only
// a handful of code points (spaces, full-width ASCII, brackets) matter here. ---

// Decodes one code point at `i` (advancing it); invalid bytes decode as themselves.
char32_t NextCodePoint(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  if (extra == 0 || i + static_cast<size_t>(extra) >= s.size()) {
    ++i;
    return c;
  }
  char32_t cp = c & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
    if ((cc & 0xC0) != 0x80) {
      ++i;
      return c;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += static_cast<size_t>(extra) + 1;
  return cp;
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool IsSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x3000 || cp == 0xA0;
}

std::string Trim(std::string_view s) {
  size_t begin = 0;
  size_t end = s.size();
  while (begin < end) {
    size_t i = begin;
    if (!IsSpace(NextCodePoint(s, i))) break;
    begin = i;
  }
  while (end > begin) {
    size_t back = end - 1;
    while (back > begin && (static_cast<unsigned char>(s[back]) & 0xC0) == 0x80) --back;
    size_t i = back;
    if (!IsSpace(NextCodePoint(s, i))) break;
    end = back;
  }
  return std::string(s.substr(begin, end - begin));
}

// Lower-case ASCII, full-width ASCII folded to ASCII, brackets and runs of spaces turned into
// one space, trimmed. Used to compare header labels and values, never for output.
std::string NormKey(std::string_view s) {
  std::string out;
  bool pending_space = false;
  for (size_t i = 0; i < s.size();) {
    char32_t cp = NextCodePoint(s, i);
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
    if (cp == 0xFF0F) cp = '/';
    if (cp >= 'A' && cp <= 'Z') cp = cp - 'A' + 'a';
    bool bracket = cp == '(' || cp == ')' || cp == '[' || cp == ']' || cp == 0x3010 ||
                   cp == 0x3011 || cp == 0x300C || cp == 0x300D || cp == 0x300E || cp == 0x300F ||
                   cp == ':' || cp == '*' || cp == 0x203B;
    if (IsSpace(cp) || bracket) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    AppendUtf8(out, cp);
  }
  return out;
}

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Role of a header label; `match_len` receives the length of the winning keyword.
Role ClassifyHeader(const std::string& key, size_t* match_len = nullptr) {
  Role best = Role::kNone;
  size_t best_len = 0;
  if (key.empty() || key.size() > kMaxHeaderCellBytes) return best;
  for (const Keyword& kw : kKeywords) {
    bool ascii = static_cast<unsigned char>(kw.text[0]) < 0x80;
    for (size_t pos = key.find(kw.text); pos != std::string::npos;
         pos = key.find(kw.text, pos + 1)) {
      // English words match whole words only ("no" is not in "notes").
      if (ascii) {
        size_t end = pos + kw.text.size();
        if ((pos > 0 && IsAsciiAlnum(key[pos - 1])) || (end < key.size() && IsAsciiAlnum(key[end])))
          continue;
      }
      if (kw.text.size() > best_len) {
        best = kw.role;
        best_len = kw.text.size();
      }
      break;
    }
  }
  if (match_len) *match_len = best_len;
  return best;
}

// "1", "12.", "6.1.1", "A.5.1", "IAM-01", "A&A-01.1", "Q3", "(2)": an item number or id.
bool LooksLikeNumber(std::string_view raw) {
  std::string s = NormKey(raw);
  if (s.empty() || s.size() > 20) return false;
  while (!s.empty() && (s.back() == '.' || s.back() == ')')) s.pop_back();
  size_t i = 0;
  size_t letters = 0;
  while (i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || s[i] == '&')) {
    ++i;
    ++letters;
  }
  if (letters > 10) return false;
  if (letters > 0 && i < s.size() && (s[i] == '-' || s[i] == '.' || s[i] == ' ')) ++i;
  size_t digits_start = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == digits_start) return false;
  while (i < s.size()) {
    if (s[i] != '.' && s[i] != '-') return false;
    ++i;
    size_t part = i;
    while (i < s.size() && IsAsciiAlnum(s[i])) ++i;
    if (i == part) return false;
  }
  return true;
}

// The control id that opens a cell like "6.1.1 情報セキュリティの役割及び責任", or "".
std::string LeadingId(std::string_view text) {
  size_t space = text.find(' ');
  size_t ideo = text.find("\u3000");
  size_t end = std::min(space, ideo);
  if (end == std::string_view::npos || end == 0) return "";
  std::string_view token = text.substr(0, end);
  if (token.find('.') == std::string_view::npos) return "";
  return LooksLikeNumber(token) ? std::string(token) : "";
}

// Depth of a numbered section title ("1. 総則" -> 0, "2.3 体制" -> 1, "第4章" -> 0), or -1.
int SectionDepth(std::string_view text) {
  if (text.substr(0, 3) == "第") {
    size_t i = 3;
    size_t digits = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      ++i;
      ++digits;
    }
    if (digits > 0 && (text.substr(i, 3) == "章" || text.substr(i, 3) == "節")) return 0;
    return -1;
  }
  size_t i = 0;
  int groups = 0;
  while (true) {
    size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    if (i == start || i - start > 3) return groups > 0 && i == start ? groups - 1 : -1;
    ++groups;
    if (i < text.size() && text[i] == '.' && i + 1 < text.size() && text[i + 1] >= '0' &&
        text[i + 1] <= '9') {
      ++i;
      continue;
    }
    break;
  }
  std::string_view rest = text.substr(i);
  if (rest.empty()) return -1;
  if (rest[0] == '.' || rest[0] == ')' || rest[0] == ' ' || rest.substr(0, 3) == "．" ||
      rest.substr(0, 3) == "、" || rest.substr(0, 3) == "\u3000") {
    return groups - 1;
  }
  return -1;
}

// Options written into a header ("回答（○/×/－）", "Yes/No/N/A"), or empty.
std::vector<std::string> HeaderOptions(std::string_view header) {
  std::string key = NormKey(header);
  // Protect "n/a" from being split on its slash.
  for (size_t p = key.find("n/a"); p != std::string::npos; p = key.find("n/a", p + 1)) {
    key.replace(p, 3,
                "n\x01"
                "a");
  }
  for (size_t p = key.find("・"); p != std::string::npos; p = key.find("・")) {
    key.replace(p, std::string_view("・").size(), "/");
  }
  size_t start = 0;
  while (start <= key.size()) {
    size_t end = key.find(' ', start);
    if (end == std::string::npos) end = key.size();
    std::string chunk = key.substr(start, end - start);
    if (chunk.find('/') != std::string::npos) {
      std::vector<std::string> tokens;
      size_t ts = 0;
      bool all_known = true;
      while (ts <= chunk.size()) {
        size_t te = chunk.find('/', ts);
        if (te == std::string::npos) te = chunk.size();
        std::string tok = chunk.substr(ts, te - ts);
        for (char& c : tok) {
          if (c == '\x01') c = '/';
        }
        bool known = false;
        for (std::string_view t : kOptionTokens) known = known || tok == t;
        if (!known) all_known = false;
        tokens.push_back(tok);
        ts = te + 1;
      }
      if (all_known && tokens.size() >= 2) {
        // Present English options the way sheets spell them.
        for (std::string& t : tokens) {
          if (t == "yes") t = "Yes";
          if (t == "no") t = "No";
          if (t == "n/a") t = "N/A";
          if (t == "na") t = "NA";
          if (t == "y") t = "Y";
          if (t == "n") t = "N";
        }
        return tokens;
      }
    }
    start = end + 1;
  }
  return {};
}

bool IsMarkerValue(const std::string& cell) {
  std::string key = NormKey(cell);
  for (std::string_view m : kMarkerValues) {
    if (key == m) return true;
  }
  return false;
}

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

void AppendLine(std::string& to, const std::string& text) {
  if (text.empty()) return;
  if (!to.empty()) to += '\n';
  to += text;
}

// The column layout of one grid.
struct Layout {
  int header_first = -1;  // first and last header rows; -1 when there is no header
  int header_last = -1;
  int data_start = 0;
  int number_col = -1;
  int question_col = -1;  // the main question column; single cells left of it are headings
  int area_start = -1;    // first column of the answer area; question parts lie left of it
  int unit_col = -1;
  int marker_col = -1;  // required/optional marker column (MIC style), answers follow it
  int min_marker_answer_col = -1;
  int answer_col = -1;
  int choice_col = -1;
  int remarks_col = -1;
  bool choice_only_where_validated = false;              // SLA style: a dropdown on some rows only
  std::vector<std::vector<std::string>> header_options;  // per column
  std::set<std::string> header_keys;                     // normalised header rows
  std::vector<bool> named_answer;  // per column: the header calls it an answer or remarks column
  // Option columns answered by a mark (「はい | いいえ | 該当なし」 with ○ under one of them):
  // their columns and header labels, left to right; empty in other layouts.
  std::vector<int> mark_cols;
  std::vector<std::string> mark_labels;
};

class Detector {
 public:
  Detector(const Grid& grid, const ReadOptions& options) : grid_(grid), options_(options) {
    num_cols_ = 0;
    for (const auto& row : grid.rows) {
      num_cols_ = std::max(num_cols_, static_cast<int>(std::min<size_t>(row.size(), kMaxColumns)));
    }
    IndexMerges();
  }

  Result<GridItems> Run();

 private:
  std::string Cell(int r, int c) const { return Trim(grid_.At(r, c)); }
  // Text of (r, c), or of the merged area covering it.
  std::string MergedCell(int r, int c) const {
    std::string text = Cell(r, c);
    if (!text.empty()) return text;
    auto it = merge_of_cell_.find(Key(r, c));
    if (it == merge_of_cell_.end()) return text;
    const CellRange& m = grid_.merges[static_cast<size_t>(it->second)];
    return Cell(m.first_row, m.first_col);
  }
  // Cells actually present in row r: loops over a row stop here, so one very wide row does not
  // make every other row cost as much.
  int RowWidth(int r) const {
    if (r < 0 || r >= static_cast<int>(grid_.rows.size())) return 0;
    return static_cast<int>(std::min<size_t>(grid_.rows[static_cast<size_t>(r)].size(),
                                             static_cast<size_t>(num_cols_)));
  }
  static int64_t Key(int r, int c) { return static_cast<int64_t>(r) * kMaxColumns + c; }
  void IndexMerges();
  int CountNonEmpty(int r) const {
    int n = 0;
    for (int c = 0; c < RowWidth(r); ++c) n += Cell(r, c).empty() ? 0 : 1;
    return n;
  }
  // Whether column c holds text of its own (not through a merge) in a sampled data row.
  bool ColumnHasText(int c) const {
    const int rows = static_cast<int>(grid_.rows.size());
    for (int r = L_.data_start; r < rows && r < L_.data_start + kStatRows; ++r) {
      if (c < RowWidth(r) && !Cell(r, c).empty()) return true;
    }
    return false;
  }
  std::string RowKey(int r) const {
    std::string key;
    for (int c = 0; c < RowWidth(r); ++c) {
      key += NormKey(grid_.At(r, c));
      key += '\x1f';
    }
    while (!key.empty() && key.back() == '\x1f') key.pop_back();
    return key;
  }
  int HeaderScore(int r, bool* has_question, bool* has_answer) const;
  bool FindHeader();
  void AssignRolesFromHeader();
  bool AssignRolesFromStatistics();
  void DetectNumberColumn(const std::vector<Role>& roles);
  bool ChoiceLike(int c, bool* validated_only) const;
  void ResolveAnswerArea(const std::vector<Role>& roles);
  void FindMarkColumns(std::vector<Role>& roles);
  void ApplySections(std::vector<std::string>* pending);

  const Grid& grid_;
  const ReadOptions& options_;
  int num_cols_ = 0;
  Layout L_;
  std::unordered_map<int64_t, int> merge_of_cell_;
  // Merges spanning columns: their last column, by top-left cell.
  std::unordered_map<int64_t, int> wide_merge_last_col_;
  std::vector<std::string> sections_;
  std::vector<bool> section_numbered_;
};

void Detector::IndexMerges() {
  size_t indexed = 0;
  for (size_t i = 0; i < grid_.merges.size(); ++i) {
    const CellRange& m = grid_.merges[i];
    if (m.last_row < m.first_row || m.last_col < m.first_col || m.first_row < 0 ||
        m.first_col < 0 || m.last_col >= kMaxColumns)
      continue;
    if (m.last_col > m.first_col) {
      wide_merge_last_col_.emplace(Key(m.first_row, m.first_col), m.last_col);
    }
    int64_t area = static_cast<int64_t>(m.last_row - m.first_row + 1) *
                   static_cast<int64_t>(m.last_col - m.first_col + 1);
    if (area > kMaxMergeArea || indexed + static_cast<size_t>(area) > kMaxIndexedMergeCells)
      continue;
    indexed += static_cast<size_t>(area);
    for (int r = m.first_row; r <= m.last_row; ++r) {
      for (int c = m.first_col; c <= m.last_col; ++c) {
        if (r == m.first_row && c == m.first_col) continue;
        merge_of_cell_.emplace(Key(r, c), static_cast<int>(i));
      }
    }
  }
}

int Detector::HeaderScore(int r, bool* has_question, bool* has_answer) const {
  int matched = 0;
  int non_empty = 0;
  *has_question = *has_answer = false;
  for (int c = 0; c < RowWidth(r); ++c) {
    std::string cell = Cell(r, c);
    if (cell.empty()) continue;
    ++non_empty;
    if (cell.size() > kMaxHeaderCellBytes || LooksLikeNumber(cell)) continue;
    Role role = ClassifyHeader(NormKey(cell));
    if (role == Role::kNone) continue;
    ++matched;
    if (role == Role::kQuestion || role == Role::kDetail) *has_question = true;
    if (role == Role::kAnswer) *has_answer = true;
  }
  if (non_empty < 2 || matched < 2) return 0;
  return matched * 2 + (*has_question ? 1 : 0) + (*has_answer ? 1 : 0);
}

bool Detector::FindHeader() {
  int rows = static_cast<int>(grid_.rows.size());
  int best = -1;
  int best_score = 0;
  if (options_.header_row > 0) {
    best = options_.header_row - 1;
  } else {
    for (int r = 0; r < std::min(rows, kHeaderScanRows); ++r) {
      if (grid_.RowHidden(r)) continue;
      bool q = false;
      bool a = false;
      int score = HeaderScore(r, &q, &a);
      if (score > best_score && (q || a)) {
        best_score = score;
        best = r;
      }
    }
    if (best < 0) return false;
  }
  L_.header_first = L_.header_last = best;
  if (options_.header_row <= 0) {
    // A second header row: some vocabulary, no numbers, only short labels.
    auto header_like = [&](int r) {
      if (r < 0 || r >= rows || grid_.RowHidden(r)) return false;
      int matched = 0;
      int non_empty = 0;
      for (int c = 0; c < RowWidth(r); ++c) {
        std::string cell = Cell(r, c);
        if (cell.empty()) continue;
        ++non_empty;
        if (cell.size() > kMaxHeaderCellBytes / 2 || LooksLikeNumber(cell)) return false;
        if (ClassifyHeader(NormKey(cell)) != Role::kNone || !HeaderOptions(cell).empty()) ++matched;
      }
      return matched >= 1 && non_empty >= 2;
    };
    if (header_like(best + 1)) {
      L_.header_last = best + 1;
    } else if (header_like(best - 1)) {
      L_.header_first = best - 1;
    }
  }
  return true;
}

void Detector::DetectNumberColumn(const std::vector<Role>& roles) {
  int rows = static_cast<int>(grid_.rows.size());
  std::vector<int> filled(static_cast<size_t>(num_cols_), 0);
  std::vector<int> numeric(static_cast<size_t>(num_cols_), 0);
  int sampled = 0;
  for (int r = L_.data_start; r < rows && sampled < kStatRows; ++r) {
    if (CountNonEmpty(r) < 2) continue;
    ++sampled;
    for (int c = 0; c < RowWidth(r); ++c) {
      std::string cell = Cell(r, c);
      if (cell.empty()) continue;
      ++filled[static_cast<size_t>(c)];
      if (LooksLikeNumber(cell)) ++numeric[static_cast<size_t>(c)];
    }
  }
  int limit = L_.question_col >= 0 ? L_.question_col : num_cols_;
  for (int c = 0; c < limit; ++c) {
    size_t i = static_cast<size_t>(c);
    bool header_says = roles[i] == Role::kNumber && numeric[i] > 0;
    bool data_says = filled[i] >= 2 && numeric[i] * 2 >= filled[i] && filled[i] * 3 >= sampled;
    if (header_says || data_says) {
      L_.number_col = c;
      return;
    }
  }
}

bool Detector::ChoiceLike(int c, bool* validated_only) const {
  *validated_only = false;
  if (c < 0) return false;
  if (!L_.header_options[static_cast<size_t>(c)].empty()) return true;
  int rows = static_cast<int>(grid_.rows.size());
  int validated = 0;
  int non_empty = 0;
  int short_values = 0;
  std::set<std::string> distinct;
  for (int r = L_.data_start; r < rows && r < L_.data_start + kStatRows; ++r) {
    if (grid_.OptionsAt(r, c) != nullptr) ++validated;
    std::string cell = Cell(r, c);
    if (cell.empty()) continue;
    ++non_empty;
    if (cell.size() <= 12) ++short_values;
    if (distinct.size() < 16) distinct.insert(cell);
  }
  if (non_empty >= 3 && short_values * 10 >= non_empty * 9 && distinct.size() <= 6) return true;
  if (validated > 0) {
    *validated_only = true;
    return true;
  }
  return false;
}

void Detector::ResolveAnswerArea(const std::vector<Role>& roles) {
  std::vector<int> answers;
  int remarks = -1;
  for (int c = std::max(L_.area_start, 0); c < num_cols_; ++c) {
    Role role = roles[static_cast<size_t>(c)];
    if (role == Role::kAnswer) answers.push_back(c);
    if (role == Role::kRemarks && remarks < 0) remarks = c;
  }
  if (answers.empty()) answers.push_back(L_.area_start);
  if (remarks >= 0 && remarks < answers[0]) remarks = -1;
  if (remarks < 0) {
    // A description column right of the answer ("Implementation Description") is where the
    // answer is explained: question parts only ever lie left of the answer area.
    for (int c = answers[0] + 1; c < num_cols_ && remarks < 0; ++c) {
      if (roles[static_cast<size_t>(c)] == Role::kDetail) remarks = c;
    }
  }
  L_.answer_col = answers[0];
  bool validated_only = false;
  if (answers.size() >= 2) {
    bool v1 = false;
    if (ChoiceLike(answers[0], &validated_only)) {
      L_.choice_col = answers[0];
      L_.answer_col = answers[1];
    } else if (ChoiceLike(answers[1], &v1)) {
      L_.choice_col = answers[1];
      L_.answer_col = answers[0];
    } else if (remarks < 0) {
      remarks = answers[1];
    }
  } else if (remarks >= 0 && ChoiceLike(answers[0], &validated_only)) {
    L_.choice_col = answers[0];
    L_.answer_col = remarks;
    L_.choice_only_where_validated = validated_only;
  }
  L_.remarks_col = remarks;
}

void Detector::AssignRolesFromHeader() {
  std::vector<Role> roles(static_cast<size_t>(num_cols_), Role::kNone);
  std::vector<std::string> labels(static_cast<size_t>(num_cols_));
  for (int r = L_.header_first; r <= L_.header_last; ++r) {
    L_.header_keys.insert(RowKey(r));
    for (int c = 0; c < num_cols_; ++c) {
      std::string cell = MergedCell(r, c);
      if (cell.empty()) continue;
      Role role = ClassifyHeader(NormKey(cell));
      // In a one-row header, an answer label merged across columns names one merged answer
      // cell per row, not a choice column and a text column; only its first column takes the
      // role. (In a two-row header the upper label spreads over the sub-columns the lower row
      // names; question labels spread as before, their columns all being question parts.)
      if (L_.header_first == L_.header_last && Cell(r, c).empty() &&
          (role == Role::kAnswer || role == Role::kRemarks)) {
        continue;
      }
      size_t i = static_cast<size_t>(c);
      labels[i] = labels[i].empty() ? cell : labels[i] + " " + cell;
      // The lower header row is the more specific one.
      if (role != Role::kNone) roles[i] = role;
      std::vector<std::string> opts = HeaderOptions(cell);
      if (!opts.empty()) {
        L_.header_options[i] = opts;
        if (roles[i] == Role::kNone) roles[i] = Role::kAnswer;
      }
    }
  }
  L_.data_start = L_.header_last + 1;
  L_.named_answer.assign(static_cast<size_t>(num_cols_), false);
  for (int c = 0; c < num_cols_; ++c) {
    Role role = roles[static_cast<size_t>(c)];
    L_.named_answer[static_cast<size_t>(c)] = role == Role::kAnswer || role == Role::kRemarks;
  }

  FindMarkColumns(roles);
  // The answer area starts at the first answer column (or remarks, or the user's override).
  for (int c = 0; c < num_cols_ && L_.area_start < 0; ++c) {
    if (roles[static_cast<size_t>(c)] == Role::kAnswer) L_.area_start = c;
  }
  for (int c = 0; c < num_cols_ && L_.area_start < 0; ++c) {
    if (roles[static_cast<size_t>(c)] == Role::kRemarks && c > 0) L_.area_start = c;
  }
  if (options_.answer_col >= 0) L_.area_start = options_.answer_col;
  if (L_.area_start < 0) {
    // No answer heading: the first empty-headed or last column after the questions.
    int last_q = -1;
    for (int c = 0; c < num_cols_; ++c) {
      Role role = roles[static_cast<size_t>(c)];
      if (role == Role::kQuestion || role == Role::kDetail) last_q = c;
    }
    L_.area_start = last_q >= 0 ? last_q + 1 : std::max(num_cols_ - 1, 1);
  }
  // The rightmost question column that holds text of its own: a question label merged across
  // columns whose rows are merged the same way names its first column only (the others hold
  // nothing but the merge).
  for (int pass = 0; pass < 2 && L_.question_col < 0; ++pass) {
    for (int c = L_.area_start - 1; c >= 0 && L_.question_col < 0; --c) {
      Role role = roles[static_cast<size_t>(c)];
      if ((role == Role::kQuestion || role == Role::kDetail) && (pass == 1 || ColumnHasText(c))) {
        L_.question_col = c;
      }
    }
  }
  if (options_.question_col >= 0) L_.question_col = options_.question_col;
  for (int c = 0; c < L_.area_start; ++c) {
    Role role = roles[static_cast<size_t>(c)];
    if (role == Role::kUnit && L_.unit_col < 0) L_.unit_col = c;
    if (role == Role::kMarker && L_.marker_col < 0) L_.marker_col = c;
  }
  DetectNumberColumn(roles);
  if (L_.question_col < 0 || L_.question_col == L_.number_col) {
    L_.question_col = -1;
    for (int c = L_.area_start - 1; c >= 0 && L_.question_col < 0; --c) {
      if (c != L_.number_col && c != L_.unit_col && c != L_.marker_col) L_.question_col = c;
    }
  }
  ResolveAnswerArea(roles);
  if (!L_.mark_cols.empty()) {
    // The text beside the marks goes into the first answer, remarks or detail column right of
    // them, if the sheet has one.
    L_.choice_col = -1;
    L_.answer_col = -1;
    for (int c = L_.mark_cols.back() + 1; c < num_cols_ && L_.answer_col < 0; ++c) {
      Role role = roles[static_cast<size_t>(c)];
      if (role == Role::kAnswer || role == Role::kRemarks || role == Role::kDetail) {
        L_.answer_col = c;
      }
    }
    if (L_.remarks_col == L_.answer_col) L_.remarks_col = -1;
  }
  if (options_.answer_col >= 0) {
    L_.answer_col = options_.answer_col;
    if (L_.choice_col == L_.answer_col) L_.choice_col = -1;
    if (L_.remarks_col == L_.answer_col) L_.remarks_col = -1;
  }
}

// A run of two or more adjacent header cells that are option labels, one yes and one no among
// them, right of some question text: the sheet is answered by marking one option's column.
// The marks are the answer area's start unless an answer column lies left of them.
void Detector::FindMarkColumns(std::vector<Role>& roles) {
  if (options_.answer_col >= 0) return;
  const int r = L_.header_last;
  auto polarity = [&](int c, int* out) {
    const std::string key = NormKey(MergedCell(r, c));
    for (const MarkLabel& m : kMarkLabels) {
      if (key == m.text) {
        *out = m.polarity;
        return true;
      }
    }
    return false;
  };
  for (int c = 1; c < num_cols_; ++c) {
    int run_end = c;
    bool yes = false;
    bool no = false;
    for (int p = 0; run_end < num_cols_ && polarity(run_end, &p); ++run_end) {
      yes |= p > 0;
      no |= p < 0;
    }
    if (run_end - c < 2 || !yes || !no) {
      c = std::max(c, run_end - 1);  // runs do not overlap: linear in the header's width
      continue;
    }
    for (int m = c; m < run_end; ++m) {
      L_.mark_cols.push_back(m);
      L_.mark_labels.push_back(Trim(MergedCell(r, m)));
      roles[static_cast<size_t>(m)] = Role::kNone;
      L_.header_options[static_cast<size_t>(m)].clear();
    }
    int first_answer = -1;
    for (int a = 0; a < c && first_answer < 0; ++a) {
      if (roles[static_cast<size_t>(a)] == Role::kAnswer) first_answer = a;
    }
    L_.area_start = first_answer >= 0 ? first_answer : c;
    return;
  }
}

bool Detector::AssignRolesFromStatistics() {
  int rows = static_cast<int>(grid_.rows.size());
  std::vector<int> filled(static_cast<size_t>(num_cols_), 0);
  std::vector<int64_t> bytes(static_cast<size_t>(num_cols_), 0);
  int multi = 0;
  int first_multi = -1;
  for (int r = 0; r < rows && multi < kStatRows; ++r) {
    if (grid_.RowHidden(r) || CountNonEmpty(r) < 2) continue;
    if (first_multi < 0) first_multi = r;
    ++multi;
    for (int c = 0; c < RowWidth(r); ++c) {
      std::string cell = Cell(r, c);
      if (cell.empty()) continue;
      ++filled[static_cast<size_t>(c)];
      bytes[static_cast<size_t>(c)] += static_cast<int64_t>(cell.size());
    }
  }
  // An instruction sheet: prose lines, no table.
  if (multi < 3) return false;
  L_.data_start = first_multi;
  std::vector<Role> roles(static_cast<size_t>(num_cols_), Role::kNone);
  DetectNumberColumn(roles);
  std::vector<int> text_cols;
  double max_avg = 0;
  for (int c = 0; c < num_cols_; ++c) {
    size_t i = static_cast<size_t>(c);
    if (c == L_.number_col || filled[i] * 10 < multi * 3) continue;
    text_cols.push_back(c);
    max_avg = std::max(max_avg, static_cast<double>(bytes[i]) / filled[i]);
  }
  if (text_cols.empty()) return false;
  for (int c : text_cols) {
    size_t i = static_cast<size_t>(c);
    if (static_cast<double>(bytes[i]) / filled[i] >= 0.5 * max_avg) {
      L_.question_col = c;
      break;
    }
  }
  if (options_.question_col >= 0) L_.question_col = options_.question_col;
  L_.area_start = L_.question_col + 1;
  for (int c : text_cols) {
    if (c > L_.question_col) {
      L_.area_start = c;
      break;
    }
  }
  if (options_.answer_col >= 0) L_.area_start = options_.answer_col;
  L_.answer_col = L_.area_start;
  return true;
}

// Applies a run of consecutive section rows to the heading stack. Numbered titles nest by
// their depth; an unnumbered title under a numbered one is its subsection; a run of several
// unnumbered titles starts from the top (outer first); a lone unnumbered title replaces the
// innermost heading.
void Detector::ApplySections(std::vector<std::string>* pending) {
  if (pending->empty()) return;
  const size_t run_size = pending->size();
  std::vector<std::string> run;
  for (std::string& s : *pending) {
    if (run.empty() || run.back() != s) run.push_back(std::move(s));
  }
  pending->clear();
  for (size_t i = 0; i < run.size(); ++i) {
    const std::string& title = run[i];
    int depth = SectionDepth(title);
    if (depth >= 0) {
      size_t keep = std::min(sections_.size(), static_cast<size_t>(depth));
      sections_.resize(keep);
      section_numbered_.resize(keep);
      sections_.push_back(title);
      section_numbered_.push_back(true);
      continue;
    }
    if (i == 0) {
      int last_numbered = -1;
      for (size_t k = 0; k < section_numbered_.size(); ++k) {
        if (section_numbered_[k]) last_numbered = static_cast<int>(k);
      }
      if (last_numbered >= 0) {
        sections_.resize(static_cast<size_t>(last_numbered) + 1);
        section_numbered_.resize(sections_.size());
      } else if (run_size >= 2) {
        sections_.clear();
        section_numbered_.clear();
      } else if (!sections_.empty()) {
        sections_.pop_back();
        section_numbered_.pop_back();
      }
    }
    sections_.push_back(title);
    section_numbered_.push_back(false);
  }
}

Result<GridItems> Detector::Run() {
  const int rows = static_cast<int>(grid_.rows.size());
  if (options_.header_row < 0 || options_.header_row > rows) {
    return Status::InvalidInput("sheet '" + grid_.name + "': header row " +
                                std::to_string(options_.header_row) + " is past the last row (" +
                                std::to_string(rows) + ")");
  }
  if (options_.question_col < -1 || options_.question_col >= kMaxColumns ||
      options_.answer_col < -1 || options_.answer_col >= kMaxColumns ||
      (options_.question_col >= 0 && options_.question_col == options_.answer_col)) {
    return Status::InvalidInput("sheet '" + grid_.name +
                                "': question and answer columns must be distinct columns");
  }
  GridItems out;
  std::vector<Item>& items = out.items;
  if (rows == 0 || num_cols_ == 0) return out;
  num_cols_ = std::max({num_cols_, options_.question_col + 1, options_.answer_col + 1});
  L_.header_options.assign(static_cast<size_t>(num_cols_), {});

  if (FindHeader()) {
    AssignRolesFromHeader();
    out.header_found = true;
  } else if (!AssignRolesFromStatistics()) {
    return out;
  }

  // Title lines above the header come back at page breaks; remember them to skip them.
  std::set<std::string> title_keys;
  for (int r = 0; r < std::max(L_.header_first, 0); ++r) {
    if (CountNonEmpty(r) == 1) title_keys.insert(RowKey(r));
  }

  // Where answers start in MIC-style rows: right after the required/optional marker.
  auto find_marker = [&](int r) {
    if (L_.marker_col < 0) return -1;
    for (int c = std::max(L_.marker_col - 2, L_.number_col + 1); c <= L_.marker_col + 2; ++c) {
      if (IsMarkerValue(Cell(r, c))) return c;
    }
    return -1;
  };
  if (L_.marker_col >= 0) {
    for (int r = L_.data_start; r < rows; ++r) {
      int m = find_marker(r);
      if (m >= 0 && (L_.min_marker_answer_col < 0 || m + 1 < L_.min_marker_answer_col)) {
        L_.min_marker_answer_col = m + 1;
      }
    }
    if (L_.min_marker_answer_col < 0) L_.marker_col = -1;  // no markers: a plain layout
  }

  std::map<int, std::string> parent_parts;  // column -> text of the previous item
  std::string parent_number;
  int parent_area = L_.marker_col >= 0 ? L_.min_marker_answer_col : L_.area_start;
  std::vector<std::string> pending_sections;
  Item* last = nullptr;
  size_t last_index = 0;
  bool have_last = false;

  for (int r = L_.data_start; r < rows; ++r) {
    if (grid_.RowHidden(r)) continue;  // hidden rows are not shown to whoever answers
    std::vector<std::pair<int, std::string>> cells;
    for (int c = 0; c < RowWidth(r); ++c) {
      std::string text = Cell(r, c);
      if (!text.empty()) cells.emplace_back(c, std::move(text));
    }
    if (cells.empty()) continue;
    std::string key = RowKey(r);
    if (L_.header_keys.count(key) || (cells.size() == 1 && title_keys.count(key))) continue;

    std::string number;
    if (L_.number_col >= 0 && LooksLikeNumber(Cell(r, L_.number_col))) {
      number = Cell(r, L_.number_col);
    }

    // Split the row into question parts and answer-area text.
    std::map<int, std::string> own;
    std::vector<std::string> area_text;
    int area = L_.area_start;
    if (L_.marker_col >= 0) {
      int m = find_marker(r);
      int rightmost = cells.back().first;
      if (m >= 0) {
        area = m + 1;
      } else if (rightmost >= L_.min_marker_answer_col && rightmost > L_.number_col &&
                 cells.size() >= 2) {
        area = rightmost;
      } else {
        area = num_cols_;  // question text only (a blank sheet's continuation row)
      }
      for (auto& [c, text] : cells) {
        if (c == L_.number_col || c == m || c == L_.unit_col) continue;
        if (c >= area) {
          area_text.push_back(text);
        } else {
          own[c] = text;
        }
      }
      if (area == num_cols_) area = parent_area;
    } else {
      for (auto& [c, text] : cells) {
        if (c == L_.number_col || c == L_.unit_col || c == L_.marker_col) continue;
        if (c >= L_.area_start) {
          area_text.push_back(text);
        } else {
          own[c] = text;
        }
      }
    }
    // A cell in the number column that is not a number is a heading (a section title).
    bool number_col_text = L_.number_col >= 0 && number.empty() && !Cell(r, L_.number_col).empty();

    // Section rows: headings alone on their row, left of the question column or merged across.
    if (area_text.empty()) {
      bool left_only = true;
      for (auto& [c, text] : cells) {
        if (c >= L_.question_col && c != L_.number_col) left_only = false;
      }
      // A cell merged across columns heads a section, unless the sheet numbers no rows and the
      // merge starts in the question column and stays left of the answer area: a blank sheet
      // whose question cells span the question label's columns.
      auto merge = cells.size() == 1 ? wide_merge_last_col_.find(Key(r, cells[0].first))
                                     : wide_merge_last_col_.end();
      bool wide = merge != wide_merge_last_col_.end() &&
                  !(L_.number_col < 0 && cells[0].first == L_.question_col &&
                    merge->second < L_.area_start);
      bool section = (left_only && cells.size() <= 2 && !(cells.size() == 1 && !number.empty())) ||
                     wide || (number_col_text && cells.size() == 1);
      if (section) {
        std::vector<std::string> texts;
        for (auto& [c, text] : cells) texts.push_back(text);
        pending_sections.push_back(Join(texts, " "));
        parent_parts.clear();
        parent_number.clear();
        continue;
      }
    }

    if (own.empty()) {
      // Only answer text: it continues the previous item's answer.
      if (number.empty() && !area_text.empty() && have_last) {
        last = &items[last_index];
        if (L_.marker_col >= 0) {
          for (const std::string& t : area_text) AppendLine(last->answer, t);
        } else {
          if (last->answer_col >= 0) AppendLine(last->answer, Cell(r, last->answer_col));
          if (last->choice_col >= 0) AppendLine(last->choice, Cell(r, last->choice_col));
          if (last->remarks_col >= 0 && last->remarks_col != last->answer_col) {
            AppendLine(last->remarks, Cell(r, last->remarks_col));
          }
        }
      }
      continue;
    }

    ApplySections(&pending_sections);
    Item item;
    item.kind = ItemKind::kQuestion;
    item.sheet = grid_.name;
    item.row = r;
    item.id = grid_.name + "!R" + std::to_string(r + 1);
    item.sections = sections_;
    // Inherit the previous item's headings left of this row's first text cell.
    std::map<int, std::string> parts = own;
    int first_own = own.begin()->first;
    for (auto& [c, text] : parent_parts) {
      if (c < first_own) parts.emplace(c, text);
    }
    for (auto& [c, text] : parts) item.question_parts.push_back(text);
    item.question = Join(item.question_parts, " ");
    if (!number.empty()) {
      item.number = number;
    } else if (L_.number_col >= 0) {
      item.number = parent_number;
    } else {
      item.number = LeadingId(item.question_parts.front());
    }
    if (L_.unit_col >= 0) item.unit = Cell(r, L_.unit_col);

    if (L_.marker_col >= 0) {
      item.answer_col = area;
      item.answer = Join(area_text, "\n");
    } else {
      item.answer_col = L_.answer_col;
      item.choice_col = L_.choice_col;
      item.remarks_col = L_.remarks_col;
      if (L_.choice_only_where_validated && grid_.OptionsAt(r, L_.choice_col) == nullptr) {
        // This row has no dropdown: its answer goes into the choice column as free text.
        item.answer_col = L_.choice_col;
        item.choice_col = -1;
      }
      if (item.answer_col >= 0) item.answer = MergedCell(r, item.answer_col);
      if (item.choice_col >= 0) item.choice = MergedCell(r, item.choice_col);
      if (item.remarks_col >= 0 && item.remarks_col != item.answer_col) {
        item.remarks = MergedCell(r, item.remarks_col);
      }
    }
    // A cell whose value a formula computes is no place for an answer; a row whose every
    // answer cell is computed (a summary or report repeating another sheet) is not a question
    // to answer at all.
    auto computed = [&](int c) { return c >= 0 && grid_.FormulaAt(r, c) != nullptr; };
    const bool had_answer_cell = item.answer_col >= 0 || item.choice_col >= 0;
    if (computed(item.answer_col)) item.answer_col = -1;
    if (computed(item.choice_col)) item.choice_col = -1;
    if (computed(item.remarks_col)) item.remarks_col = -1;
    if (had_answer_cell && item.answer_col < 0 && item.choice_col < 0) continue;

    int option_col = item.choice_col >= 0 ? item.choice_col : item.answer_col;
    bool dropdown = false;
    if (option_col >= 0) {
      if (const auto* opts = grid_.OptionsAt(r, option_col)) {
        item.options = *opts;
        dropdown = true;
      } else if (option_col < num_cols_) {
        item.options = L_.header_options[static_cast<size_t>(option_col)];
      }
    }
    if (!L_.mark_cols.empty()) {
      item.options = L_.mark_labels;
      item.option_cols = L_.mark_cols;
      for (size_t m = 0; m < L_.mark_cols.size() && item.choice.empty(); ++m) {
        if (!Cell(r, L_.mark_cols[m]).empty()) item.choice = L_.mark_labels[m];
      }
    }

    // Continuation rows hang off the numbered row above them; they do not become the parent
    // of the rows that follow (their first cell is a sub-question, not a heading).
    if (!number.empty() || L_.number_col < 0 || parent_parts.empty()) {
      parent_parts = std::move(parts);
      parent_number = item.number;
      parent_area = area;
    }
    bool mirrored = false;  // a question cell repeats another sheet through a formula
    for (const auto& [c, text] : own) {
      const FormulaCell* f = grid_.FormulaAt(r, c);
      if (f != nullptr && !f->sheet.empty()) mirrored = true;
    }
    bool named = item.answer_col >= 0 && item.answer_col < num_cols_ &&
                 static_cast<size_t>(item.answer_col) < L_.named_answer.size() &&
                 L_.named_answer[static_cast<size_t>(item.answer_col)];
    out.fillability.push_back((dropdown ? 4 : 0) + (mirrored ? 0 : 2) + (named ? 1 : 0));
    items.push_back(std::move(item));
    last_index = items.size() - 1;
    have_last = true;
  }
  return out;
}

}  // namespace

Result<GridItems> DetectGridItems(const Grid& grid, const ReadOptions& options) {
  Detector detector(grid, options);
  return detector.Run();
}

Result<std::vector<Item>> DetectItems(const Grid& grid, const ReadOptions& options) {
  KOTAE_ASSIGN_OR_RETURN(GridItems detected, DetectGridItems(grid, options));
  return std::move(detected.items);
}

}  // namespace kotae::sheet
