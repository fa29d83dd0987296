// kotae — answers security check sheets from a library of approved answers.
//
//   kotae parse FILE [--json]
//   kotae answer SHEET --library FILE [--library FILE …] [--json OUT] [-o FILLED]
//                [--report REPORT.html]
//
// Exit codes: 0 success, 2 bad input (the message names the file and the problem), 1 any
// other failure. Errors are one line on stderr.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/commands.h"

namespace {

void AddReadOverrides(CLI::App* app, kotae::sheet::ReadOptions* read, std::string* question_col,
                      std::string* answer_col) {
  app->add_option("--sheet", read->sheet, "read only this worksheet");
  app->add_option("--header-row", read->header_row, "1-based row of the (last) header row")
      ->check(CLI::PositiveNumber);
  app->add_option("--question-col", *question_col, "question column (letter or 1-based number)");
  app->add_option("--answer-col", *answer_col, "answer column (letter or 1-based number)");
}

kotae::Status ApplyColumns(kotae::sheet::ReadOptions* read, const std::string& question_col,
                           const std::string& answer_col) {
  read->question_col = kotae::cli::ParseColumn(question_col);
  read->answer_col = kotae::cli::ParseColumn(answer_col);
  if (read->question_col == -2) {
    return kotae::Status::InvalidInput("--question-col: not a column: " + question_col);
  }
  if (read->answer_col == -2) {
    return kotae::Status::InvalidInput("--answer-col: not a column: " + answer_col);
  }
  return kotae::Status::Ok();
}

int Report(const kotae::Status& status) {
  if (status.ok()) return 0;
  std::string message = status.message();
  for (char& c : message) {
    if (c == '\n' || c == '\r') c = ' ';  // one line, always
  }
  std::cerr << "kotae: error: " << message << "\n";
  return status.ExitCode();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kotae — answers security check sheets from a library of approved answers"};
  app.require_subcommand(1);

  kotae::cli::ParseCommand parse;
  std::string parse_qcol, parse_acol;
  CLI::App* parse_app = app.add_subcommand("parse", "print the items found in a sheet or document");
  parse_app->add_option("file", parse.path, "xlsx, csv/tsv, text table, md/txt, pdf or docx")
      ->required();
  parse_app->add_flag("--json", parse.json, "print JSON instead of text");
  AddReadOverrides(parse_app, &parse.read, &parse_qcol, &parse_acol);

  kotae::cli::AnswerCommand answer;
  std::string answer_qcol, answer_acol;
  CLI::App* answer_app = app.add_subcommand("answer", "answer a sheet from library files");
  answer_app->add_option("sheet", answer.sheet_path, "the incoming check sheet")->required();
  answer_app
      ->add_option("--library,-l", answer.library_paths,
                   "answered sheet or policy document (repeatable)")
      ->required();
  answer_app->add_option("--json", answer.json_path, "write the answer run as JSON ('-' = stdout)");
  answer_app->add_option("-o,--output", answer.filled_path,
                         "write the customer's sheet back with the answers filled in");
  answer_app->add_option("--report", answer.report_path, "write the HTML review report");
  answer_app->add_option("--vocabulary", answer.vocabulary_path,
                         "security vocabulary file (default: data/vocabulary.tsv)");
  answer_app->add_flag("--quiet,-q", answer.quiet, "no summary line on stderr");
  answer_app->add_option("--set", answer.engine_settings,
                         "override a retrieval or decision tunable, KEY=VALUE (repeatable; "
                         "names: src/answer/engine.h)");
  AddReadOverrides(answer_app, &answer.read, &answer_qcol, &answer_acol);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;  // usage errors are bad input
  }

  if (*parse_app) {
    kotae::Status columns = ApplyColumns(&parse.read, parse_qcol, parse_acol);
    if (!columns.ok()) return Report(columns);
    return Report(kotae::cli::RunParse(parse, std::cout));
  }
  kotae::Status columns = ApplyColumns(&answer.read, answer_qcol, answer_acol);
  if (!columns.ok()) return Report(columns);
  return Report(kotae::cli::RunAnswer(answer, std::cout, std::cerr));
}
