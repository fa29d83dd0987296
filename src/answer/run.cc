#include "answer/run.h"

namespace kotae::answer {

const char* StatusName(Status status) {
  switch (status) {
    case Status::kAnswered:
      return "answered";
    case Status::kNeedsReview:
      return "needs_review";
    case Status::kNoMatch:
      break;
  }
  return "no_match";
}

}  // namespace kotae::answer
