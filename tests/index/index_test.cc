// The BM25F index against a brute-force scorer written straight from the formula in index.h.
#include "index/index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <thread>

namespace kotae::index {
namespace {

using Doc = std::vector<std::vector<std::string>>;

// Reference: recomputes every statistic from the raw documents for every query.
std::vector<Hit> BruteForce(const std::vector<Doc>& docs, int nf,
                            const std::vector<QueryTerm>& query, size_t k, const Bm25fParams& p) {
  const double n = static_cast<double>(docs.size());
  std::vector<double> avg(nf, 0.0);
  for (const Doc& d : docs) {
    for (int f = 0; f < nf; ++f) avg[f] += static_cast<double>(d[f].size()) / n;
  }
  std::map<std::string, double> qw;
  for (const QueryTerm& q : query) qw[q.term] += q.weight;
  std::vector<Hit> hits;
  for (std::uint32_t i = 0; i < docs.size(); ++i) {
    double score = 0;
    bool any = false;
    for (const auto& [term, w] : qw) {
      double df = 0;
      for (const Doc& d : docs) {
        bool has = false;
        for (int f = 0; f < nf; ++f) {
          has = has || std::count(d[f].begin(), d[f].end(), term) > 0;
        }
        df += has;
      }
      if (df == 0) continue;
      double tf = 0;
      for (int f = 0; f < nf; ++f) {
        const double c =
            static_cast<double>(std::count(docs[i][f].begin(), docs[i][f].end(), term));
        if (c == 0 || p.weight[f] == 0) continue;
        const double norm = 1 - p.b[f] + p.b[f] * docs[i][f].size() / (avg[f] > 0 ? avg[f] : 1);
        tf += p.weight[f] * c / norm;
      }
      if (tf <= 0) continue;
      any = true;
      const double idf = std::log(1 + (n - df + 0.5) / (df + 0.5));
      score += w * idf * tf / (p.k1 + tf) * (p.k1 + 1);
    }
    if (any && score > 0) hits.push_back({i, static_cast<float>(score)});
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.score > b.score || (a.score == b.score && a.doc < b.doc);
  });
  if (hits.size() > k) hits.resize(k);
  return hits;
}

std::unique_ptr<Index> Build(const std::vector<Doc>& docs, int nf) {
  IndexBuilder b(nf);
  for (const Doc& d : docs) b.Add(d);
  return b.Build();
}

enum class BMode { kRandom, kZero, kOne };

// One random corpus, parameter set and query; compares Search() and Score() with the
// reference. Small vocabularies and duplicated documents make exact ties common.
void CheckRandomRound(std::mt19937& rng, int round, BMode mode) {
  const int nf = 1 + static_cast<int>(rng() % 4);
  const int vocab = 3 + static_cast<int>(rng() % 40);
  const int ndocs = 1 + static_cast<int>(rng() % 120);
  auto word = [&] { return "t" + std::to_string(rng() % vocab); };
  std::vector<Doc> docs;
  while (static_cast<int>(docs.size()) < ndocs) {
    if (!docs.empty() && rng() % 6 == 0) {
      docs.push_back(docs[rng() % docs.size()]);  // an exact duplicate: a guaranteed tie
      continue;
    }
    Doc d(nf);
    for (int f = 0; f < nf; ++f) {
      const int len = static_cast<int>(rng() % (rng() % 4 == 0 ? 40 : 12));
      for (int i = 0; i < len; ++i) d[f].push_back(word());
    }
    docs.push_back(std::move(d));
  }
  Bm25fParams p;
  p.k1 = static_cast<float>(rng() % 30) / 10.0f;
  for (int f = 0; f < nf; ++f) {
    p.b[f] = mode == BMode::kZero  ? 0.0f
             : mode == BMode::kOne ? 1.0f
                                   : static_cast<float>(rng() % 11) / 10.0f;
    p.weight[f] = static_cast<float>(rng() % 5) / 2.0f;
  }
  std::vector<QueryTerm> query;
  const int qlen = static_cast<int>(rng() % 10);
  for (int i = 0; i < qlen; ++i) {
    query.push_back({rng() % 5 == 0 ? "unknown" + std::to_string(rng() % 3) : word(),
                     0.25f + static_cast<float>(rng() % 8) / 4});
  }
  if (qlen > 1) query.push_back(query[0]);  // a repeated term adds its weight
  const size_t k = rng() % 3 == 0 ? docs.size() + 5 : 1 + rng() % 15;
  auto index = Build(docs, nf);
  const auto got = index->Search(query, k, p);
  const auto want = BruteForce(docs, nf, query, k, p);
  ASSERT_EQ(got.size(), want.size()) << "round " << round;
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_NEAR(got[i].score, want[i].score, 1e-4 * std::max(1.0f, want[i].score))
        << "round " << round << " rank " << i;
    // Ranks may swap only between documents whose true scores differ by float noise.
    if (got[i].doc != want[i].doc) {
      const auto all = BruteForce(docs, nf, query, docs.size(), p);
      float got_true = -1;
      for (const Hit& h : all) {
        if (h.doc == got[i].doc) got_true = h.score;
      }
      EXPECT_NEAR(got_true, want[i].score, 1e-4 * std::max(1.0f, want[i].score))
          << "round " << round << " rank " << i << ": doc " << got[i].doc << " instead of "
          << want[i].doc;
    }
  }
  // Identical documents score identically, so among them the smaller id must come first.
  for (size_t i = 0; i + 1 < got.size(); ++i) {
    for (size_t j = i + 1; j < got.size(); ++j) {
      if (docs[got[i].doc] == docs[got[j].doc]) {
        EXPECT_LT(got[i].doc, got[j].doc) << "round " << round;
      }
    }
  }
  // Score() of every document, returned or not, agrees with the reference (0 without a
  // matching term in a weighted field).
  const auto all = BruteForce(docs, nf, query, docs.size(), p);
  std::vector<float> ref(docs.size(), 0.0f);
  for (const Hit& h : all) ref[h.doc] = h.score;
  for (std::uint32_t d = 0; d < docs.size(); ++d) {
    EXPECT_NEAR(index->Score(query, d, p), ref[d], 1e-4 * std::max(1.0f, ref[d]))
        << "round " << round << " doc " << d;
  }
  for (const Hit& h : got) EXPECT_EQ(index->Score(query, h.doc, p), h.score);
}

