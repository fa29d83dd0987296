#include "support/run_command.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>

namespace kotae::test {
namespace {

// An unlinked temporary file the child writes one stream into; closed on destruction.
class Capture {
 public:
  Capture() : file_(std::tmpfile()) {}
  ~Capture() {
    if (file_ != nullptr) std::fclose(file_);
  }
  Capture(const Capture&) = delete;
  Capture& operator=(const Capture&) = delete;

  int fd() const { return file_ != nullptr ? fileno(file_) : -1; }

  // Everything written so far, from the start of the file.
  std::string Text() const {
    std::string text;
    if (file_ == nullptr || lseek(fd(), 0, SEEK_SET) != 0) return text;
    char buf[1 << 16];
    for (;;) {
      const ssize_t n = read(fd(), buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      text.append(buf, static_cast<std::size_t>(n));
    }
    return text;
  }

 private:
  std::FILE* file_;
};

}  // namespace

CommandResult RunCommand(const std::vector<std::string>& argv, const CommandOptions& options) {
  CommandResult result;
  if (argv.empty()) return result;
  // Everything the child needs is prepared before fork: it only redirects and execs.
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const std::string cwd = options.cwd.string();
  Capture out, err;
  if (out.fd() < 0 || err.fd() < 0) return result;

  const pid_t pid = fork();
  if (pid < 0) return result;
  if (pid == 0) {
    const int in = open("/dev/null", O_RDONLY);
    const int stdout_fd = options.discard_stdout ? open("/dev/null", O_WRONLY) : out.fd();
    if (in < 0 || stdout_fd < 0 || dup2(in, 0) < 0 || dup2(stdout_fd, 1) < 0 ||
        dup2(err.fd(), 2) < 0 || (!cwd.empty() && chdir(cwd.c_str()) != 0)) {
      _exit(126);
    }
    if (options.cpu_seconds > 0) {
      const rlimit cpu{options.cpu_seconds, options.cpu_seconds};
      setrlimit(RLIMIT_CPU, &cpu);
    }
    for (const auto& [name, value] : options.env) setenv(name.c_str(), value.c_str(), 1);
    execv(args[0], args.data());
    _exit(127);
  }

  int status = 0;
  rusage usage{};
  pid_t waited;
  do {
    waited = wait4(pid, &status, 0, &usage);
  } while (waited < 0 && errno == EINTR);
  if (waited != pid) return result;
  result.exited = WIFEXITED(status);
  result.exit_code = result.exited ? WEXITSTATUS(status) : -1;
  result.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  result.max_rss_kib = usage.ru_maxrss;
  result.out = out.Text();
  result.err = err.Text();
  return result;
}

CommandResult RunShell(const std::string& command, const CommandOptions& options) {
  return RunCommand({"/bin/sh", "-c", command}, options);
}

}  // namespace kotae::test
