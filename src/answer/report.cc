#include "answer/report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>
#include <vector>

#include "base/file.h"
#include "base/markup.h"

// Page layout, top to bottom: header (sheet, libraries, counts with a proportion bar, links
// to every item that needs review), the filter bar, then one <section class="item"> per item
// in sheet order. Everything is visible without script; the inline script only hides items
// (the `hidden` attribute) when a filter or search is active, so the page degrades to a plain
// readable document. The filter state lives in the URL fragment (#status=needs_review&q=…),
// which lets a reviewer bookmark a view and lets tests drive the script through the URL.

namespace kotae::answer {
namespace {

constexpr Status kOrder[3] = {Status::kAnswered, Status::kNeedsReview, Status::kNoMatch};

// Index into per-status arrays. A value outside the enum (a corrupt run) counts as no_match
// rather than indexing out of bounds.
size_t StatusIndex(Status s) {
  switch (s) {
    case Status::kAnswered:
      return 0;
    case Status::kNeedsReview:
      return 1;
    case Status::kNoMatch:
      break;
  }
  return 2;
}

const char* StatusClass(Status s) {
  static constexpr const char* kNames[3] = {"answered", "needs_review", "no_match"};
  return kNames[StatusIndex(s)];
}

const char* StatusLabel(Status s) {
  static constexpr const char* kLabels[3] = {"回答済み / Answered", "要確認 / Needs review",
                                             "該当なし（未回答） / No match"};
  return kLabels[StatusIndex(s)];
}

// Replaces every byte that does not start a well-formed UTF-8 sequence (overlongs, surrogates
// and code points above U+10FFFF included) with U+FFFD, so the page always renders.
std::string ValidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c < 0x80) {
      len = 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    }
    bool ok = len > 0 && i + len <= s.size();
    for (size_t k = 1; ok && k < len; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      ok = k == 1 ? (b >= lo && b <= hi) : (b & 0xC0) == 0x80;
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

// Any bytes as page text: made valid UTF-8, then escaped (base/markup.h).
std::string Escape(std::string_view raw) {
  std::string out;
  out.reserve(raw.size() + 16);
  AppendEscapedXml(out, ValidUtf8(raw));
  return out;
}

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string AsciiLowered(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), AsciiLower);
  return out;
}