TEST(Index, MatchesBruteForceOnRandomCorpora) {
  std::mt19937 rng(20261125);
  for (int round = 0; round < 300; ++round) CheckRandomRound(rng, round, BMode::kRandom);
}

TEST(Index, MatchesBruteForceWithoutLengthNormalisation) {
  std::mt19937 rng(7);
  for (int round = 0; round < 60; ++round) CheckRandomRound(rng, round, BMode::kZero);
}

TEST(Index, MatchesBruteForceWithFullLengthNormalisation) {
  std::mt19937 rng(11);
  for (int round = 0; round < 60; ++round) CheckRandomRound(rng, round, BMode::kOne);
}

// Worked by hand from the formula, so the reference itself is checked against numbers.
TEST(Index, HandComputedScore) {
  // doc 0: field0 = [a a b], field1 = [a]; doc 1: field0 = [b], field1 = [c c c]
  auto index = Build({Doc{{"a", "a", "b"}, {"a"}}, Doc{{"b"}, {"c", "c", "c"}}}, 2);
  Bm25fParams p;
  p.k1 = 1.0f;
  p.b[0] = 0.5f;
  p.b[1] = 1.0f;
  p.weight[0] = 2.0f;
  p.weight[1] = 1.0f;
  // avglen: field0 = 2, field1 = 2. Term a, doc 0: 2*2/(0.5+0.5*3/2) + 1*1/(1/2) = 3.2 + 2
  const double tf = 2.0 * 2 / 1.25 + 1.0 / 0.5;
  const double idf = std::log(1 + (2 - 1 + 0.5) / (1 + 0.5));
  const double want = 1.5 * idf * tf / (1 + tf) * 2;
  EXPECT_NEAR(index->Score({{"a", 1.0f}, {"a", 0.5f}}, 0, p), want, 1e-5);
  const auto hits = index->Search({{"a", 1.0f}, {"a", 0.5f}}, 10, p);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].doc, 0u);
  EXPECT_NEAR(hits[0].score, want, 1e-5);
  EXPECT_EQ(index->DocFreq("b"), 2u);
  EXPECT_EQ(index->DocFreq("c"), 1u);
  EXPECT_EQ(index->num_terms(), 3u);
}

// A term present only in a field weighted 0 does not make a document a hit.
TEST(Index, ZeroWeightFieldContributesNothing) {
  auto index = Build({Doc{{"x"}, {"y"}}, Doc{{"y"}, {"x"}}}, 2);
  Bm25fParams p;
  p.weight[1] = 0;
  const auto hits = index->Search({{"x", 1}}, 10, p);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].doc, 0u);
  EXPECT_EQ(index->Score({{"x", 1}}, 1, p), 0.0f);
}

