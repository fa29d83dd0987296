#include "index/index.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <unordered_map>
#include <utility>

namespace kotae::index {
namespace {

constexpr std::uint8_t kMaxTf = std::numeric_limits<std::uint8_t>::max();

// Lengths below this get a per-query table of field-weighted inverse normalisers, so the
// inner loop multiplies instead of dividing; longer fields (rare: whole policy passages)
// are computed directly.
constexpr std::uint32_t kNormTableSize = 1024;

// Transparent hashing lets Find() look up a string_view without building a std::string.
struct TermHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using Dictionary = std::unordered_map<std::string, std::uint32_t, TermHash, std::equal_to<>>;

bool Better(const Hit& a, const Hit& b) {
  return a.score > b.score || (a.score == b.score && a.doc < b.doc);
}

}  // namespace

struct IndexBuilder::Impl {
  int num_fields = 1;
  std::uint32_t num_docs = 0;
  Dictionary dictionary;
  // Per term id, postings as they grow: doc ids and num_fields tfs per posting.
  std::vector<std::vector<std::uint32_t>> docs;
  std::vector<std::vector<std::uint8_t>> tfs;
  std::vector<std::uint32_t> lengths;  // doc * num_fields + field
  // Scratch for one Add(): (term id, field) of every occurrence.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> occurrences;
};

struct Index::Impl {
  int num_fields = 1;
  std::uint32_t num_docs = 0;
  Dictionary dictionary;
  std::vector<std::uint64_t> offsets;  // term id -> first posting; size num_terms + 1
  std::vector<std::uint32_t> docs;     // all posting lists, concatenated
  std::vector<std::uint8_t> tfs;       // posting * num_fields + field
  std::vector<std::uint32_t> lengths;  // doc * num_fields + field
  double avg_length[kMaxFields] = {};

  // Everything about a query that does not depend on the document.
  struct Prepared {
    struct Term {
      std::uint32_t id;
      float weight_idf;  // query weight * idf
    };
    std::vector<Term> terms;
    int active[kMaxFields];  // fields with a non-zero weight
    int num_active = 0;
    std::uint32_t table_size = 0;
    std::vector<float> inv_norm;          // field * table_size + len -> w_f / norm(len)
    double a[kMaxFields], c[kMaxFields];  // norm(len) = a + c * len
    float k1 = 0;
  };

  double Idf(std::uint64_t doc_freq) const {
    const double n = num_docs, df = static_cast<double>(doc_freq);
    return std::log(1.0 + (n - df + 0.5) / (df + 0.5));
  }

  Prepared Prepare(const std::vector<QueryTerm>& query, const Bm25fParams& params) const {
    Prepared q;
    q.k1 = params.k1;
    // Merge duplicates by term id so a repeated term is one posting traversal.
    std::vector<std::pair<std::uint32_t, float>> ids;
    ids.reserve(query.size());
    for (const QueryTerm& t : query) {
      auto it = dictionary.find(std::string_view(t.term));
      if (it != dictionary.end()) ids.emplace_back(it->second, t.weight);
    }
    std::sort(ids.begin(), ids.end(),
              [](const auto& x, const auto& y) { return x.first < y.first; });
    for (size_t i = 0; i < ids.size();) {
      double w = 0;
      size_t j = i;
      for (; j < ids.size() && ids[j].first == ids[i].first; ++j) w += ids[j].second;
      const std::uint32_t id = ids[i].first;
      i = j;
      if (w <= 0) continue;
      q.terms.push_back({id, static_cast<float>(w * Idf(offsets[id + 1] - offsets[id]))});
    }
    for (int f = 0; f < num_fields; ++f) {
      if (params.weight[f] != 0) q.active[q.num_active++] = f;
      const double avg = avg_length[f] > 0 ? avg_length[f] : 1.0;
      q.a[f] = 1.0 - params.b[f];
      q.c[f] = params.b[f] / avg;
    }
    // The table only pays off when there are postings to score.
    if (!q.terms.empty()) {
      q.table_size = std::min<std::uint32_t>(kNormTableSize, max_length + 1);
      q.inv_norm.resize(static_cast<size_t>(num_fields) * q.table_size);
      for (int f = 0; f < num_fields; ++f) {
        float* row = q.inv_norm.data() + static_cast<size_t>(f) * q.table_size;
        for (std::uint32_t len = 0; len < q.table_size; ++len) {
          row[len] = InvNorm(q, params, f, len);
        }
      }
    }
    return q;
  }

  // w_f / (1 - b_f + b_f * len / avglen_f). A zero normaliser (b = 1 and an empty field) can
  // only meet tf = 0, so it yields 0 rather than infinity, which lets WeightedTf() multiply
  // every field without a branch.
  static float InvNorm(const Prepared& q, const Bm25fParams& params, int f, std::uint32_t len) {
    const double norm = q.a[f] + q.c[f] * len;
    return norm > 0 ? static_cast<float>(params.weight[f] / norm) : 0.0f;
  }

