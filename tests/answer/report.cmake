# review report tests (HTML content, escaping, headless Chromium rendering)
kotae_add_test(answer_report_test SOURCES report_test.cc LIBS kotae_answer)
