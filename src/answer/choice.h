// Option mapping: reads whether an approved answer says yes, no or "not applicable", and picks
// the matching value from an item's answer options (有り/無し/該当なし, ○/×/－, Yes/No/N/A,
// はい/いいえ, 実施/未実施 …).
//
// The answer's polarity comes from its lead word ("有り ・保存期間…", "No, …") or, failing that,
// from sentence endings (「実施しています」 vs 「しておりません」, "is enforced" vs "do not"). An
// answer that says both, or neither, is kUnknown and no choice is made: a wrong ○ is worse
// than an empty cell. Stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kotae::answer {

enum class Polarity { kUnknown, kPositive, kNegative, kNotApplicable, kPartial };

const char* PolarityName(Polarity polarity);

// Polarity of a whole answer text (any normalisation state).
Polarity AnswerPolarity(std::string_view answer);

// Polarity of one answer option ("有り", "×", "N/A", "Partially").
Polarity OptionPolarity(std::string_view option);

// The option whose polarity is the answer's, or "" when the answer's polarity is unknown or no
// option carries it.
std::string PickChoice(const std::vector<std::string>& options, std::string_view answer);

// Options implied by a header or unit cell when the sheet has no dropdown: "○/×" gives
// {"○", "×"}, "有無" gives {"有り", "無し"}. Empty when the text names no option set.
std::vector<std::string> OptionsFromHint(std::string_view hint);

}  // namespace kotae::answer
