# review report tests: page content, escaping and structure (report_test.cc); rendering and
# the filter script in headless Chromium (report_chromium_test.cc, skipped without chromium).
kotae_add_test(answer_report_test
  SOURCES report_test.cc report_chromium_test.cc
  LIBS kotae_answer kotae_test_support)
