#include "retrieval_corpus.h"

#include <array>
#include <string_view>

namespace kotae::bench {
namespace {

// Fragments are parallel lists: index i of the Japanese list means index i of the English
// one, so a key names the same requirement in both languages.
constexpr std::string_view kTopicsJa[] = {"多要素認証",
                                          "パスワードポリシー",
                                          "アクセス権限",
                                          "特権ID",
                                          "バックアップ",
                                          "保存データの暗号化",
                                          "通信の暗号化",
                                          "アクセスログ",
                                          "操作ログ",
                                          "監査ログ",
                                          "脆弱性診断",
                                          "ペネトレーションテスト",
                                          "ウイルス対策ソフト",
                                          "マルウェア対策",
                                          "ファイアウォール",
                                          "侵入検知システム",
                                          "WAF",
                                          "不正アクセス対策",
                                          "情報セキュリティ基本方針",
                                          "個人情報の取扱い",
                                          "委託先管理",
                                          "従業員教育",
                                          "入退室管理",
                                          "データセンターの物理セキュリティ",
                                          "冗長化構成",
                                          "災害対策",
                                          "事業継続計画",
                                          "インシデント対応",
                                          "障害発生時の連絡",
                                          "変更管理",
                                          "構成管理",
                                          "ソースコード管理",
                                          "暗号鍵管理",
                                          "電子証明書",
                                          "シングルサインオン",
                                          "IPアドレス制限",
                                          "セッション管理",
                                          "データ削除",
                                          "記録媒体の廃棄",
                                          "稼働率",
                                          "サービスレベル",
                                          "問い合わせ窓口",
                                          "第三者認証",
                                          "ISMS認証",
                                          "プライバシーマーク",
                                          "SOC2報告書",
                                          "内部監査",
                                          "再委託",
                                          "データの保管場所",
                                          "準拠法",
                                          "契約終了時のデータ返却",
                                          "API認証",
                                          "職務分離",
                                          "退職者アカウントの削除",
                                          "ログイン履歴",
                                          "改ざん検知",
                                          "時刻同期",
                                          "開発環境の分離",
                                          "リストアテスト",
                                          "パッチ適用",
                                          "秘密保持契約",
                                          "リスクアセスメント",
                                          "資産台帳",
                                          "ネットワーク分離",
                                          "メール送信ドメイン認証",
                                          "DDoS対策",
                                          "標的型攻撃メール訓練",
                                          "モバイル端末管理",
                                          "テレワーク環境",
                                          "クラウド基盤の責任分界",
                                          "ログの改ざん防止",
                                          "アカウントロック"};
constexpr std::string_view kTopicsEn[] = {"multi-factor authentication",
                                          "password policy",
                                          "access rights",
                                          "privileged accounts",
                                          "backups",
                                          "encryption at rest",
                                          "encryption in transit",
                                          "access logs",
                                          "operation logs",
                                          "audit logs",
                                          "vulnerability scanning",
                                          "penetration testing",
                                          "antivirus software",
                                          "malware protection",
                                          "firewalls",
                                          "intrusion detection",
                                          "web application firewall",
                                          "unauthorized access prevention",
                                          "information security policy",
                                          "personal data handling",
                                          "vendor management",
                                          "security awareness training",
                                          "physical entry control",
                                          "data center physical security",
                                          "redundant architecture",
                                          "disaster recovery",
                                          "business continuity plan",
                                          "incident response",
                                          "outage notification",
                                          "change management",
                                          "configuration management",
                                          "source code management",
                                          "cryptographic key management",
                                          "digital certificates",
                                          "single sign-on",
                                          "IP address restriction",
                                          "session management",
                                          "data deletion",
                                          "media disposal",
                                          "availability",
                                          "service level",
                                          "support desk",
                                          "third-party certification",
                                          "ISO 27001 certification",
                                          "privacy mark",
                                          "SOC 2 report",
                                          "internal audit",
                                          "subcontracting",
                                          "data residency",
                                          "governing law",
                                          "data return at contract termination",
                                          "API authentication",
                                          "segregation of duties",
                                          "removal of leavers' accounts",
                                          "login history",
                                          "tamper detection",
                                          "time synchronization",
                                          "separation of development environments",
                                          "restore testing",
                                          "patch management",
                                          "non-disclosure agreements",
                                          "risk assessment",
                                          "asset inventory",
                                          "network segmentation",
                                          "email sender authentication",
                                          "DDoS mitigation",
                                          "phishing simulation",
                                          "mobile device management",
                                          "remote work environment",
                                          "cloud shared responsibility",
                                          "log tamper protection",
                                          "account lockout"};
static_assert(std::size(kTopicsJa) == std::size(kTopicsEn));

constexpr std::string_view kAspectsJa[] = {
    "実施状況",       "実施頻度",     "方式",         "保管期間",       "世代数",
    "対象範囲",       "責任者",       "手順書",       "記録",           "定期的な見直し",
    "通知方法",       "承認手続き",   "監視体制",     "保管場所",       "暗号アルゴリズム",
    "取得タイミング", "評価基準",     "例外時の対応", "利用者への周知", "外部委託の有無",
    "報告先",         "目標復旧時間", "検知後の対応", "管理ツール"};
constexpr std::string_view kAspectsEn[] = {"status",
                                           "frequency",
                                           "method",
                                           "retention period",
                                           "number of generations",
                                           "scope",
                                           "owner",
                                           "documented procedure",
                                           "records",
                                           "periodic review",
                                           "notification method",
                                           "approval process",
                                           "monitoring",
                                           "storage location",
                                           "encryption algorithm",
                                           "timing",
                                           "evaluation criteria",
                                           "exception handling",
                                           "communication to users",
                                           "outsourcing",
                                           "reporting line",
                                           "recovery time objective",
                                           "response after detection",
                                           "management tooling"};
static_assert(std::size(kAspectsJa) == std::size(kAspectsEn));

constexpr std::string_view kScopesJa[] = {"本番環境",         "管理画面",          "顧客データ",
                                          "社内ネットワーク", "クラウド基盤",      "委託先",
                                          "従業員端末",       "データベース",      "ファイルサーバ",
                                          "モバイルアプリ",   "公開API",           "開発環境",
                                          "バックアップ媒体", "運用担当者",        "サポート窓口",
                                          "決済機能",         "ログ基盤",          "認証基盤",
                                          "メールシステム",   "監視システム",      "検証環境",
                                          "外部ストレージ",   "オフィス",          "リモート接続",
                                          "コンテナ基盤",     "CI/CDパイプライン", "分析基盤",
                                          "顧客管理システム", "人事システム",      "会計システム",
                                          "ドキュメント管理", "チャットツール"};
constexpr std::string_view kScopesEn[] = {"production environment",
                                          "admin console",
                                          "customer data",
                                          "corporate network",
                                          "cloud platform",
                                          "subcontractors",
                                          "employee laptops",
                                          "databases",
                                          "file servers",
                                          "mobile app",
                                          "public API",
                                          "development environment",
                                          "backup media",
                                          "operators",
                                          "support desk",
                                          "payment feature",
                                          "logging platform",
                                          "identity platform",
                                          "email system",
                                          "monitoring system",
                                          "staging environment",
                                          "external storage",
                                          "office",
                                          "remote access",
                                          "container platform",
                                          "CI/CD pipeline",
                                          "analytics platform",
                                          "CRM",
                                          "HR system",
                                          "accounting system",
                                          "document management",
                                          "chat tool"};
static_assert(std::size(kScopesJa) == std::size(kScopesEn));

constexpr std::string_view kDetailsJa[] = {"年1回見直しています",
                                           "7世代保管しています",
                                           "90日間保存しています",
                                           "AES-256で暗号化しています",
                                           "四半期ごとに実施しています",
                                           "情報システム部が管理しています",
                                           "規程に定めて運用しています",
                                           "第三者機関の診断を受けています",
                                           "24時間365日監視しています",
                                           "異常時は管理者に即時通知します",
                                           "1年間保管しています",
                                           "国内リージョンに限定しています",
                                           "TLS1.2以上を必須としています",
                                           "承認記録を残しています",
                                           "月次で報告しています",
                                           "4時間以内の復旧を目標としています",
                                           "対象外です",
                                           "個別契約で定めます"};
constexpr std::string_view kDetailsEn[] = {"reviewed annually",
                                           "seven generations are kept",
                                           "kept for 90 days",
                                           "encrypted with AES-256",
                                           "performed quarterly",
                                           "owned by the IT department",
                                           "defined in our policy and followed",
                                           "assessed by an external firm",
                                           "monitored 24/7",
                                           "administrators are alerted immediately",
                                           "kept for one year",
                                           "limited to Japanese regions",
                                           "TLS 1.2 or later is required",
                                           "approvals are recorded",
                                           "reported monthly",
                                           "restored within four hours",
                                           "not applicable",
                                           "set in the individual contract"};
static_assert(std::size(kDetailsJa) == std::size(kDetailsEn));

constexpr size_t kTopics = std::size(kTopicsJa), kAspects = std::size(kAspectsJa),
                 kScopes = std::size(kScopesJa);

// SplitMix64: tiny, fast, and fully specified, so the corpus is the same everywhere.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }

