// End to end: `kotae answer -o` on real workbooks (the corpus's blank sheets and the bundled
// example), then `kotae parse` of the filled file and a LibreOffice conversion of it. Answers
// must sit in the answer cells of the right rows, review items stay answerable by a person,
// no_match rows stay blank, and LibreOffice must open every filled workbook.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/run_command.h"

namespace {

namespace fs = std::filesystem;

using kotae::test::CommandResult;
using kotae::test::RunShell;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Case {
  std::string name;
  fs::path sheet;
  std::vector<fs::path> library;
};

std::vector<Case> Cases() {
  std::vector<Case> cases;
  const fs::path repo = fs::path(KOTAE_TEST_DIR).parent_path().parent_path();
  cases.push_back({"example",
                   repo / "examples/incoming/check_sheet.xlsx",
                   {repo / "examples/library/answered_sheet.csv",
                    repo / "examples/library/security_policy.md"}});
  const fs::path shared = KOTAE_SHARED_DIR;
  if (fs::exists(shared / "corpus/seeds")) {
    std::vector<fs::path> seeds;
    for (const auto& e : fs::directory_iterator(shared / "corpus/seeds")) {
      const std::string f = e.path().filename().string();
      if (f.rfind("000_", 0) == 0 || f.rfind("001_", 0) == 0 || f.rfind("002_", 0) == 0) {
        seeds.push_back(e.path());
      }
    }
    for (const char* blank :
         {"english_questionnaire_blank", "iso27017_checklist_blank", "sla_checksheet_blank"}) {
      cases.push_back({blank, shared / "corpus/xlsx" / (std::string(blank) + ".xlsx"), seeds});
    }
  }
  return cases;
}

TEST(FillRoundTrip, AnswersLandInTheirCellsAndLibreOfficeOpensTheFile) {
  // Per process: two test runs on one machine (a developer's and CI's) must not share it.
  const fs::path dir =
      fs::temp_directory_path() / ("kotae_fill_roundtrip_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "home");
  const bool have_soffice = fs::exists("/usr/bin/soffice");
  for (const Case& c : Cases()) {
    SCOPED_TRACE(c.name);
    const fs::path filled = dir / (c.name + "_filled.xlsx");
    const fs::path run_json = dir / (c.name + ".json");
    std::string command = std::string(KOTAE_BINARY) + " answer --quiet '" + c.sheet.string() + "'";
    for (const fs::path& l : c.library) command += " --library '" + l.string() + "'";
    command += " --json '" + run_json.string() + "' -o '" + filled.string() + "' 2>&1";
    const CommandResult answer_run = RunShell(command);
    ASSERT_EQ(answer_run.exit_code, 0) << answer_run.out;

    const auto run = nlohmann::json::parse(Slurp(run_json));
    const CommandResult parse_run =
        RunShell(std::string(KOTAE_BINARY) + " parse --json '" + filled.string() + "'");
    const auto parsed = nlohmann::json::parse(parse_run.out);
    ASSERT_EQ(parse_run.exit_code, 0) << parse_run.err;
    ASSERT_EQ(parsed["items"].size(), run["items"].size());
    int answered = 0;
    for (size_t i = 0; i < run["items"].size(); ++i) {
      const auto& r = run["items"][i];
      const auto& p = parsed["items"][i];
      ASSERT_EQ(r["id"], p["id"]);
      const std::string written = p["answer"].get<std::string>() + " " +
                                  p["choice"].get<std::string>() + " " +
                                  p["remarks"].get<std::string>();
      if (r["status"] == "no_match") {
        EXPECT_EQ(p["answer"], "") << r["id"];
        EXPECT_EQ(p["choice"], "") << r["id"];
        continue;
      }
      ++answered;
      if (!r["choice"].get<std::string>().empty()) {
        EXPECT_NE(written.find(r["choice"].get<std::string>()), std::string::npos) << r["id"];
      }
      // The start of the answer text appears in the row's own cells (a byte prefix of a
      // UTF-8 string is still found in it even when it ends inside a character).
      const std::string answer = r["answer"];
      EXPECT_NE(written.find(answer.substr(0, 24)), std::string::npos) << r["id"];
    }
    EXPECT_GT(answered, 0);

    if (!have_soffice) continue;
    // All sheets to CSV (the 12th token -1 = every sheet, one file each).
    const std::string convert =
        "HOME='" + (dir / "home").string() +
        "' timeout 180 soffice --headless --convert-to "
        "'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' "
        "--outdir '" +
        (dir / c.name).string() + "' '" + filled.string() + "' 2>&1";
    const CommandResult converted = RunShell(convert);
    ASSERT_EQ(converted.exit_code, 0) << converted.out;
    std::string all_csv;
    for (const auto& e : fs::directory_iterator(dir / c.name)) all_csv += Slurp(e.path());
    ASSERT_FALSE(all_csv.empty()) << "LibreOffice wrote no CSV";
    for (const auto& r : run["items"]) {
      if (r["status"] != "answered") continue;
      const std::string answer = r["answer"];
      // A short ASCII-safe probe: the first line of the answer, bounded.
      const std::string probe = answer.substr(0, answer.find('\n')).substr(0, 12);
      EXPECT_NE(all_csv.find(probe), std::string::npos) << r["id"] << " " << probe;
      break;  // one answered row per workbook is enough to show LibreOffice reads the fill
    }
  }
  fs::remove_all(dir);
}

}  // namespace
