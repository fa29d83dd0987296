# review report sources
target_sources(kotae_answer PRIVATE ${CMAKE_CURRENT_LIST_DIR}/report.cc)
