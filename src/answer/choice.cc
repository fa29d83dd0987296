#include "answer/choice.h"

#include <array>

#include "text/analyzer.h"

namespace kotae::answer {
namespace {

struct Marker {
  std::string_view text;  // normalised (NFKC + case folded)
  Polarity polarity;
};

// Lead words, longest and most specific first: 「該当なし」 must win over 「なし」, 「未実施」 over
// 「実施」. Matched only when followed by a boundary so that 「無停電電源装置」 is not 「無」.
constexpr std::array kLeadMarkers = {
    Marker{"該当なし", Polarity::kNotApplicable},
    Marker{"該当無し", Polarity::kNotApplicable},
    Marker{"該当しない", Polarity::kNotApplicable},
    Marker{"対象外", Polarity::kNotApplicable},
    Marker{"not applicable", Polarity::kNotApplicable},
    Marker{"n/a", Polarity::kNotApplicable},
    Marker{"na", Polarity::kNotApplicable},
    Marker{"一部実施", Polarity::kPartial},
    Marker{"一部対応", Polarity::kPartial},
    Marker{"一部", Polarity::kPartial},
    Marker{"partially", Polarity::kPartial},
    Marker{"partial", Polarity::kPartial},
    Marker{"△", Polarity::kPartial},
    Marker{"未実施", Polarity::kNegative},
    Marker{"未対応", Polarity::kNegative},
    Marker{"非対応", Polarity::kNegative},
    Marker{"対応不可", Polarity::kNegative},
    Marker{"不可", Polarity::kNegative},
    Marker{"無し", Polarity::kNegative},
    Marker{"なし", Polarity::kNegative},
    Marker{"ナシ", Polarity::kNegative},
    Marker{"無", Polarity::kNegative},
    Marker{"いいえ", Polarity::kNegative},
    Marker{"no", Polarity::kNegative},
    Marker{"×", Polarity::kNegative},
    Marker{"✕", Polarity::kNegative},
    Marker{"✗", Polarity::kNegative},
    Marker{"有り", Polarity::kPositive},
    Marker{"あり", Polarity::kPositive},
    Marker{"アリ", Polarity::kPositive},
    Marker{"有", Polarity::kPositive},
    Marker{"はい", Polarity::kPositive},
    Marker{"yes", Polarity::kPositive},
    Marker{"○", Polarity::kPositive},
    Marker{"〇", Polarity::kPositive},
    Marker{"◯", Polarity::kPositive},
    Marker{"◎", Polarity::kPositive},
    Marker{"実施済み", Polarity::kPositive},
    Marker{"実施済", Polarity::kPositive},
    Marker{"実施", Polarity::kPositive},
    Marker{"対応済み", Polarity::kPositive},
    Marker{"対応可能", Polarity::kPositive},
    Marker{"対応", Polarity::kPositive},
    Marker{"可能", Polarity::kPositive},
    Marker{"可", Polarity::kPositive},
    Marker{"適合", Polarity::kPositive},
    Marker{"準拠", Polarity::kPositive},
};

// Sentence-level phrases, used only when the answer has no lead word.
constexpr std::array kNegativePhrases = {
    std::string_view("しておりません"),
    std::string_view("していません"),
    std::string_view("行っておりません"),
    std::string_view("行っていません"),
    std::string_view("実施しておりません"),
    std::string_view("ございません"),
    std::string_view("ありません"),
    std::string_view("できません"),
    std::string_view("未実施"),
    std::string_view("未対応"),
    std::string_view("非対応"),
    std::string_view("対応していない"),
    std::string_view("予定はない"),
    std::string_view("not supported"),
    std::string_view("not provided"),
    std::string_view("not available"),
    std::string_view("we do not"),
    std::string_view("does not"),
    std::string_view("do not"),
    std::string_view("don't"),
    std::string_view("doesn't"),
    std::string_view("cannot"),
    std::string_view("is not"),
    std::string_view("are not"),
};
constexpr std::array kPositivePhrases = {
    std::string_view("しています"),     std::string_view("しております"),
    std::string_view("行っています"),   std::string_view("行っております"),
    std::string_view("実施しています"), std::string_view("可能です"),
    std::string_view("対応しています"), std::string_view("取得しています"),
    std::string_view("設けています"),   std::string_view("定めています"),
    std::string_view("規定しています"), std::string_view("しています。"),
    std::string_view("されています"),   std::string_view("ております"),
    std::string_view("we do"),          std::string_view("is supported"),
    std::string_view("are supported"),  std::string_view("is enforced"),
    std::string_view("are enforced"),   std::string_view("is required"),
    std::string_view("are required"),   std::string_view("we have"),
    std::string_view("we use"),         std::string_view("is encrypted"),
    std::string_view("are encrypted"),  std::string_view("is performed"),
    std::string_view("are performed"),
};

bool IsBoundaryAt(std::string_view s, size_t pos) {
  if (pos >= s.size()) return true;
  const unsigned char c = static_cast<unsigned char>(s[pos]);
  if (c < 0x80) {
    return !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '/');
  }
  // Japanese punctuation and brackets that may follow a lead word: 、。・（「【 and spaces.
  static constexpr std::array kBoundaries = {
      std::string_view("、"),     std::string_view("。"), std::string_view("・"),
      std::string_view("("),      std::string_view("「"), std::string_view("【"),
      std::string_view("\u3000"), std::string_view("/"),  std::string_view("※"),
      std::string_view("■"),      std::string_view("●"),  std::string_view("→"),
  };
  const std::string_view rest = s.substr(pos);
  for (std::string_view b : kBoundaries) {
    if (rest.starts_with(b)) return true;
  }
  return false;
}

std::string_view SkipLeadingNoise(std::string_view s) {
  // Bullets and brackets often open a cell: "■有り", "【無し】", "・はい".
  static constexpr std::array kNoise = {
      std::string_view(" "),  std::string_view("■"),  std::string_view("□"),  std::string_view("●"),
      std::string_view("・"), std::string_view("【"), std::string_view("["),  std::string_view("("),
      std::string_view("「"), std::string_view("*"),  std::string_view("\n"),
  };
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    for (std::string_view n : kNoise) {
      if (s.starts_with(n)) {
        s.remove_prefix(n.size());
        changed = true;
      }
    }
  }
  return s;
}

