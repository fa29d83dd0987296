#include "base/file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace kotae {
namespace {

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("kotae_file_test_" + std::to_string(::getpid()) + "_" + name))
      .string();
}

TEST(FileTest, ReadsWhatWasWritten) {
  std::string path = TempPath("a.txt");
  ASSERT_TRUE(WriteFileAtomic(path, "こんにちは\n").ok());
  auto data = ReadFile(path);
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(*data, "こんにちは\n");
  std::filesystem::remove(path);
}

TEST(FileTest, MissingFileIsNotFoundAndNamesThePath) {
  auto data = ReadFile("/nonexistent/kotae.xlsx");
  ASSERT_FALSE(data.ok());
  EXPECT_EQ(data.status().code(), StatusCode::kNotFound);
  EXPECT_NE(data.status().message().find("/nonexistent/kotae.xlsx"), std::string::npos);
}

TEST(FileTest, RefusesFilesOverTheLimit) {
  std::string path = TempPath("big.txt");
  ASSERT_TRUE(WriteFileAtomic(path, std::string(100, 'x')).ok());
  auto data = ReadFile(path, 10);
  ASSERT_FALSE(data.ok());
  EXPECT_EQ(data.status().code(), StatusCode::kInvalidInput);
  std::filesystem::remove(path);
}

TEST(FileTest, DirectoryIsBadInput) {
  auto data = ReadFile(std::filesystem::temp_directory_path().string());
  ASSERT_FALSE(data.ok());
  EXPECT_EQ(data.status().ExitCode(), 2);
}

TEST(FileTest, FailedWriteLeavesNothingBehind) {
  Status s = WriteFileAtomic("/nonexistent-dir/out.csv", "x");
  EXPECT_FALSE(s.ok());
  EXPECT_FALSE(std::filesystem::exists("/nonexistent-dir/out.csv"));
}

TEST(FileTest, SameFileSeesThroughDifferentSpellings) {
  std::string path = TempPath("same.txt");
  ASSERT_TRUE(WriteFileAtomic(path, "x").ok());
  std::string other = std::filesystem::path(path).parent_path().string() + "/./" +
                      std::filesystem::path(path).filename().string();
  EXPECT_TRUE(SameFile(path, other));
  EXPECT_FALSE(SameFile(path, "/nonexistent"));
  std::filesystem::remove(path);
}

TEST(FileTest, ExtensionAndBaseName) {
  EXPECT_EQ(FileExtension("dir/Book.XLSX"), "xlsx");
  EXPECT_EQ(FileExtension("dir.v2/README"), "");
  EXPECT_EQ(BaseName("a/b/c.csv"), "c.csv");
}

}  // namespace
}  // namespace kotae