 private:
  std::uint64_t state_;
};

struct Key {
  bool english;
  size_t topic, aspect, scope;
  std::uint32_t Pack() const {
    return static_cast<std::uint32_t>(((english * kTopics + topic) * kAspects + aspect) * kScopes +
                                      scope);
  }
};

std::string Cat(std::initializer_list<std::string_view> parts) {
  std::string s;
  for (std::string_view p : parts) s += p;
  return s;
}

std::string QuestionText(const Key& k, size_t style) {
  if (!k.english) {
    const std::string_view t = kTopicsJa[k.topic], a = kAspectsJa[k.aspect], s = kScopesJa[k.scope];
    switch (style % 5) {
      case 0:
        return Cat({s, "における", t, "の", a, "について教えてください。"});
      case 1:
        return Cat({s, "の", t, "について、", a, "を定めていますか。"});
      case 2:
        return Cat({t, "（", s, "）の", a, "は適切に管理されていますか。"});
      case 3:
        return Cat({"貴社の", s, "では", t, "を行っていますか。", a, "を記載してください。"});
      default:
        return Cat({t, "に関して、", s, "での", a, "を回答してください。"});
    }
  }
  const std::string_view t = kTopicsEn[k.topic], a = kAspectsEn[k.aspect], s = kScopesEn[k.scope];
  switch (style % 5) {
    case 0:
      return Cat({"Do you have ", t, " for the ", s, "? Describe the ", a, "."});
    case 1:
      return Cat({"What is the ", a, " of ", t, " in the ", s, "?"});
    case 2:
      return Cat({"Please describe the ", a, " for ", t, " covering your ", s, "."});
    case 3:
      return Cat({"Is ", t, " applied to the ", s, "? If so, state its ", a, "."});
    default:
      return Cat({"Explain how ", t, " is handled for the ", s, " (", a, ")."});
  }
}

std::string AnswerText(const Key& k, size_t detail, size_t extra) {
  if (!k.english) {
    return Cat({"はい。", kScopesJa[k.scope], "では", kTopicsJa[k.topic], "を実施しており、",
                kAspectsJa[k.aspect], "は", kDetailsJa[detail], "。また、",
                kTopicsJa[extra % kTopics], "についても", kDetailsJa[extra % std::size(kDetailsJa)],
                "。"});
  }
  return Cat({"Yes. ", kTopicsEn[k.topic], " is in place for the ", kScopesEn[k.scope], "; the ",
              kAspectsEn[k.aspect], " is ", kDetailsEn[detail], ". In addition, ",
              kTopicsEn[extra % kTopics], " is ", kDetailsEn[extra % std::size(kDetailsEn)], "."});
}

Key RandomKey(Rng& rng) {
  return Key{rng.Below(10) < 3, rng.Below(kTopics), rng.Below(kAspects), rng.Below(kScopes)};
}

}  // namespace

SyntheticCorpus MakeSyntheticCorpus(size_t num_entries, size_t num_questions, std::uint64_t seed) {
  Rng rng(seed);
  SyntheticCorpus c;
  c.library.reserve(num_entries);
  std::vector<std::pair<Key, size_t>> keys;  // key and the template style it was written in
  keys.reserve(num_entries);
  for (size_t i = 0; i < num_entries; ++i) {
    const Key k = RandomKey(rng);
    const size_t style = rng.Below(5);
    c.library.push_back({QuestionText(k, style),
                         AnswerText(k, rng.Below(std::size(kDetailsJa)), rng.Below(1 << 16)),
                         k.Pack()});
    keys.emplace_back(k, style);
  }
  c.questions.reserve(num_questions);
  for (size_t i = 0; i < num_questions && !keys.empty(); ++i) {
    const auto& [k, style] = keys[rng.Below(keys.size())];
    // Another template than the entry's own, so a question is never a verbatim copy.
    c.questions.push_back({QuestionText(k, style + 1 + rng.Below(4)), k.Pack()});
  }
  return c;
}

}  // namespace kotae::bench
