// Bad input end to end: every file of the generated broken-input corpus (make_broken_files.py)
// goes through `kotae parse`. Each must end with the expected exit code — 2 with exactly one
// line on stderr naming the file, or 0 for the few inputs that are odd but readable — never by
// a signal, and within the documented memory bound (peak RSS under 1 GiB; not checked under
// sanitizers, whose shadow memory inflates RSS).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

extern char** environ;

namespace {

namespace fs = std::filesystem;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

constexpr long kMaxRssKiB = 1024 * 1024;  // 1 GiB

struct Outcome {
  bool exited = false;
  int code = -1;
  int signal = 0;
  long max_rss_kib = 0;
  std::string stderr_text;
};

Outcome ParseFile(const fs::path& file, const fs::path& err_path) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  std::string bin = KOTAE_BINARY, sub = "parse", arg = file.string();
  char* argv[] = {bin.data(), sub.data(), arg.data(), nullptr};
  pid_t pid = 0;
  Outcome o;
  if (posix_spawn(&pid, bin.c_str(), &actions, nullptr, argv, environ) != 0) return o;
  posix_spawn_file_actions_destroy(&actions);
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) != pid) return o;
  o.exited = WIFEXITED(status);
  o.code = o.exited ? WEXITSTATUS(status) : -1;
  o.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  o.max_rss_kib = usage.ru_maxrss;
  std::ifstream in(err_path);
  std::stringstream ss;
  ss << in.rdbuf();
  o.stderr_text = ss.str();
  return o;
}

TEST(BrokenFiles, OneLineErrorExitTwoBoundedMemory) {
  const fs::path dir = fs::temp_directory_path() / "kotae_broken_files";
  fs::remove_all(dir);
  const std::string generate = "python3 '" + std::string(KOTAE_TEST_DIR) +
                               "/make_broken_files.py' '" + (dir / "in").string() + "' >/dev/null";
  ASSERT_EQ(std::system(generate.c_str()), 0);

  // Readable oddities: kotae reads them (exit 0) rather than refusing. Everything else in the
  // corpus is broken and must be refused.
  const std::map<std::string, int> readable = {
      {"good.xlsx", 0},                              // the reference workbook
      {"dimension_lies.xlsx", 0},                    // <dimension> is a hint, never trusted
      {"far_cell_reference.xlsx", 0},                // one cell at XFD1048576: stored sparsely
      {"missing_shared_strings.xlsx", 0},            // reference to an absent table: blank cell
      {"shared_string_index_out_of_range.xlsx", 0},  // same: blank cell, not a crash
  };
  int broken = 0;
  for (const auto& entry : fs::directory_iterator(dir / "in")) {
    const std::string name = entry.path().filename().string();
    SCOPED_TRACE(name);
    const Outcome o = ParseFile(entry.path(), dir / "stderr.txt");
    ASSERT_TRUE(o.exited) << "killed by signal " << o.signal;
    if (!kSanitized) {
      EXPECT_LT(o.max_rss_kib, kMaxRssKiB) << "peak RSS " << o.max_rss_kib << " KiB";
    }
    auto it = readable.find(name);
    if (it != readable.end()) {
      EXPECT_EQ(o.code, it->second) << o.stderr_text;
      continue;
    }
    ++broken;
    EXPECT_EQ(o.code, 2) << o.stderr_text;
    EXPECT_EQ(std::count(o.stderr_text.begin(), o.stderr_text.end(), '\n'), 1) << o.stderr_text;
    EXPECT_NE(o.stderr_text.find(name), std::string::npos) << o.stderr_text;
  }
  // A nonexistent path, too.
  const Outcome missing = ParseFile(dir / "in" / "no_such_file.xlsx", dir / "stderr.txt");
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.stderr_text.find("no_such_file.xlsx"), std::string::npos);
  ++broken;
  EXPECT_GE(broken, 25) << "the corpus must hold at least 25 broken inputs";
  fs::remove_all(dir);
}

}  // namespace
