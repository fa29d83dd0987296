#include <algorithm>
#include <cmath>
#include <queue>
#include <unordered_map>

#include "index/index.h"

namespace kotae::index {
namespace {

struct Posting {
  std::uint32_t doc;
  std::uint16_t tf[kMaxFields];
};

}  // namespace

struct IndexBuilder::Impl {
  int num_fields;
  std::unordered_map<std::string, std::uint32_t> dictionary;
  std::vector<std::vector<Posting>> postings;  // by term id
  std::vector<std::uint32_t> lengths;          // doc * num_fields + field
  std::uint32_t num_docs = 0;
};

struct Index::Impl {
  int num_fields;
  std::uint32_t num_docs;
  std::unordered_map<std::string, std::uint32_t> dictionary;
  std::vector<std::vector<Posting>> postings;
  std::vector<std::uint32_t> lengths;
  double avg_length[kMaxFields] = {};

  float Contribution(const Posting& p, double idf, float query_weight,
                     const Bm25fParams& params) const {
    double tf = 0;
    for (int f = 0; f < num_fields; ++f) {
      if (p.tf[f] == 0 || params.weight[f] == 0) continue;
      const double len = lengths[static_cast<size_t>(p.doc) * num_fields + f];
      const double avg = avg_length[f] > 0 ? avg_length[f] : 1.0;
      const double norm = 1.0 - params.b[f] + params.b[f] * len / avg;
      tf += params.weight[f] * p.tf[f] / norm;
    }
    if (tf <= 0) return 0;
    return static_cast<float>(query_weight * idf * tf / (params.k1 + tf) * (params.k1 + 1));
  }

  double Idf(std::uint32_t doc_freq) const {
    return std::log(1.0 + (num_docs - doc_freq + 0.5) / (doc_freq + 0.5));
  }