  // Field-weighted, length-normalised tf of posting p (of doc) under q. Branch-free over the
  // fields: whether a term sits in the question or the answer field is a coin toss per
  // posting, and mispredicting it cost more than the multiply by 0.
  float WeightedTf(const Prepared& q, std::uint64_t p, std::uint32_t doc,
                   const Bm25fParams& params) const {
    const std::uint8_t* tf = tfs.data() + p * static_cast<std::uint64_t>(num_fields);
    const std::uint32_t* len = lengths.data() + static_cast<size_t>(doc) * num_fields;
    float sum = 0;
    for (int i = 0; i < q.num_active; ++i) {
      const int f = q.active[i];
      const float inv = len[f] < q.table_size
                            ? q.inv_norm[static_cast<size_t>(f) * q.table_size + len[f]]
                            : InvNorm(q, params, f, len[f]);
      sum += static_cast<float>(tf[f]) * inv;
    }
    return sum;
  }

  float Contribution(const Prepared& q, const Prepared::Term& t, float wtf) const {
    return t.weight_idf * wtf / (q.k1 + wtf) * (q.k1 + 1);
  }

  std::uint32_t max_length = 0;
};

IndexBuilder::IndexBuilder(int num_fields) : impl_(std::make_unique<Impl>()) {
  impl_->num_fields = std::clamp(num_fields, 1, kMaxFields);
}
IndexBuilder::~IndexBuilder() = default;

std::uint32_t IndexBuilder::Add(const std::vector<std::vector<std::string>>& fields) {
  Impl& b = *impl_;
  const std::uint32_t doc = b.num_docs++;
  const int nf = b.num_fields;
  b.lengths.resize(static_cast<size_t>(b.num_docs) * nf, 0);
  b.occurrences.clear();
  for (int f = 0; f < nf && f < static_cast<int>(fields.size()); ++f) {
    const auto& terms = fields[static_cast<size_t>(f)];
    b.lengths[static_cast<size_t>(doc) * nf + f] = static_cast<std::uint32_t>(
        std::min<size_t>(terms.size(), std::numeric_limits<std::uint32_t>::max()));
    for (const std::string& term : terms) {
      auto [it, inserted] =
          b.dictionary.try_emplace(term, static_cast<std::uint32_t>(b.docs.size()));
      if (inserted) {
        b.docs.emplace_back();
        b.tfs.emplace_back();
      }
      b.occurrences.emplace_back(it->second, static_cast<std::uint32_t>(f));
    }
  }
  // Sorting groups a term's occurrences so each term gets one posting for this doc.
  std::sort(b.occurrences.begin(), b.occurrences.end());
  for (size_t i = 0; i < b.occurrences.size();) {
    const std::uint32_t id = b.occurrences[i].first;
    b.docs[id].push_back(doc);
    auto& tf = b.tfs[id];
    const size_t base = tf.size();
    tf.resize(base + static_cast<size_t>(nf), 0);
    for (; i < b.occurrences.size() && b.occurrences[i].first == id; ++i) {
      std::uint8_t& v = tf[base + b.occurrences[i].second];
      if (v < kMaxTf) ++v;
    }
  }
  return doc;
}

std::unique_ptr<Index> IndexBuilder::Build() {
  Impl& b = *impl_;
  auto impl = std::make_unique<Index::Impl>();
  const int nf = b.num_fields;
  impl->num_fields = nf;
  impl->num_docs = b.num_docs;
  impl->dictionary = std::move(b.dictionary);
  impl->lengths = std::move(b.lengths);
  const size_t num_terms = b.docs.size();
  impl->offsets.resize(num_terms + 1, 0);
  std::uint64_t total = 0;
  for (size_t t = 0; t < num_terms; ++t) {
    impl->offsets[t] = total;
    total += b.docs[t].size();
  }
  impl->offsets[num_terms] = total;
  impl->docs.resize(total);
  impl->tfs.resize(total * static_cast<std::uint64_t>(nf));
  for (size_t t = 0; t < num_terms; ++t) {
    std::copy(b.docs[t].begin(), b.docs[t].end(), impl->docs.begin() + impl->offsets[t]);
    std::copy(b.tfs[t].begin(), b.tfs[t].end(),
              impl->tfs.begin() + impl->offsets[t] * static_cast<std::uint64_t>(nf));
    // Free as we go so the peak is the flat arrays plus one list, not twice the index.
    std::vector<std::uint32_t>().swap(b.docs[t]);
    std::vector<std::uint8_t>().swap(b.tfs[t]);
  }
  if (impl->num_docs > 0) {
    for (int f = 0; f < nf; ++f) {
      double sum = 0;
      for (std::uint32_t d = 0; d < impl->num_docs; ++d) {
        const std::uint32_t len = impl->lengths[static_cast<size_t>(d) * nf + f];
        sum += len;
        impl->max_length = std::max(impl->max_length, len);
      }
      impl->avg_length[f] = sum / impl->num_docs;
    }
  }
  *impl_ = Impl();
  impl_->num_fields = nf;
  return std::unique_ptr<Index>(new Index(std::move(impl)));
}

Index::Index(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Index::~Index() = default;
std::uint32_t Index::num_docs() const { return impl_->num_docs; }
int Index::num_fields() const { return impl_->num_fields; }
std::uint32_t Index::num_terms() const {
  return static_cast<std::uint32_t>(impl_->offsets.size() - 1);
}

std::uint32_t Index::DocFreq(std::string_view term) const {
  auto it = impl_->dictionary.find(term);
  if (it == impl_->dictionary.end()) return 0;
  return static_cast<std::uint32_t>(impl_->offsets[it->second + 1] - impl_->offsets[it->second]);
}

std::vector<Hit> Index::Search(const std::vector<QueryTerm>& query, size_t k,
                               const Bm25fParams& params) const {
  std::vector<Hit> hits;
  const Impl& x = *impl_;
  if (k == 0 || x.num_docs == 0 || query.empty()) return hits;
  const Impl::Prepared q = x.Prepare(query, params);
  if (q.terms.empty() || q.num_active == 0) return hits;

  // Term-at-a-time into a dense accumulator: libraries are at most a few hundred thousand
  // entries, so one float per document beats any sparse map. The buffer is per thread and
  // left all-zero after each query (only touched slots are reset), so a query costs what
  // its postings cost, not what the library costs.
  // Every contribution is > 0, so a zero score means "not touched yet"; the touched list is
  // appended to without a branch (write, then advance only for a new document).
  thread_local std::vector<float> scores;
  thread_local std::vector<std::uint32_t> touched;
  if (scores.size() < x.num_docs) {
    scores.assign(x.num_docs, 0.0f);
    touched.resize(x.num_docs + 1);  // + 1: the write before the advance, all docs touched
  }
  size_t num_touched = 0;
  float* const acc = scores.data();
  std::uint32_t* const list = touched.data();
  for (const auto& t : q.terms) {
    const std::uint64_t end = x.offsets[t.id + 1];
    for (std::uint64_t p = x.offsets[t.id]; p < end; ++p) {
      const std::uint32_t doc = x.docs[p];
      const float wtf = x.WeightedTf(q, p, doc, params);
      const float c = x.Contribution(q, t, wtf);
      if (!(c > 0)) continue;  // only in fields weighted 0 (or an underflow)
      list[num_touched] = doc;
      num_touched += acc[doc] == 0;
      acc[doc] += c;
    }
  }

  // Bounded heap whose front is the worst of the k best so far.
  hits.reserve(std::min(k, num_touched));
  for (size_t i = 0; i < num_touched; ++i) {
    const std::uint32_t doc = list[i];
    const Hit h{doc, acc[doc]};
    acc[doc] = 0;
    if (hits.size() < k) {
      hits.push_back(h);
      std::push_heap(hits.begin(), hits.end(), Better);
    } else if (Better(h, hits.front())) {
      std::pop_heap(hits.begin(), hits.end(), Better);
      hits.back() = h;
      std::push_heap(hits.begin(), hits.end(), Better);
    }
  }
  std::sort_heap(hits.begin(), hits.end(), Better);
  return hits;
}

float Index::Score(const std::vector<QueryTerm>& query, std::uint32_t doc,
                   const Bm25fParams& params) const {
  const Impl& x = *impl_;
  if (doc >= x.num_docs || query.empty()) return 0;
  const Impl::Prepared q = x.Prepare(query, params);
  float score = 0;
  for (const auto& t : q.terms) {
    const auto first = x.docs.begin() + static_cast<std::ptrdiff_t>(x.offsets[t.id]);
    const auto last = x.docs.begin() + static_cast<std::ptrdiff_t>(x.offsets[t.id + 1]);
    const auto it = std::lower_bound(first, last, doc);
    if (it == last || *it != doc) continue;
    const float wtf = x.WeightedTf(q, static_cast<std::uint64_t>(it - x.docs.begin()), doc, params);
    if (wtf > 0) score += x.Contribution(q, t, wtf);
  }
  return score;
}

size_t Index::MemoryBytes() const {
  const Impl& x = *impl_;
  size_t bytes = x.offsets.capacity() * sizeof(std::uint64_t) +
                 x.docs.capacity() * sizeof(std::uint32_t) + x.tfs.capacity() +
                 x.lengths.capacity() * sizeof(std::uint32_t);
  // Per dictionary entry: the node (key, value, next pointer, cached hash), the bucket
  // pointer, and the key's heap buffer when it is too long for the small-string buffer.
  const size_t node = sizeof(std::string) + sizeof(std::uint32_t) + 2 * sizeof(void*) + 8;
  bytes += x.dictionary.bucket_count() * sizeof(void*);
  for (const auto& [term, id] : x.dictionary) {
    bytes += node + (term.capacity() > 15 ? term.capacity() + 1 : 0);
  }
  return bytes;
}

}  // namespace kotae::index