Polarity LeadPolarity(std::string_view normalized) {
  const std::string_view s = SkipLeadingNoise(normalized);
  // A dash means "not applicable" only as the whole answer; "- item" is a bullet.
  for (std::string_view dash : {std::string_view("-"), std::string_view("―"), std::string_view("—"),
                                std::string_view("ー")}) {
    if (s == dash) return Polarity::kNotApplicable;
  }
  for (const Marker& m : kLeadMarkers) {
    if (s.starts_with(m.text)) {
      std::string_view rest = s.substr(m.text.size());
      // Closing brackets right after the word ("【無し】") are part of the lead.
      for (std::string_view close : {std::string_view("】"), std::string_view("]"),
                                     std::string_view(")"), std::string_view("」")}) {
        if (rest.starts_with(close)) rest.remove_prefix(close.size());
      }
      if (IsBoundaryAt(rest, 0)) {
        return m.polarity;
      }
    }
  }
  return Polarity::kUnknown;
}

int CountPhrases(std::string_view text, const auto& phrases) {
  int count = 0;
  for (std::string_view p : phrases) {
    if (text.find(p) != std::string_view::npos) ++count;
  }
  return count;
}

}  // namespace

const char* PolarityName(Polarity polarity) {
  switch (polarity) {
    case Polarity::kPositive:
      return "positive";
    case Polarity::kNegative:
      return "negative";
    case Polarity::kNotApplicable:
      return "not_applicable";
    case Polarity::kPartial:
      return "partial";
    case Polarity::kUnknown:
      break;
  }
  return "unknown";
}

Polarity AnswerPolarity(std::string_view answer) {
  const std::string normalized = text::Normalize(answer);
  const Polarity lead = LeadPolarity(normalized);
  if (lead != Polarity::kUnknown) return lead;
  const int negative = CountPhrases(normalized, kNegativePhrases);
  // "しておりません" contains "ております"-like stems only in the negative form; count the
  // positive phrases on the text with the negative ones removed so one sentence is not both.
  std::string positives_only;
  positives_only.reserve(normalized.size());
  for (size_t i = 0; i < normalized.size();) {
    size_t skip = 0;
    for (std::string_view p : kNegativePhrases) {
      if (std::string_view(normalized).substr(i).starts_with(p)) {
        skip = p.size();
        break;
      }
    }
    if (skip > 0) {
      positives_only += ' ';
      i += skip;
    } else {
      positives_only += normalized[i++];
    }
  }
  const int positive = CountPhrases(positives_only, kPositivePhrases);
  if (negative > 0 && positive == 0) return Polarity::kNegative;
  if (positive > 0 && negative == 0) return Polarity::kPositive;
  return Polarity::kUnknown;
}

Polarity OptionPolarity(std::string_view option) {
  const std::string normalized = text::Normalize(option);
  Polarity p = LeadPolarity(normalized);
  if (p != Polarity::kUnknown) return p;
  return Polarity::kUnknown;
}

std::string PickChoice(const std::vector<std::string>& options, std::string_view answer) {
  if (options.empty()) return {};
  const Polarity wanted = AnswerPolarity(answer);
  if (wanted == Polarity::kUnknown) return {};
  for (const std::string& option : options) {
    if (OptionPolarity(option) == wanted) return option;
  }
  return {};
}

std::vector<std::string> OptionsFromHint(std::string_view hint) {
  const std::string h = text::Normalize(hint);
  auto has = [&h](std::string_view s) { return h.find(s) != std::string::npos; };
  if (has("有無")) return {"有り", "無し"};
  if (has("○") && has("×")) return {"○", "×"};
  if (has("yes") && has("no")) {
    if (has("n/a")) return {"Yes", "No", "N/A"};
    return {"Yes", "No"};
  }
  if (has("はい") && has("いいえ")) return {"はい", "いいえ"};
  return {};
}

}  // namespace kotae::answer
