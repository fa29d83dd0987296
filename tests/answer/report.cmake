# review report tests (owner: report)