  // Query terms merged by term id (duplicate terms add their weights), unknown terms dropped.
  std::vector<std::pair<std::uint32_t, float>> Resolve(const std::vector<QueryTerm>& query) const {
    std::vector<std::pair<std::uint32_t, float>> out;
    for (const QueryTerm& q : query) {
      auto it = dictionary.find(q.term);
      if (it == dictionary.end()) continue;
      out.emplace_back(it->second, q.weight);
    }
    std::sort(out.begin(), out.end());
    std::vector<std::pair<std::uint32_t, float>> merged;
    for (const auto& [id, w] : out) {
      if (!merged.empty() && merged.back().first == id) {
        merged.back().second += w;
      } else {
        merged.emplace_back(id, w);
      }
    }
    return merged;
  }
};

IndexBuilder::IndexBuilder(int num_fields) : impl_(std::make_unique<Impl>()) {
  impl_->num_fields = std::clamp(num_fields, 1, kMaxFields);
}
IndexBuilder::~IndexBuilder() = default;

std::uint32_t IndexBuilder::Add(const std::vector<std::vector<std::string>>& fields) {
  const std::uint32_t doc = impl_->num_docs++;
  const int nf = impl_->num_fields;
  impl_->lengths.resize(static_cast<size_t>(impl_->num_docs) * nf, 0);
  for (int f = 0; f < nf && f < static_cast<int>(fields.size()); ++f) {
    for (const std::string& term : fields[static_cast<size_t>(f)]) {
      auto [it, inserted] =
          impl_->dictionary.emplace(term, static_cast<std::uint32_t>(impl_->postings.size()));
      if (inserted) impl_->postings.emplace_back();
      auto& list = impl_->postings[it->second];
      if (list.empty() || list.back().doc != doc) list.push_back(Posting{doc, {}});
      std::uint16_t& tf = list.back().tf[f];
      if (tf < UINT16_MAX) ++tf;  // saturating: BM25 saturates long before this
      ++impl_->lengths[static_cast<size_t>(doc) * nf + f];
    }
  }
  return doc;
}

std::unique_ptr<Index> IndexBuilder::Build() {
  auto impl = std::make_unique<Index::Impl>();
  impl->num_fields = impl_->num_fields;
  impl->num_docs = impl_->num_docs;
  impl->dictionary = std::move(impl_->dictionary);
  impl->postings = std::move(impl_->postings);
  impl->lengths = std::move(impl_->lengths);
  for (auto& list : impl->postings) list.shrink_to_fit();
  if (impl->num_docs > 0) {
    for (int f = 0; f < impl->num_fields; ++f) {
      double sum = 0;
      for (std::uint32_t d = 0; d < impl->num_docs; ++d) {
        sum += impl->lengths[static_cast<size_t>(d) * impl->num_fields + f];
      }
      impl->avg_length[f] = sum / impl->num_docs;
    }
  }
  *impl_ = Impl{impl_->num_fields, {}, {}, {}, 0};
  return std::unique_ptr<Index>(new Index(std::move(impl)));
}

Index::Index(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Index::~Index() = default;
std::uint32_t Index::num_docs() const { return impl_->num_docs; }
int Index::num_fields() const { return impl_->num_fields; }

std::uint32_t Index::DocFreq(std::string_view term) const {
  auto it = impl_->dictionary.find(std::string(term));
  return it == impl_->dictionary.end()
             ? 0
             : static_cast<std::uint32_t>(impl_->postings[it->second].size());
}

std::vector<Hit> Index::Search(const std::vector<QueryTerm>& query, size_t k,
                               const Bm25fParams& params) const {
  std::vector<Hit> hits;
  if (k == 0 || impl_->num_docs == 0) return hits;
  // Term-at-a-time into a dense accumulator: libraries are at most a few hundred thousand
  // entries, so one float per document is cheaper than any sparse structure.
  std::vector<float> scores(impl_->num_docs, 0.0f);
  std::vector<std::uint32_t> touched;
  for (const auto& [id, weight] : impl_->Resolve(query)) {
    const auto& list = impl_->postings[id];
    const double idf = impl_->Idf(static_cast<std::uint32_t>(list.size()));
    for (const Posting& p : list) {
      const float c = impl_->Contribution(p, idf, weight, params);
      if (c == 0) continue;
      if (scores[p.doc] == 0) touched.push_back(p.doc);
      scores[p.doc] += c;
    }
  }
  auto better = [](const Hit& a, const Hit& b) {
    return a.score > b.score || (a.score == b.score && a.doc < b.doc);
  };
  // Bounded heap whose top is the worst of the k best so far.
  std::priority_queue<Hit, std::vector<Hit>, decltype(better)> heap(better);
  for (std::uint32_t doc : touched) {
    const Hit h{doc, scores[doc]};
    if (h.score <= 0) continue;
    if (heap.size() < k) {
      heap.push(h);
    } else if (better(h, heap.top())) {
      heap.pop();
      heap.push(h);
    }
  }
  hits.reserve(heap.size());
  while (!heap.empty()) {
    hits.push_back(heap.top());
    heap.pop();
  }
  std::sort(hits.begin(), hits.end(), better);
  return hits;
}

float Index::Score(const std::vector<QueryTerm>& query, std::uint32_t doc,
                   const Bm25fParams& params) const {
  if (doc >= impl_->num_docs) return 0;
  float score = 0;
  for (const auto& [id, weight] : impl_->Resolve(query)) {
    const auto& list = impl_->postings[id];
    auto it = std::lower_bound(list.begin(), list.end(), doc,
                               [](const Posting& p, std::uint32_t d) { return p.doc < d; });
    if (it == list.end() || it->doc != doc) continue;
    score += impl_->Contribution(*it, impl_->Idf(static_cast<std::uint32_t>(list.size())), weight,
                                 params);
  }
  return score;
}

size_t Index::MemoryBytes() const {
  size_t bytes = impl_->lengths.capacity() * sizeof(std::uint32_t);
  for (const auto& list : impl_->postings) bytes += list.capacity() * sizeof(Posting);
  for (const auto& [term, id] : impl_->dictionary) bytes += term.capacity() + 48;
  return bytes;
}

}  // namespace kotae::index
