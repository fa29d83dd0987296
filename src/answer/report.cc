#include "answer/report.h"

#include <algorithm>
#include <cstdio>
#include <string_view>

#include "base/file.h"

namespace kotae::answer {
namespace {

// Replaces bytes that are not valid UTF-8 with U+FFFD so the page always renders.
std::string ValidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool ok = len > 0 && i + len <= s.size();
    for (size_t k = 1; ok && k < len; ++k) {
      ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    }
    if (ok) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

std::string Escape(std::string_view raw) {
  const std::string s = ValidUtf8(raw);
  std::string out;
  out.reserve(s.size() + 16);
  for (char c : s) {
    switch (c) {
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
        out += c;
    }
  }
  return out;
}

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Escapes `text` and wraps every occurrence of a matched term in <mark>. Matching runs on the
// raw text (ASCII case-insensitive), and each segment is escaped on its own, so a term can
// never split an entity.
std::string Highlight(std::string_view raw, const std::vector<std::string>& terms) {
  const std::string text = ValidUtf8(raw);
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(), AsciiLower);
  std::vector<std::string> needles;
  for (const std::string& t : terms) {
    if (t.empty()) continue;
    std::string l(t);
    std::transform(l.begin(), l.end(), l.begin(), AsciiLower);
    needles.push_back(std::move(l));
  }
  // Longest first, so 「多要素認証」 wins over 「認証」 at the same position.
  std::sort(needles.begin(), needles.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string out;
  size_t plain_start = 0;
  for (size_t i = 0; i < lower.size();) {
    size_t hit = 0;
    for (const std::string& n : needles) {
      if (lower.compare(i, n.size(), n) == 0) {
        hit = n.size();
        break;
      }
    }
    if (hit == 0) {
      ++i;
      continue;
    }
    out += Escape(std::string_view(text).substr(plain_start, i - plain_start));
    out += "<mark>" + Escape(std::string_view(text).substr(i, hit)) + "</mark>";
    i += hit;
    plain_start = i;
  }
  out += Escape(std::string_view(text).substr(plain_start));
  return out;
}

const char* StatusLabel(Status s) {
  switch (s) {
    case Status::kAnswered:
      return "回答済み / Answered";
    case Status::kNeedsReview:
      return "要確認 / Needs review";
    case Status::kNoMatch:
      break;
  }
  return "該当なし（未回答） / No match";
}

constexpr std::string_view kStyle = R"(
:root{--ok:#1b7f3b;--review:#b26a00;--none:#6b6b6b;--bg:#fafafa;--line:#ddd}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:#222;font:15px/1.6 "Hiragino Sans","Noto Sans CJK JP","Yu Gothic",sans-serif}
header,main{max-width:1100px;margin:0 auto;padding:16px}
h1{font-size:22px;margin:8px 0}
.meta{color:#555;font-size:13px;word-break:break-all}
.summary{display:flex;gap:12px;flex-wrap:wrap;margin:12px 0}
.count{background:#fff;border:1px solid var(--line);border-radius:8px;padding:8px 14px}
.count b{font-size:20px;display:block}
.bar{display:flex;height:10px;border-radius:5px;overflow:hidden;background:#eee;margin:8px 0}
.bar span{display:block;height:100%}
.answered{--c:var(--ok)} .needs_review{--c:var(--review)} .no_match{--c:var(--none)}
.bar span,.badge{background:var(--c)}
.badge{color:#fff;border-radius:4px;padding:1px 8px;font-size:12px;white-space:nowrap}
.controls{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin:12px 0}
.controls button{border:1px solid var(--line);background:#fff;border-radius:16px;padding:4px 12px;cursor:pointer;font:inherit}
.controls button[aria-pressed=true]{background:#222;color:#fff}
.controls input{flex:1;min-width:200px;padding:6px 10px;border:1px solid var(--line);border-radius:6px;font:inherit}
.item{background:#fff;border:1px solid var(--line);border-left:6px solid var(--c);border-radius:8px;padding:12px 16px;margin:12px 0}
.item[hidden]{display:none}
.item h2{font-size:15px;margin:0 0 6px;font-weight:600;overflow-wrap:anywhere}
.id{color:#666;font-size:12px;font-weight:normal}
.answer{white-space:pre-wrap;overflow-wrap:anywhere;background:#f4f8f4;border-radius:6px;padding:6px 10px}
.conf{display:inline-block;width:80px;height:6px;background:#eee;border-radius:3px;vertical-align:middle}
.conf i{display:block;height:100%;background:var(--c);border-radius:3px}
.reason{color:#555;font-size:13px}
details{margin-top:6px}
.source{border-top:1px dashed var(--line);padding:6px 0;font-size:14px;overflow-wrap:anywhere}
.source .q{color:#333}.source .a{white-space:pre-wrap;color:#444}
mark{background:#fff0a8;padding:0 1px}
.review-list a{margin-right:8px}
@media print{.controls{display:none}.item{break-inside:avoid}details{display:block}body{background:#fff}}
)";

// Filtering: buttons and a search box; a URL fragment "#status=needs_review" applies a
// filter on load so the page can be opened pre-filtered. Without script every item shows.
constexpr std::string_view kScript = R"(
(function(){
var items=[].slice.call(document.querySelectorAll('.item'));
var buttons=[].slice.call(document.querySelectorAll('.controls button'));
var search=document.getElementById('q');var status='all';
function apply(){var q=(search.value||'').toLowerCase();
items.forEach(function(it){var ok=(status==='all'||it.dataset.status===status)&&(!q||it.textContent.toLowerCase().indexOf(q)>=0);it.hidden=!ok;});
buttons.forEach(function(b){b.setAttribute('aria-pressed',b.dataset.filter===status?'true':'false');});}
buttons.forEach(function(b){b.addEventListener('click',function(){status=b.dataset.filter;apply();});});
search.addEventListener('input',apply);
var m=/status=([a-z_]+)/.exec(location.hash);if(m)status=m[1];apply();})();
)";

}  // namespace

std::string RenderReportHtml(const AnswerRun& run) {
  size_t counts[3] = {0, 0, 0};
  for (const ItemResult& r : run.items) ++counts[static_cast<int>(r.status)];
  const size_t total = std::max<size_t>(1, run.items.size());

  std::string h;
  h.reserve(4096 + run.items.size() * 2048);
  h += "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n";
  h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  h += "<title>kotae 回答レビュー / Answer review — " + Escape(BaseName(run.questionnaire_path)) +
       "</title>\n<style>";
  h += kStyle;
  h += "</style>\n</head>\n<body>\n<header>\n";
  h += "<h1>回答レビュー / Answer review</h1>\n";
  h += "<div class=\"meta\">チェックシート / Sheet: " + Escape(run.questionnaire_path) + "<br>";
  h += "ライブラリ / Library: ";
  for (size_t i = 0; i < run.library_paths.size(); ++i) {
    h += (i ? ", " : "") + Escape(run.library_paths[i]);
  }
  h += "</div>\n<div class=\"summary\">\n";
  const Status order[3] = {Status::kAnswered, Status::kNeedsReview, Status::kNoMatch};
  for (Status s : order) {
    h += "<div class=\"count " + std::string(StatusName(s)) + "\" id=\"count-" + StatusName(s) +
         "\"><b>" + std::to_string(counts[static_cast<int>(s)]) + "</b><span class=\"badge\">" +
         StatusLabel(s) + "</span></div>\n";
  }
  h += "<div class=\"count\"><b>" + std::to_string(run.items.size()) +
       "</b>合計 / Total</div>\n</div>\n<div class=\"bar\">";
  for (Status s : order) {
    char width[32];
    std::snprintf(
        width, sizeof width, "%.2f%%",
        100.0 * static_cast<double>(counts[static_cast<int>(s)]) / static_cast<double>(total));
    h += "<span class=\"" + std::string(StatusName(s)) + "\" style=\"width:" + width + "\"></span>";
  }
  h += "</div>\n";
  if (counts[static_cast<int>(Status::kNeedsReview)] > 0) {
    h += "<p class=\"review-list\">要確認の項目 / Items to review: ";
    for (size_t i = 0; i < run.items.size(); ++i) {
      if (run.items[i].status != Status::kNeedsReview) continue;
      h += "<a href=\"#item-" + std::to_string(i) + "\">" + Escape(run.items[i].id) + "</a>";
    }
    h += "</p>\n";
  }
  h += "<div class=\"controls\">\n";
  h += "<button type=\"button\" data-filter=\"all\" aria-pressed=\"true\">すべて / All</button>\n";
  for (Status s : order) {
    h += "<button type=\"button\" class=\"" + std::string(StatusName(s)) + "\" data-filter=\"" +
         StatusName(s) + "\">" + StatusLabel(s) + "</button>\n";
  }
  h += "<input id=\"q\" type=\"search\" placeholder=\"検索 / Search\" aria-label=\"search\">\n";
  h += "</div>\n</header>\n<main>\n";

  for (size_t i = 0; i < run.items.size(); ++i) {
    const ItemResult& r = run.items[i];
    const std::string status = StatusName(r.status);
    h += "<section class=\"item " + status + "\" id=\"item-" + std::to_string(i) +
         "\" data-status=\"" + status + "\">\n";
    h += "<h2><span class=\"id\">" + Escape(r.id) + "</span> " + Escape(r.question) + "</h2>\n";
    char conf[96];
    std::snprintf(conf, sizeof conf,
                  "<span class=\"conf\"><i style=\"width:%.0f%%\"></i></span> %.0f%%",
                  r.confidence * 100, r.confidence * 100);
    h += "<p><span class=\"badge\">" + std::string(StatusLabel(r.status)) +
         "</span> 確信度 / "
         "Confidence " +
         conf + "</p>\n";
    if (!r.options.empty()) {
      h += "<p>選択肢 / Options: ";
      for (size_t k = 0; k < r.options.size(); ++k) h += (k ? " / " : "") + Escape(r.options[k]);
      h += " — 選択 / Choice: <b>" + (r.choice.empty() ? std::string("—") : Escape(r.choice)) +
           "</b></p>\n";
    }
    if (!r.answer.empty()) h += "<div class=\"answer\">" + Escape(r.answer) + "</div>\n";
    if (!r.reason.empty()) h += "<p class=\"reason\">" + Escape(r.reason) + "</p>\n";
    if (!r.sources.empty()) {
      h += std::string("<details") + (r.status == Status::kAnswered ? "" : " open") +
           "><summary>根拠 / Sources (" + std::to_string(r.sources.size()) + ")</summary>\n";
      for (const Source& s : r.sources) {
        char score[32];
        std::snprintf(score, sizeof score, "%.2f", s.score);
        h += "<div class=\"source\"><div><b>" + Escape(BaseName(s.doc)) + "</b> " +
             Escape(s.locator) + " <span class=\"id\">score " + score + "</span></div>";
        h += "<div class=\"q\">" + Highlight(s.question, s.matched_terms) + "</div>";
        h += "<div class=\"a\">" + Highlight(s.answer, s.matched_terms) + "</div></div>\n";
      }
      h += "</details>\n";
    }
    h += "</section>\n";
  }
  h += "</main>\n<script>";
  h += kScript;
  h += "</script>\n</body>\n</html>\n";
  return h;
}

}  // namespace kotae::answer