// The terms to highlight, cleaned: valid UTF-8 only, ASCII-lowered, no blanks or duplicates,
// longest first so that 「多要素認証」 wins over 「認証」 at the same position.
std::vector<std::string> Needles(const std::vector<std::string>& terms) {
  std::vector<std::string> needles;
  for (const std::string& t : terms) {
    // A term that is not valid UTF-8 would only match the replacement characters.
    if (ValidUtf8(t) != t) continue;
    std::string n = AsciiLowered(t);
    if (n.find_first_not_of(" \t\r\n") == std::string::npos) continue;
    needles.push_back(std::move(n));
  }
  std::sort(needles.begin(), needles.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  needles.erase(std::unique(needles.begin(), needles.end()), needles.end());
  return needles;
}

// Escapes `raw` and wraps every occurrence of a needle in <mark>. Matching runs on the
// unescaped text, ASCII case-insensitively, and each segment is escaped on its own, so a mark
// can never split an entity ("amp" does not match inside "&amp;"). Needles are valid UTF-8,
// so a match can only start and end on character boundaries. An ASCII word is marked only as
// a whole word: matched terms are words as written in the source, and "id" should not light
// up inside "provide".
std::string Highlight(std::string_view raw, const std::vector<std::string>& needles) {
  const std::string text = ValidUtf8(raw);
  std::string out;
  out.reserve(text.size() + 32);
  if (needles.empty()) {
    AppendEscapedXml(out, text);
    return out;
  }
  const std::string lower = AsciiLowered(text);
  const std::string_view view(text);
  size_t plain_start = 0;
  size_t i = 0;
  while (i < lower.size()) {
    size_t hit = 0;
    for (const std::string& n : needles) {
      if (lower.compare(i, n.size(), n) != 0) continue;
      if (IsAsciiAlnum(n.front()) && i > 0 && IsAsciiAlnum(lower[i - 1])) continue;
      const size_t end = i + n.size();
      if (IsAsciiAlnum(n.back()) && end < lower.size() && IsAsciiAlnum(lower[end])) continue;
      hit = n.size();
      break;
    }
    if (hit == 0) {
      ++i;
      continue;
    }
    AppendEscapedXml(out, view.substr(plain_start, i - plain_start));
    out += "<mark>";
    AppendEscapedXml(out, view.substr(i, hit));
    out += "</mark>";
    i += hit;
    plain_start = i;
  }
  AppendEscapedXml(out, view.substr(plain_start));
  return out;
}

// Confidence as a whole percentage in [0, 100]; NaN and out-of-range values are clamped so a
// bad number never produces a broken style attribute.
int Percent(double fraction) {
  if (!(fraction > 0)) return 0;
  if (fraction >= 1) return 100;
  return static_cast<int>(std::lround(fraction * 100));
}

std::string FormatScore(double score) {
  if (!std::isfinite(score)) return "—";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", score);
  return buf;
}

std::string Anchor(size_t index) { return "item-" + std::to_string(index + 1); }

constexpr std::string_view kStyle = R"(
:root{--ok:#1b7f3b;--review:#a85d00;--none:#6b6b6b;--bg:#f6f7f8;--card:#fff;--line:#d9dde1;--ink:#1f2328;--muted:#59636e}
*{box-sizing:border-box}
[hidden]{display:none!important}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.7 "Hiragino Sans","Hiragino Kaku Gothic ProN","Noto Sans CJK JP","Noto Sans JP","Yu Gothic","YuGothic","Meiryo",system-ui,sans-serif;line-break:strict;overflow-wrap:anywhere}
header,main,footer{max-width:1120px;margin:0 auto;padding:12px 20px}
h1{font-size:22px;margin:8px 0 4px;line-height:1.4}
.meta{color:var(--muted);font-size:13px;margin:0}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px}
.meta dt{font-weight:600}
.meta dd{margin:0;word-break:break-all}
.summary{display:flex;gap:10px;flex-wrap:wrap;margin:14px 0 8px;padding:0;list-style:none}
.count{background:var(--card);border:1px solid var(--line);border-top:4px solid var(--c,var(--ink));border-radius:8px;padding:6px 14px;min-width:150px}
.count b{font-size:24px;display:block;line-height:1.3}
.count small{color:var(--muted)}
.answered{--c:var(--ok)}.needs_review{--c:var(--review)}.no_match{--c:var(--none)}
.bar{display:flex;height:12px;border-radius:6px;overflow:hidden;background:#e6e8eb;margin:8px 0}
.bar span{display:block;height:100%;background:var(--c)}
.badge{display:inline-block;background:var(--c);color:#fff;border-radius:4px;padding:0 8px;font-size:12px;line-height:1.8;white-space:nowrap}
.review-list{font-size:14px;margin:8px 0}
.review-list a{display:inline-block;margin:0 10px 2px 0;color:var(--review)}
.controls{position:sticky;top:0;z-index:2;display:flex;gap:8px;flex-wrap:wrap;align-items:center;max-width:1120px;margin:0 auto;padding:10px 20px;background:var(--bg);border-bottom:1px solid var(--line)}
.controls button{border:1px solid var(--line);background:var(--card);color:var(--ink);border-radius:16px;padding:3px 12px;cursor:pointer;font:inherit;font-size:14px}
.controls button[aria-pressed=true]{background:var(--c,var(--ink));border-color:var(--c,var(--ink));color:#fff}
.controls input{flex:1;min-width:220px;padding:5px 10px;border:1px solid var(--line);border-radius:6px;font:inherit}
.controls output{color:var(--muted);font-size:13px;white-space:nowrap}
.item{background:var(--card);border:1px solid var(--line);border-left:6px solid var(--c);border-radius:8px;padding:12px 18px;margin:14px 0;scroll-margin-top:64px}
.item:target{box-shadow:0 0 0 3px var(--c)}
.item-head{display:flex;gap:10px;flex-wrap:wrap;align-items:center;font-size:13px;color:var(--muted)}
.id{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:12px;color:var(--muted);word-break:break-all}
.item h2{font-size:16px;margin:6px 0 8px;font-weight:600;white-space:pre-wrap}
.conf{display:inline-flex;align-items:center;gap:6px}
.meter{display:inline-block;width:90px;height:7px;background:#e6e8eb;border-radius:4px;overflow:hidden}
.meter i{display:block;height:100%;background:var(--c)}
.proposal{background:#f3f6f4;border-radius:6px;padding:8px 12px;margin:6px 0}
.needs_review .proposal{background:#fbf5ec}.no_match .proposal{background:#f2f2f2;color:var(--muted)}
.proposal .choice{font-weight:700;margin-right:8px}
.proposal .text{white-space:pre-wrap}
.label{font-size:12px;color:var(--muted);margin-right:6px}
.options{font-size:13px;color:var(--muted);margin:4px 0}
.reason{font-size:13px;color:var(--muted);margin:6px 0}
details{margin-top:6px}
summary{cursor:pointer;font-size:14px;color:var(--muted)}
.sources{margin:4px 0 0;padding-left:22px}
.sources li{border-top:1px dashed var(--line);padding:6px 0;font-size:14px}
.src-head{display:flex;gap:10px;flex-wrap:wrap;align-items:baseline}
.doc{font-weight:600;word-break:break-all}
.score{color:var(--muted);font-size:12px}
.src-q{color:var(--ink);white-space:pre-wrap}
.src-a{color:#3d444d;white-space:pre-wrap;max-height:18em;overflow:auto}
mark{background:#ffe680;color:inherit;padding:0 1px;border-radius:2px}
.next{font-size:13px;margin:8px 0 0}
.next a{color:var(--review)}
.jump{position:fixed;right:16px;bottom:16px;z-index:3;background:var(--review);color:#fff;border-radius:20px;padding:6px 14px;font-size:14px;text-decoration:none;box-shadow:0 2px 6px rgba(0,0,0,.25)}
.empty{color:var(--muted);text-align:center;padding:24px}
footer{color:var(--muted);font-size:12px}
@media (max-width:640px){header,main,footer,.controls{padding:8px 10px}.item{padding:10px 12px}.count{min-width:0;flex:1}}
@media print{
body{background:#fff;font-size:11pt}
.controls,.jump,.next{display:none!important}
.item{break-inside:avoid;border-color:#999;box-shadow:none}
.src-a{max-height:none;overflow:visible}
a{color:inherit;text-decoration:none}
.badge,.bar span,.meter i,.item{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)";

constexpr std::string_view kScript = R"(
(function(){
var d=document,items=[].slice.call(d.querySelectorAll('.item'));
var buttons=[].slice.call(d.querySelectorAll('[data-filter]'));
var box=d.getElementById('q'),shown=d.getElementById('shown'),status='all';
var statuses=['all','answered','needs_review','no_match'];
function norm(s){s=String(s||'');try{s=s.normalize('NFKC');}catch(e){}return s.toLowerCase();}
var texts=items.map(function(it){return norm(it.textContent);});
function apply(save){
var words=norm(box.value).split(/\s+/).filter(Boolean),n=0;
items.forEach(function(it,i){
var ok=(status==='all'||it.getAttribute('data-status')===status)&&words.every(function(w){return texts[i].indexOf(w)>=0;});
it.hidden=!ok;if(ok)n++;});
buttons.forEach(function(b){b.setAttribute('aria-pressed',b.getAttribute('data-filter')===status?'true':'false');});
shown.textContent=n+' / '+items.length;
d.getElementById('none-shown').hidden=n>0||items.length===0;
if(save){var h='status='+status+(box.value?'&q='+encodeURIComponent(box.value):'');
try{history.replaceState(null,'','#'+h);}catch(e){}}}
function load(){var changed=false;
location.hash.replace(/^#/,'').split('&').forEach(function(kv){
var i=kv.indexOf('=');if(i<0)return;var k=kv.slice(0,i),v=kv.slice(i+1);
try{v=decodeURIComponent(v.replace(/\+/g,' '));}catch(e){}
if(k==='status'&&statuses.indexOf(v)>=0){status=v;changed=true;}
if(k==='q'){box.value=v;changed=true;}});return changed;}
// An anchor to a hidden item (review list, next links) clears the filter first.
function reveal(){var id=location.hash.slice(1),t=id&&d.getElementById(id);
if(t&&t.hidden){status='all';box.value='';apply(false);t.scrollIntoView();}}
buttons.forEach(function(b){b.addEventListener('click',function(){status=b.getAttribute('data-filter');apply(true);});});
box.addEventListener('input',function(){apply(true);});
window.addEventListener('hashchange',function(){if(load())apply(false);else reveal();});
// The floating button goes to the next item to review below the top of the window, wrapping.
var jump=d.getElementById('jump');
if(jump)jump.addEventListener('click',function(e){
var rev=items.filter(function(it){return !it.hidden&&it.getAttribute('data-status')==='needs_review';});
if(!rev.length)return;e.preventDefault();
var next=rev.find(function(it){return it.getBoundingClientRect().top>80;})||rev[0];
next.scrollIntoView({block:'start'});try{history.replaceState(null,'','#'+next.id);}catch(x){}});
window.addEventListener('beforeprint',function(){[].forEach.call(d.querySelectorAll('details'),function(x){x.open=true;});});
d.getElementById('controls').hidden=false;
load();apply(false);
d.documentElement.setAttribute('data-ready','1');
})();
)";

void RenderHeader(const AnswerRun& run, const size_t (&counts)[3], std::string& h) {
  const size_t total = run.items.size();
  h += "<header>\n<h1>回答レビュー / Answer review</h1>\n<dl class=\"meta\">\n";
  h += "<dt>チェックシート / Questionnaire</dt><dd id=\"questionnaire\">" +
       Escape(run.questionnaire_path) + "</dd>\n";
  h += "<dt>ライブラリ / Libraries</dt><dd id=\"libraries\">";
  if (run.library_paths.empty()) h += "—";
  for (size_t i = 0; i < run.library_paths.size(); ++i) {
    h += (i ? "<br>" : "") + Escape(run.library_paths[i]);
  }
  h += "</dd>\n</dl>\n<ul class=\"summary\" id=\"summary\">\n";
  for (Status s : kOrder) {
    const size_t n = counts[StatusIndex(s)];
    const int pct = total ? static_cast<int>(std::lround(100.0 * n / total)) : 0;
    h += std::string("<li class=\"count ") + StatusClass(s) + "\" id=\"count-" + StatusClass(s) +
         "\" data-count=\"" + std::to_string(n) + "\"><b>" + std::to_string(n) +
         "</b><span class=\"badge\">" + StatusLabel(s) + "</span> <small>" + std::to_string(pct) +
         "%</small></li>\n";
  }
  h += "<li class=\"count\" id=\"count-total\" data-count=\"" + std::to_string(total) + "\"><b>" +
       std::to_string(total) + "</b>合計 / Total</li>\n</ul>\n";

  // The proportion bar: flex-basis from the counts, a text alternative for screen readers.
  std::string bar_label = "回答状況 / Status:";
  for (Status s : kOrder) {
    bar_label += std::string(" ") + StatusClass(s) + " " + std::to_string(counts[StatusIndex(s)]);
  }
  h += "<div class=\"bar\" role=\"img\" aria-label=\"" + Escape(bar_label) + "\">";
  for (Status s : kOrder) {
    const size_t n = counts[StatusIndex(s)];
    if (n == 0 || total == 0) continue;
    char width[32];
    std::snprintf(width, sizeof width, "%.3f%%", 100.0 * n / total);
    h += std::string("<span class=\"") + StatusClass(s) + "\" style=\"width:" + width +
         "\" title=\"" + StatusLabel(s) + ": " + std::to_string(n) + "\"></span>";
  }
  h += "</div>\n";

  if (counts[StatusIndex(Status::kNeedsReview)] > 0) {
    h += "<nav class=\"review-list\" id=\"review-list\" aria-label=\"review\">"
         "<b>要確認の項目 / Items to review:</b> ";
    for (size_t i = 0; i < run.items.size(); ++i) {
      if (StatusIndex(run.items[i].status) != StatusIndex(Status::kNeedsReview)) continue;
      h += "<a href=\"#" + Anchor(i) + "\">" + Escape(run.items[i].id) + "</a>";
    }
    h += "</nav>\n";
  }
  h += "</header>\n";

  // A child of <body>, so that it stays in view (sticky) while the items scroll. Hidden until
  // the script runs: without script the buttons would do nothing.
  h += "<div class=\"controls\" id=\"controls\" hidden>\n";
  h += "<button type=\"button\" data-filter=\"all\" aria-pressed=\"true\">すべて / All</button>\n";
  for (Status s : kOrder) {
    h += std::string("<button type=\"button\" class=\"") + StatusClass(s) + "\" data-filter=\"" +
         StatusClass(s) + "\" aria-pressed=\"false\">" + StatusLabel(s) + " (" +
         std::to_string(counts[StatusIndex(s)]) + ")</button>\n";
  }
  h += "<input id=\"q\" type=\"search\" placeholder=\"検索 / Search\" "
       "aria-label=\"検索 / Search\" autocomplete=\"off\">\n";
  h += "<output id=\"shown\" aria-live=\"polite\">" + std::to_string(total) + " / " +
       std::to_string(total) + "</output>\n</div>\n";
}

void RenderSource(const Source& s, std::string& h) {
  const std::vector<std::string> needles = Needles(s.matched_terms);
  h += "<li class=\"source\"><div class=\"src-head\"><span class=\"doc\" title=\"" + Escape(s.doc) +
       "\">" + Escape(BaseName(s.doc)) + "</span><span class=\"id\">" + Escape(s.locator) +
       "</span><span class=\"score\">score " + FormatScore(s.score) + "</span></div>\n";
  h += "<div class=\"src-q\"><span class=\"label\">Q</span>" + Highlight(s.question, needles) +
       "</div>\n";
  h += "<div class=\"src-a\"><span class=\"label\">A</span>" + Highlight(s.answer, needles) +
       "</div></li>\n";
}

void RenderItem(const AnswerRun& run, size_t index, std::string& h) {
  const ItemResult& r = run.items[index];
  const std::string status = StatusClass(r.status);
  const int pct = Percent(r.confidence);
  h += "<section class=\"item " + status + "\" id=\"" + Anchor(index) + "\" data-status=\"" +
       status + "\">\n";
  h += "<div class=\"item-head\"><span class=\"id\">" + Escape(r.id) +
       "</span><span class=\"badge\">" + StatusLabel(r.status) +
       "</span><span class=\"conf\" title=\"確信度 / Confidence\">確信度 / Confidence "
       "<span class=\"meter\"><i style=\"width:" +
       std::to_string(pct) + "%\"></i></span><b class=\"pct\">" + std::to_string(pct) +
       "%</b></span></div>\n";
  h += "<h2 class=\"question\">" + Escape(r.question) + "</h2>\n";
  if (!r.options.empty()) {
    h += "<p class=\"options\"><span class=\"label\">選択肢 / Options</span>";
    for (size_t k = 0; k < r.options.size(); ++k) {
      h += (k ? " ｜ " : "") + Escape(r.options[k]);
    }
    h += "</p>\n";
  }
  h += "<div class=\"proposal\"><span class=\"label\">回答案 / Proposed answer</span>";
  if (!r.choice.empty()) h += "<span class=\"choice\">" + Escape(r.choice) + "</span>";
  if (!r.answer.empty()) {
    h += "<div class=\"text\">" + Escape(r.answer) + "</div>";
  } else if (r.choice.empty()) {
    h += "<span class=\"text\">— 回答案なし / No answer proposed</span>";
  }
  h += "</div>\n";
  if (!r.reason.empty()) {
    h += "<p class=\"reason\"><span class=\"label\">理由 / Reason</span>" + Escape(r.reason) +
         "</p>\n";
  }
  if (!r.sources.empty()) {
    // Sources of answered items start folded: the reviewer's attention belongs elsewhere.
    h += std::string("<details") + (r.status == Status::kAnswered ? "" : " open") +
         "><summary>根拠 / Sources (" + std::to_string(r.sources.size()) +
         ")</summary>\n<ol class=\"sources\">\n";
    for (const Source& s : r.sources) RenderSource(s, h);
    h += "</ol>\n</details>\n";
  }
  if (StatusIndex(r.status) == StatusIndex(Status::kNeedsReview)) {
    // A plain link to the next item to review works without script and in any viewer.
    size_t next = index + 1;
    while (next < run.items.size() &&
           StatusIndex(run.items[next].status) != StatusIndex(Status::kNeedsReview)) {
      ++next;
    }
    if (next < run.items.size()) {
      h += "<p class=\"next\"><a href=\"#" + Anchor(next) +
           "\">次の要確認へ / Next to review: " + Escape(run.items[next].id) + " ↓</a></p>\n";
    } else {
      h += "<p class=\"next\"><a href=\"#review-list\">最後の要確認です / Last item to review ↑"
           "</a></p>\n";
    }
  }
  h += "</section>\n";
}

}  // namespace

std::string RenderReportHtml(const AnswerRun& run) {
  size_t counts[3] = {0, 0, 0};
  for (const ItemResult& r : run.items) ++counts[StatusIndex(r.status)];

  std::string h;
  h.reserve(8192 + run.items.size() * 2048);
  h += "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n";
  h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  h += "<meta name=\"generator\" content=\"kotae\">\n";
  h += "<title>回答レビュー / Answer review — " + Escape(BaseName(run.questionnaire_path)) +
       "</title>\n<style>";
  h += kStyle;
  h += "</style>\n</head>\n<body>\n";
  RenderHeader(run, counts, h);
  h += "<main id=\"items\">\n";
  if (run.items.empty()) h += "<p class=\"empty\">項目がありません / No items</p>\n";
  h += "<p class=\"empty\" id=\"none-shown\" hidden>"
       "条件に合う項目はありません / No items match the filter</p>\n";
  for (size_t i = 0; i < run.items.size(); ++i) RenderItem(run, i, h);
  h += "</main>\n";
  if (counts[StatusIndex(Status::kNeedsReview)] > 0) {
    h +=
        "<a class=\"jump\" id=\"jump\" href=\"#review-list\">次の要確認へ / Next to review ↓</a>\n";
  }
  h += "<footer>kotae — 承認済み回答ライブラリからの回答案です。送付前に要確認の項目を確認して"
       "ください。 / Proposed from the approved answer library; check the items that need "
       "review before sending.</footer>\n<script>";
  h += kScript;
  h += "</script>\n</body>\n</html>\n";
  return h;
}

}  // namespace kotae::answer
