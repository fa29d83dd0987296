// The BM25F index against a brute-force scorer written straight from the formula in index.h.
#include "index/index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

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

TEST(Index, MatchesBruteForceOnRandomCorpora) {
  std::mt19937 rng(20261125);
  for (int round = 0; round < 60; ++round) {
    const int nf = 1 + static_cast<int>(rng() % 4);
    const int vocab = 5 + static_cast<int>(rng() % 40);
    const int ndocs = 1 + static_cast<int>(rng() % 80);
    auto word = [&] { return "t" + std::to_string(rng() % vocab); };
    std::vector<Doc> docs(ndocs, Doc(nf));
    for (Doc& d : docs) {
      for (int f = 0; f < nf; ++f) {
        const int len = static_cast<int>(rng() % 12);
        for (int i = 0; i < len; ++i) d[f].push_back(word());
      }
    }
    Bm25fParams p;
    p.k1 = 0.5f + static_cast<float>(rng() % 20) / 10.0f;
    for (int f = 0; f < nf; ++f) {
      p.b[f] = static_cast<float>(rng() % 11) / 10.0f;
      p.weight[f] = static_cast<float>(rng() % 5) / 2.0f;
    }
    std::vector<QueryTerm> query;
    const int qlen = static_cast<int>(rng() % 8);
    for (int i = 0; i < qlen; ++i) {
      query.push_back(
          {rng() % 5 == 0 ? "unknown" : word(), 0.25f + static_cast<float>(rng() % 8) / 4});
    }
    if (qlen > 1) query.push_back(query[0]);  // a repeated term adds its weight
    const size_t k = 1 + rng() % 15;
    auto index = Build(docs, nf);
    const auto got = index->Search(query, k, p);
    const auto want = BruteForce(docs, nf, query, k, p);
    ASSERT_EQ(got.size(), want.size()) << "round " << round;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_NEAR(got[i].score, want[i].score, 1e-3 * std::max(1.0f, want[i].score))
          << "round " << round << " rank " << i;
      // Equal scores may order differently only within float noise.
      if (std::fabs(got[i].score - want[i].score) < 1e-5f) {
        EXPECT_EQ(got[i].doc, want[i].doc) << "round " << round << " rank " << i;
      }
      EXPECT_NEAR(index->Score(query, got[i].doc, p), got[i].score,
                  1e-4 * std::max(1.0f, got[i].score));
    }
  }
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
