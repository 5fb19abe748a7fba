// The compiled, immutable form of a rules bundle (docs/rules-format.md).
//
// Loading turns names into indexes once: facts become slots, option strings become small
// integers, lists become sorted arrays, conditions become a flat array of nodes. Evaluation then
// reads only integers. Nothing here changes after load_rules() returns, but for the records'
// rendered JSON, made once on first use (Service::ensure_fragments).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <optional>
#include <string_view>
#include <vector>

#include "eligibility/civil_date.hpp"
#include "eligibility/condition.hpp"
#include "eligibility/money.hpp"
#include "eligibility/record_index.hpp"
#include "eligibility/text.hpp"

namespace eligibility {

enum class Confidence : uint8_t { official, official_via_press, secondary, conflicting };
const char* confidence_name(Confidence c);

struct Option {
    std::string value;
    LocalText title;
};

struct FactDef {
    std::string id;
    ValueKind kind = ValueKind::boolean;
    int64_t min = 0, max = 0;             // int facts
    std::vector<Option> options;          // enum facts: value = index
    std::vector<Option> special;          // country facts: extra values such as "stateless"
    std::vector<int64_t> excluded;        // country facts: codes not offered, sorted
    LocalText question;
    LocalText help;
};

struct Country {
    std::array<char, 2> code{};
    LocalText name;
    bool eu = false;
};

// Countries are stored as values 0..675 ((first - 'A') * 26 + (second - 'A')); the special values
// of a country fact ("stateless") follow from kCountrySpecialBase.
inline constexpr int64_t kCountrySpecialBase = 1000;
int64_t country_value(char a, char b);
// Two capital letters A–Z: the form of an ISO 3166-1 alpha-2 code.
bool is_alpha2(std::string_view s);

struct Window {
    int32_t from = CivilDate::kMinDays;
    int32_t until = CivilDate::kMaxDays;
    bool has_until = false;
    bool contains(CivilDate d) const { return d.days() >= from && d.days() <= until; }
};

struct Output {
    std::string name;
    ValueType type;
    uint32_t expr = 0;    // into ConditionStore::exprs, or ::conds when is_condition
    bool is_condition = false;
};

// A record's JSON that never changes after loading, rendered once so that writing a decision is
// mostly copying (see record_fragments.cpp). Each fragment is a list of members without braces.
struct RecordJson {
    std::string head;                      // "id":"…"[,"channel":"…"]   (verdicts: "code":"…","basis":"…")
    std::string provenance;                // ["until":"…",]"citation":"…"[,"confidence":"…"]
    std::array<std::string, 3> texts;      // "title":"…"[,"note":"…"], by language
    std::array<std::string, 3> fail_note;  // checks: "fail_note":"…", by language (empty if none)
    std::string trace;                     // {"rule":"<section>/<id>[:variant]","citation":"…"}
    uint32_t index = 0;                    // this record's number in the service's fragment table
};

// What every record shares (rules-format.md 3.4).
struct Record {
    std::string id;
    std::string variant;
    int channel = -1;                 // index into Service::channel_ids, or -1
    uint32_t when = kCondTrue;        // index into Service::conds
    Window window;
    std::string citation;
    Confidence confidence = Confidence::official;
    LocalText title;
    LocalText note;
    std::vector<Output> outputs;
    RecordJson json;
};

struct VerdictRecord : Record {
    std::string code;
    std::vector<Record> channels;
    std::vector<std::vector<uint32_t>> channel_groups;  // variants of one channel, in order
    std::vector<uint32_t> group_channels;               // each group's channel, into Service::channel_ids
};

struct FeeRecord : Record {
    bool amount_known = true;
    Money amount;
    std::vector<uint32_t> waivers;  // indexes into Service::waivers that name this fee, in order
};

// A waiver names the fees it waives, so that one waiver serves every variant of a fee.
struct WaiverRecord : Record {
    std::vector<std::string> fees;
};

enum class Severity : uint8_t { blocker, warning };

struct CheckRecord : Record {
    uint32_t test = kCondTrue;
    Severity severity = Severity::blocker;
    LocalText fail_note;
};

enum class WithinUnit : uint8_t { days, working_days, hours, months };

struct DeadlineRecord : Record {
    WithinUnit unit = WithinUnit::days;
    int64_t within = 0;
    bool has_from = false;     // due = from + within
    bool has_before = false;   // due = before - within
    uint32_t base_expr = 0;    // the date counted from, into ConditionStore::exprs
};

struct Constraint {
    std::string id;
    uint32_t when = kCondFalse;
    Window window;
    std::string path;   // "/facts/<id>" or "/as_of"
    int fact = -1;      // the slot that path names (-1 for /as_of)
    LocalText message;
};

struct ListDef {
    std::string id;
    ValueType type;
    uint32_t first = 0, count = 0;  // sorted values, a slice of ConditionStore::set_values
};

// A std::once_flag that a copy does not share: a copied Service renders its own fragments.
struct OnceFlag {
    std::once_flag flag;
    OnceFlag() = default;
    OnceFlag(const OnceFlag&) {}
    OnceFlag& operator=(const OnceFlag&) { return *this; }
};

// Records sharing an id (and channel) are variants of one item; a group lists them in file order.
using Groups = std::vector<std::vector<uint32_t>>;

struct Service {
    std::string id;
    LangSet languages = kAllLangs;  // the languages its texts were loaded in ("languages" member)
    LocalText title;
    std::string citation;
    std::vector<FactDef> facts;
    std::vector<ListDef> lists;
    std::vector<std::string> channel_ids;
    std::vector<Constraint> constraints;
    std::vector<VerdictRecord> verdicts;
    std::vector<FeeRecord> fees;
    std::vector<WaiverRecord> waivers;
    std::vector<Record> documents;
    std::vector<CheckRecord> checks;
    std::vector<DeadlineRecord> deadlines;
    std::vector<Record> notices;
    Groups fee_groups, document_groups, check_groups, deadline_groups, notice_groups;
    ConditionStore store;
    // Which verdicts and groups may apply, by a fact's value (record_index.hpp): made when the
    // service is loaded (index_records), not stored in packs.
    RecordIndex verdict_index, fee_index, document_index, check_index, deadline_index, notice_index;
    std::vector<const Record*> fragment_records;  // by RecordJson::index (record_fragments.cpp)

