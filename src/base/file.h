// File access with limits. Every reader of user input goes through here so that a file
// larger than a reader is prepared to handle is refused before it is loaded.
//
// Functions are stateless and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace kotae {

// Largest input file kotae loads into memory (256 MiB). Documented in README.md.
inline constexpr std::uint64_t kMaxInputFileBytes = 256ull << 20;

// Reads a whole file. Fails with kNotFound if it does not exist, kInvalidInput if it is a
// directory or larger than `max_bytes`, kIoError on a read error. Messages name the path.
Result<std::string> ReadFile(const std::string& path,
                             std::uint64_t max_bytes = kMaxInputFileBytes);

// Writes `data` to `path` atomically: to a temporary file in the same directory, flushed,
// then renamed over `path`. On failure the temporary file is removed and `path` is untouched.
Status WriteFileAtomic(const std::string& path, std::string_view data);

// True if both paths name the same existing file (same device and inode).
bool SameFile(const std::string& a, const std::string& b);

// Lower-cased extension without the dot ("xlsx"), or "" if none.
std::string FileExtension(std::string_view path);

// The final path component ("dir/book.xlsx" -> "book.xlsx").
std::string BaseName(std::string_view path);

}  // namespace kotae
