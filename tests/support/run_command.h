// Running programs from tests: the built kotae binary end to end, and the tools some tests
// drive (python3 scorers, LibreOffice, Chromium). One implementation (fork, exec, wait4)
// serves every test that starts a process, so the exit status, the signal, the peak memory and
// the output are read the same way everywhere.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace kotae::test {

// What one finished run did.
struct CommandResult {
  bool exited = false;   // ended by exit(), not by a signal (false also when it never ran)
  int exit_code = -1;    // exit status when `exited`, else -1
  int signal = 0;        // the signal that ended it, else 0
  long max_rss_kib = 0;  // peak resident memory of the child (ru_maxrss from wait4)
  std::string out;       // what it wrote to stdout (empty when discarded)
  std::string err;       // what it wrote to stderr
};

struct CommandOptions {
  std::filesystem::path cwd;               // working directory; empty: the test's own
  std::map<std::string, std::string> env;  // set (overwriting) in the child's environment
  unsigned cpu_seconds = 0;                // RLIMIT_CPU, killed by SIGXCPU past it; 0: none
  bool discard_stdout = false;             // stdout to /dev/null instead of `out`
};

// Runs the program at `argv[0]` (a path; PATH is not searched) with arguments `argv`, no
// shell in between. stdin is /dev/null; stdout and stderr are captured through unlinked
// temporary files, so a chatty child can never block on a full pipe.
CommandResult RunCommand(const std::vector<std::string>& argv, const CommandOptions& options = {});

// Runs `command` through /bin/sh -c, for tests that want a shell's quoting, redirections
// ("2>&1") and `timeout`; otherwise as RunCommand.
CommandResult RunShell(const std::string& command, const CommandOptions& options = {});

}  // namespace kotae::test