    // The records' rendered JSON (each Record::json, fragment_records) is made on first use, once
    // (thread-safe): the questions never need it, and making it was most of what a browser spent
    // loading a pack before an applicant's first question. Everything else is fixed once loaded.
    void ensure_fragments() const;
    mutable OnceFlag fragments_rendered;

    int fact_index(std::string_view id) const;
    bool speaks(Lang l) const { return (languages & lang_bit(l)) != 0; }
};

// A service the rules know of, whether or not its records are loaded (rule packs: the index lists
// every service, and each service's records are loaded when it is first needed).
struct CatalogueEntry {
    std::string id;
    LocalText title;
};

struct RuleSet {
    int format = 1;
    std::string version;
    std::string countries_citation;
    std::vector<Country> countries;        // sorted by code
    std::vector<int64_t> eu_countries;     // sorted country values
    std::vector<Currency> currencies;      // ISO 4217, sorted
    std::vector<CatalogueEntry> catalogue; // every service, in the order to offer them
    // The loaded services. Shared, so that adding one service to a rule set copies no other.
    std::vector<std::shared_ptr<const Service>> services;

    const Service* find_service(std::string_view id) const;            // loaded, or null
    // Loads a service: in place of the one with its id, which leaves the list, or after the others.
    void put_service(std::shared_ptr<const Service> service);
    const CatalogueEntry* find_catalogued(std::string_view id) const;  // known, or null
    const Country* find_country(int64_t value) const;
    // The value of a country code of this table ("DE"), or nothing: the one reading of a country
    // code, for profiles, conditions and exclusions alike.
    std::optional<int64_t> country_code_value(std::string_view code) const;
};

}  // namespace eligibility
