#include "base/status.h"

#include <gtest/gtest.h>

namespace kotae {
namespace {

Result<int> Half(int x) {
  if (x % 2 != 0) return Status::InvalidInput("odd: " + std::to_string(x));
  return x / 2;
}

Result<int> Quarter(int x) {
  KOTAE_ASSIGN_OR_RETURN(int half, Half(x));
  return Half(half);
}

TEST(StatusTest, OkByDefault) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ExitCode(), 0);
}

TEST(StatusTest, BadInputExitsWithTwo) {
  EXPECT_EQ(Status::InvalidInput("x").ExitCode(), 2);
  EXPECT_EQ(Status::NotFound("x").ExitCode(), 2);
  EXPECT_EQ(Status::IoError("x").ExitCode(), 1);
}

TEST(StatusTest, PrefixNamesTheFile) {
  Status s = Status::InvalidInput("bad zip").WithPrefix("book.xlsx");
  EXPECT_EQ(s.message(), "book.xlsx: bad zip");
  EXPECT_TRUE(Status::Ok().WithPrefix("x").ok());
}

TEST(ResultTest, PropagatesErrors) {
  EXPECT_EQ(*Quarter(8), 2);
  Result<int> r = Quarter(6);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "odd: 3");
}

}  // namespace
}  // namespace kotae
