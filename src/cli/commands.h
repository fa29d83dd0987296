// The `kotae` command's subcommands, separated from argument parsing so that tests and the
// benchmark can call them. Each returns a Status whose ExitCode() is the process's.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "base/status.h"
#include "sheet/reader.h"

namespace kotae::cli {

struct ParseCommand {
  std::string path;
  bool json = false;
  sheet::ReadOptions read;
};

struct AnswerCommand {
  std::string sheet_path;
  std::vector<std::string> library_paths;
  std::string json_path;        // "" = none, "-" = stdout
  std::string filled_path;      // -o
  std::string report_path;      // --report
  std::string vocabulary_path;  // "" = find data/vocabulary.tsv
  bool quiet = false;
  std::vector<std::string> engine_settings;  // --set KEY=VALUE, applied in order
  sheet::ReadOptions read;                   // overrides for the incoming sheet only
};

Status RunParse(const ParseCommand& command, std::ostream& out);
Status RunAnswer(const AnswerCommand& command, std::ostream& out, std::ostream& err);

// "C" → 2, "3" → 2 (1-based number), "" → -1; -2 when the text is neither.
int ParseColumn(const std::string& text);

}  // namespace kotae::cli
