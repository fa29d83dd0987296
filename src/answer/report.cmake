# review report sources (owner: report)