// Search() keeps a per-thread accumulator: a large index then a small one, and several
// threads at once, must all see clean state.
TEST(Index, ScratchStateDoesNotLeakBetweenQueriesIndexesOrThreads) {
  std::mt19937 rng(3);
  std::vector<Doc> big(500, Doc(2));
  for (Doc& d : big) {
    for (int i = 0; i < 6; ++i) d[rng() % 2].push_back("w" + std::to_string(rng() % 30));
  }
  auto big_index = Build(big, 2);
  auto small_index = Build({Doc{{"w1"}, {}}, Doc{{"w2"}, {"w1"}}}, 2);
  Bm25fParams p;
  const std::vector<QueryTerm> q = {{"w1", 1}, {"w2", 1}, {"w3", 2}};
  const auto want_big = BruteForce(big, 2, q, 20, p);
  const auto want_small = BruteForce({Doc{{"w1"}, {}}, Doc{{"w2"}, {"w1"}}}, 2, q, 20, p);
  auto check = [&](const std::vector<Hit>& got, const std::vector<Hit>& want) {
    ASSERT_EQ(got.size(), want.size());
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_NEAR(got[i].score, want[i].score, 1e-4);
    }
  };
  for (int i = 0; i < 3; ++i) {
    check(big_index->Search(q, 20, p), want_big);
    check(small_index->Search(q, 20, p), want_small);
  }
  std::vector<std::vector<Hit>> results(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) results[t] = big_index->Search(q, 20, p);
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& r : results) check(r, want_big);
}

TEST(Index, TermFrequencySaturatesWithoutOverflow) {
  Doc d(1);
  d[0].assign(300, "x");
  auto index = Build({d, Doc{{"y"}}}, 1);
  Bm25fParams p;
  const float s = index->Score({{"x", 1}}, 0, p);
  EXPECT_GT(s, 0.0f);
  EXPECT_TRUE(std::isfinite(s));
  EXPECT_EQ(index->DocFreq("x"), 1u);
}

TEST(Index, EdgeCases) {
  Bm25fParams p;
  auto empty = Build({}, 2);
  EXPECT_EQ(empty->num_docs(), 0u);
  EXPECT_TRUE(empty->Search({{"a", 1}}, 5, p).empty());

  auto one = Build({Doc{{"a", "b"}, {"a"}}}, 2);
  EXPECT_EQ(one->DocFreq("a"), 1u);
  EXPECT_EQ(one->DocFreq("zzz"), 0u);
  EXPECT_TRUE(one->Search({}, 5, p).empty());
  EXPECT_TRUE(one->Search({{"a", 1}}, 0, p).empty());
  EXPECT_EQ(one->Search({{"a", 1}}, 10, p).size(), 1u);
  EXPECT_TRUE(one->Search({{"nope", 1}}, 10, p).empty());
  Bm25fParams zero;
  zero.weight[0] = zero.weight[1] = 0;
  EXPECT_TRUE(one->Search({{"a", 1}}, 10, zero).empty());
  EXPECT_GT(one->MemoryBytes(), 0u);
  Bm25fParams b0, b1;
  b0.b[0] = b0.b[1] = 0.0f;
  b1.b[0] = b1.b[1] = 1.0f;
  // With one document every length equals the average, so b does not matter.
  EXPECT_NEAR(one->Search({{"a", 1}}, 1, b0)[0].score, one->Search({{"a", 1}}, 1, b1)[0].score,
              1e-6);
  EXPECT_TRUE(one->Search({{"a", 0}}, 10, p).empty());  // no positive weight, no hit

  IndexBuilder builder(2);
  builder.Add({{"a"}, {"b"}, {"ignored third field"}});
  builder.Add({});
  auto ragged = builder.Build();
  EXPECT_EQ(ragged->num_docs(), 2u);
  EXPECT_EQ(ragged->DocFreq("ignored third field"), 0u);
  EXPECT_EQ(ragged->Search({{"b", 1}}, 5, p).size(), 1u);
  // The builder is empty and reusable after Build().
  builder.Add({{"z"}});
  EXPECT_EQ(builder.Build()->num_docs(), 1u);
}

TEST(Index, TiesGoToTheSmallerDocId) {
  auto index = Build({Doc{{"x"}}, Doc{{"y"}}, Doc{{"x"}}, Doc{{"x"}}}, 1);
  Bm25fParams p;
  auto hits = index->Search({{"x", 1}}, 2, p);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].doc, 0u);
  EXPECT_EQ(hits[1].doc, 2u);
}

}  // namespace
}  // namespace kotae::index
