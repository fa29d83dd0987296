#include "cli/commands.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>

#include "answer/engine.h"
#include "answer/fill_plan.h"
#include "answer/library.h"
#include "answer/report.h"
#include "answer/run_json.h"
#include "base/file.h"
#include "sheet/fill.h"
#include "sheet/grid.h"
#include "text/vocabulary.h"

namespace kotae::cli {
namespace {

const char* FormatName(sheet::SourceFormat format) {
  switch (format) {
    case sheet::SourceFormat::kXlsx:
      return "xlsx";
    case sheet::SourceFormat::kCsv:
      return "csv";
    case sheet::SourceFormat::kTextTable:
      return "text-table";
    case sheet::SourceFormat::kProse:
      return "prose";
  }
  return "unknown";
}

std::string ColumnLabel(int col) { return col < 0 ? "-" : sheet::ColumnName(col); }

std::string FindVocabulary(const std::string& explicit_path) {
  if (!explicit_path.empty()) return explicit_path;
  namespace fs = std::filesystem;
  std::error_code ec;
  if (const char* env = std::getenv("KOTAE_DATA_DIR"); env != nullptr && *env != '\0') {
    return (fs::path(env) / "vocabulary.tsv").string();
  }
  const fs::path built_in = fs::path(KOTAE_DEFAULT_DATA_DIR) / "vocabulary.tsv";
  if (fs::exists(built_in, ec)) return built_in.string();
  // An installed or moved binary looks beside itself: <prefix>/bin/kotae → <prefix>/data.
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (const fs::path& candidate :
         {self.parent_path() / "data" / "vocabulary.tsv",
          self.parent_path().parent_path() / "data" / "vocabulary.tsv",
          self.parent_path().parent_path() / "share" / "kotae" / "vocabulary.tsv"}) {
      if (fs::exists(candidate, ec)) return candidate.string();
    }
  }
  return built_in.string();
}

Status RefuseOverwrite(const std::string& output, const std::string& input, const char* what) {
  if (!output.empty() && output != "-" && SameFile(output, input)) {
    return Status::InvalidInput(output + ": refusing to write the " + what +
                                " over an input file (" + input + ")");
  }
  return Status::Ok();
}

Status WriteOutput(const std::string& path, const std::string& data, std::ostream& out) {
  if (path == "-") {
    out << data;
    return Status::Ok();
  }
  return WriteFileAtomic(path, data);
}

}  // namespace

int ParseColumn(const std::string& text) {
  if (text.empty()) return -1;
  bool digits = true;
  for (char c : text) digits = digits && c >= '0' && c <= '9';
  if (digits) {
    if (text.size() > 5) return -2;
    const int n = std::atoi(text.c_str());
    return n >= 1 ? n - 1 : -2;
  }
  std::string upper;
  for (char c : text) upper += static_cast<char>((c >= 'a' && c <= 'z') ? c - 32 : c);
  const int col = upper.size() <= 3 ? sheet::ColumnIndex(upper) : -1;
  return col >= 0 ? col : -2;
}

Status RunParse(const ParseCommand& command, std::ostream& out) {
  Result<sheet::Questionnaire> read = sheet::ReadQuestionnaire(command.path, command.read);
  if (!read.ok()) return read.status();
  const sheet::Questionnaire& q = *read;
  if (command.json) {
    nlohmann::ordered_json root;
    root["path"] = q.path;
    root["format"] = FormatName(q.format);
    nlohmann::ordered_json items = nlohmann::ordered_json::array();
    for (const sheet::Item& item : q.items) {
      std::vector<std::string> option_cols;
      for (int c : item.option_cols) option_cols.push_back(ColumnLabel(c));
      items.push_back({{"id", item.id},
                       {"kind", item.kind == sheet::ItemKind::kPassage ? "passage" : "question"},
                       {"sheet", item.sheet},
                       {"row", item.row + 1},
                       {"number", item.number},
                       {"sections", item.sections},
                       {"question", item.question},
                       {"unit", item.unit},
                       {"answer", item.answer},
                       {"choice", item.choice},
                       {"remarks", item.remarks},
                       {"options", item.options},
                       {"answer_col", item.answer_col < 0 ? "" : ColumnLabel(item.answer_col)},
                       {"choice_col", item.choice_col < 0 ? "" : ColumnLabel(item.choice_col)},
                       {"remarks_col", item.remarks_col < 0 ? "" : ColumnLabel(item.remarks_col)},
                       {"option_cols", option_cols}});
    }
    root["items"] = std::move(items);
    out << root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
    return Status::Ok();
  }
  out << q.path << ": " << q.items.size() << " items (" << FormatName(q.format) << ")\n";
  for (const sheet::Item& item : q.items) {
    out << "\n" << item.id;
    if (!item.number.empty()) out << "  No." << item.number;
    if (!item.sections.empty()) {
      out << "  [";
      for (size_t i = 0; i < item.sections.size(); ++i) {
        out << (i ? " > " : "") << item.sections[i];
      }
      out << "]";
    }
    out << "\n  Q: " << item.question << "\n";
    if (!item.choice.empty()) out << "  choice: " << item.choice << "\n";
    if (!item.answer.empty()) out << "  A: " << item.answer << "\n";
    if (!item.remarks.empty()) out << "  remarks: " << item.remarks << "\n";
    if (!item.options.empty()) {
      out << "  options:";
      for (const std::string& o : item.options) out << " [" << o << "]";
      out << "\n";
    }
    if (item.kind == sheet::ItemKind::kQuestion) {
      out << "  columns: answer " << ColumnLabel(item.answer_col) << ", choice "
          << ColumnLabel(item.choice_col) << ", remarks " << ColumnLabel(item.remarks_col);
      if (!item.option_cols.empty()) {
        out << ", marks";
        for (size_t i = 0; i < item.option_cols.size(); ++i) {
          out << " " << ColumnLabel(item.option_cols[i]) << "=" << item.options[i];
        }
      }
      out << "\n";
    }
  }
  return Status::Ok();
}

Status RunAnswer(const AnswerCommand& command, std::ostream& out, std::ostream& err) {
  const auto started = std::chrono::steady_clock::now();
  // Outputs must never replace an input: check before any work so nothing is half-done.
  std::vector<std::string> inputs = command.library_paths;
  inputs.push_back(command.sheet_path);
  for (const std::string& input : inputs) {
    KOTAE_RETURN_IF_ERROR(RefuseOverwrite(command.filled_path, input, "filled sheet"));
    KOTAE_RETURN_IF_ERROR(RefuseOverwrite(command.json_path, input, "answer run"));
    KOTAE_RETURN_IF_ERROR(RefuseOverwrite(command.report_path, input, "report"));
  }
  if (command.library_paths.empty()) {
    return Status::InvalidInput("no --library file given: kotae answers only from a library");
  }

  answer::EngineOptions engine_options;
  for (const std::string& setting : command.engine_settings) {
    const size_t eq = setting.find('=');
    if (eq == std::string::npos) {
      return Status::InvalidInput("--set " + setting + ": expected KEY=VALUE");
    }
    KOTAE_RETURN_IF_ERROR(
        answer::SetEngineOption(&engine_options, setting.substr(0, eq), setting.substr(eq + 1)));
  }

  Result<sheet::Questionnaire> questionnaire =
      sheet::ReadQuestionnaire(command.sheet_path, command.read);
  if (!questionnaire.ok()) return questionnaire.status();
  if (questionnaire->items.empty()) {
    return Status::InvalidInput(command.sheet_path +
                                ": no questions found (name the table with --header-row and "
                                "--question-col, or --sheet)");
  }
  if (!command.filled_path.empty() && questionnaire->format == sheet::SourceFormat::kProse) {
    return Status::InvalidInput(command.sheet_path +
                                ": a prose document has no answer cells to fill (-o)");
  }

  Result<answer::Library> library = answer::Library::Load(command.library_paths);
  if (!library.ok()) return library.status();
  if (library->entries().empty()) {
    std::string paths;
    for (const std::string& p : command.library_paths) paths += (paths.empty() ? "" : ", ") + p;
    return Status::InvalidInput(paths + ": no answered question or passage to answer from");
  }
  for (const std::string& empty : library->empty_paths()) {
    err << "kotae: warning: " << empty
        << ": no answered question or passage; it adds nothing to the library\n";
  }

  std::shared_ptr<const text::Vocabulary> vocabulary;
  const std::string vocabulary_path = FindVocabulary(command.vocabulary_path);
  Result<text::Vocabulary> loaded = text::Vocabulary::Load(vocabulary_path);
  if (loaded.ok()) {
    vocabulary = std::make_shared<const text::Vocabulary>(std::move(loaded).value());
  } else if (!command.vocabulary_path.empty()) {
    return loaded.status();  // asked for explicitly: a broken file is an error
  } else {
    err << "kotae: warning: " << loaded.status().message()
        << " (answering without the security vocabulary)\n";
  }

  Result<std::unique_ptr<answer::Engine>> engine =
      answer::Engine::Create(std::move(library).value(), vocabulary, engine_options);
  if (!engine.ok()) return engine.status();
  answer::AnswerRun run = (*engine)->AnswerAll(*questionnaire);

  if (!command.json_path.empty()) {
    KOTAE_RETURN_IF_ERROR(WriteOutput(command.json_path, answer::RunToJson(run), out));
  }
  if (!command.report_path.empty()) {
    KOTAE_RETURN_IF_ERROR(WriteOutput(command.report_path, answer::RenderReportHtml(run), out));
  }
  if (!command.filled_path.empty()) {
    const std::vector<sheet::CellFill> fills = answer::PlanFills(*questionnaire, run);
    const Status filled =
        questionnaire->format == sheet::SourceFormat::kXlsx
            ? sheet::FillXlsx(command.sheet_path, command.filled_path, fills)
            : sheet::FillDelimited(command.sheet_path, command.filled_path, fills);
    KOTAE_RETURN_IF_ERROR(filled);
  }

  if (!command.quiet) {
    size_t answered = 0, review = 0, none = 0;
    for (const answer::ItemResult& r : run.items) {
      if (r.status == answer::Status::kAnswered)
        ++answered;
      else if (r.status == answer::Status::kNeedsReview)
        ++review;
      else
        ++none;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    char line[200];
    std::snprintf(line, sizeof line,
                  "kotae: %zu items: %zu answered, %zu to review, %zu unanswered "
                  "(%zu library entries, %.2f s)\n",
                  run.items.size(), answered, review, none, (*engine)->library().entries().size(),
                  seconds);
    err << line;
  }
  return Status::Ok();
}

}  // namespace kotae::cli
