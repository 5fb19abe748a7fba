// The record indexes (record_index.hpp): which gates they recognise, what they leave open, and
// that evaluating through them decides exactly as trying every record would, on the shipped rules.
#include <doctest/doctest.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "default_rules.hpp"
#include "eligibility/decision_writer.hpp"
#include "eligibility/evaluator.hpp"
#include "eligibility/profile.hpp"
#include "fixtures.hpp"

using namespace fixtures;
using eligibility::RecordIndex;

namespace {

json eq(json a, json b) { return {{"eq", json::array({std::move(a), std::move(b)})}}; }
json in(json a, json set) { return {{"in", json::array({std::move(a), std::move(set)})}}; }

// A record (fixtures' rec) with a condition, or none for json().
json gated(json r, json when) {
    if (!when.is_null()) r["when"] = std::move(when);
    return r;
}
json verdict(const std::string& id, json when) { return gated(rec(id, {{"code", "visa_free"}}), std::move(when)); }
json document(const std::string& id, json when, const std::string& variant = "") {
    return gated(variant.empty() ? rec(id) : rec(id, {{"variant", variant}}), std::move(when));
}

// The entries the index would have the evaluator try for these facts.
std::vector<uint32_t> candidates(const eligibility::Engine& e, const RecordIndex& index, const json& facts) {
    eligibility::Profile profile;
    const json p = {{"service", "visa"}, {"facts", facts}};
    const auto errors = eligibility::parse_profile(p.dump(), e.rules(), eval_options().default_as_of, profile);
    REQUIRE(errors.empty());
    eligibility::EvalContext ctx;
    ctx.facts = profile.values.data();
    ctx.known = profile.known;
    std::vector<uint32_t> out;
    uint32_t entry = 0;
    for (eligibility::Candidates c(index, ctx); c.next(entry);) out.push_back(entry);
    return out;
}

using Entries = std::vector<uint32_t>;

}  // namespace

TEST_CASE("verdicts are indexed by the fact their gates name, in the rules' order") {
    json s = service();
    s["verdicts"] = json::array({
        verdict("turkey", {{"all", json::array({eq(fact("nationality"), "TR"), eq(fact("purpose"), "tourism")})}}),
        verdict("friends", in(fact("nationality"), {{"list", "friends"}})),
        verdict("constant_first", eq("KZ", fact("nationality"))),
        verdict("either", {{"any", json::array({eq(fact("nationality"), "DE"), in(fact("nationality"), json::array({"FR"}))})}}),
        verdict("nested", {{"all", json::array({fact("accompanied"), {{"all", json::array({eq(fact("nationality"), "stateless")})}}})}}),
        verdict("not_friends", {{"not", in(fact("nationality"), {{"list", "friends"}})}}),
        verdict("mixed_any", {{"any", json::array({eq(fact("nationality"), "DE"), eq(fact("purpose"), "work")})}}),
        verdict("tourists", eq(fact("purpose"), "tourism")),
        rec("required", {{"code", "visa_required"}}),
    });
    auto e = engine(s);
    const auto& visa = *e.rules().find_service("visa");
    const RecordIndex& ix = visa.verdict_index;
    REQUIRE(ix.fact == visa.fact_index("nationality"));
    CHECK(ix.entries == 9);
    // Not gated on nationality: a negation, an "any" that names another fact, another fact, none.
    CHECK(ix.open == Entries{5, 6, 7, 8});

    CHECK(candidates(e, ix, {{"nationality", "TR"}}) == Entries{0, 1, 5, 6, 7, 8});
    CHECK(candidates(e, ix, {{"nationality", "KZ"}}) == Entries{1, 2, 5, 6, 7, 8});
    CHECK(candidates(e, ix, {{"nationality", "FR"}}) == Entries{3, 5, 6, 7, 8});
    CHECK(candidates(e, ix, {{"nationality", "DE"}}) == Entries{3, 5, 6, 7, 8});
    CHECK(candidates(e, ix, {{"nationality", "stateless"}}) == Entries{4, 5, 6, 7, 8});
    // A value no gate admits: only the open entries.
    CHECK(candidates(e, ix, {{"nationality", "US"}}) == Entries{5, 6, 7, 8});
    // Nationality not known: every entry.
    CHECK(candidates(e, ix, {{"purpose", "work"}}) == Entries{0, 1, 2, 3, 4, 5, 6, 7, 8});
}

TEST_CASE("a group is gated only if every one of its variants is") {
    json s = service();
    s["documents"] = json::array({
        document("letter", eq(fact("nationality"), "TR"), "turks"),
        document("letter", in(fact("nationality"), {{"list", "friends"}}), "friends"),
        document("form", eq(fact("nationality"), "US"), "americans"),
        document("form", json(), "everyone"),
        document("passport", json()),
    });
    auto e = engine(s);
    const auto& visa = *e.rules().find_service("visa");
    const RecordIndex& ix = visa.document_index;
    REQUIRE(ix.fact == visa.fact_index("nationality"));
    CHECK(ix.open == Entries{1, 2});
    CHECK(ix.keys.size() == 2);  // KZ and TR, each once although TR is named twice
    CHECK(candidates(e, ix, {{"nationality", "TR"}}) == Entries{0, 1, 2});
    CHECK(candidates(e, ix, {{"nationality", "US"}}) == Entries{1, 2});
}

TEST_CASE("the index picks the fact that gates the most entries") {
    json s = service();
    s["documents"] = json::array({
        document("a", eq(fact("purpose"), "work")),
        document("b", eq(fact("purpose"), "transit")),
        document("c", eq(fact("nationality"), "TR")),
    });
    auto e = engine(s);
    const auto& visa = *e.rules().find_service("visa");
    CHECK(visa.document_index.fact == visa.fact_index("purpose"));
    CHECK(candidates(e, visa.document_index, {{"purpose", "work"}, {"nationality", "US"}}) == Entries{0, 2});
    // Nothing gated at all: no index, every entry tried.
    CHECK(visa.notice_index.fact == eligibility::kNoFact);
}

TEST_CASE("the shipped visa rules: a national of a country without agreements tries two verdicts, not 23") {
    static const eligibility::LoadResult loaded = eligibility::load_rules(eligibility::embedded::default_rules());
    REQUIRE(loaded.ok());
    const auto& visa = *loaded.rules->find_service("visa");
    REQUIRE(visa.verdicts.size() == 23);
    REQUIRE(visa.verdict_index.fact == visa.fact_index("nationality"));
    std::vector<std::string> open;
    for (uint32_t v : visa.verdict_index.open) open.push_back(visa.verdicts[v].id);
    CHECK(open == std::vector<std::string>{"id_card_not_accepted", "visa_required"});
}

// Every decision through the indexes must be the decision of trying every record: the shipped
// rules, each service, thousands of generated profiles, compared as the JSON text they write.
TEST_CASE("deciding through the indexes is deciding by trying every record") {
    static const eligibility::LoadResult loaded = eligibility::load_rules(eligibility::embedded::default_rules());
    REQUIRE(loaded.ok());
    const eligibility::RuleSet& indexed = *loaded.rules;
    eligibility::RuleSet plain = indexed;
    int indexes = 0;
    for (auto& shared : plain.services) {
        auto copy = std::make_shared<eligibility::Service>(*shared);
        for (RecordIndex* ix : {&copy->verdict_index, &copy->fee_index, &copy->document_index, &copy->check_index,
                                &copy->deadline_index, &copy->notice_index}) {
            indexes += ix->fact != eligibility::kNoFact;
            const uint32_t entries = ix->entries;
            *ix = RecordIndex{};
            ix->entries = entries;
        }
        shared = std::move(copy);
    }
    CHECK(indexes >= 5);  // the comparison must cover indexes, or it proves nothing

    std::mt19937 rng(20261121);
    const auto pick = [&](size_t n) { return static_cast<size_t>(std::uniform_int_distribution<size_t>(0, n - 1)(rng)); };
    int compared = 0, decided = 0;
    for (const auto& service : indexed.services) {
        // Values the gates name, so that draws reach the gated records and not only the open ones.
        std::vector<std::string> gated_countries;
        for (const RecordIndex* ix : {&service->verdict_index, &service->fee_index, &service->document_index,
                                      &service->check_index, &service->deadline_index, &service->notice_index}) {
            for (int64_t key : ix->keys) {
                if (key >= 0 && key < 676) gated_countries.push_back({static_cast<char>('A' + key / 26), static_cast<char>('A' + key % 26)});
            }
        }
        for (int n = 0; n < 600; ++n) {
            json facts = json::object();
            for (const auto& f : service->facts) {
                if (pick(4) == 0) continue;  // some facts unknown
                switch (f.kind) {
                    case eligibility::ValueKind::boolean: facts[f.id] = pick(2) == 1; break;
                    case eligibility::ValueKind::integer: {
                        const int64_t span = std::min<int64_t>(f.max - f.min, 100);
                        facts[f.id] = f.min + static_cast<int64_t>(pick(static_cast<size_t>(span) + 1));
                        break;
                    }
                    case eligibility::ValueKind::date:
                        facts[f.id] = "2026-" + std::string(pick(2) ? "0" : "1") + std::to_string(1 + pick(9)) + "-1" + std::to_string(pick(10));
                        break;
                    case eligibility::ValueKind::enumeration: facts[f.id] = f.options[pick(f.options.size())].value; break;
                    case eligibility::ValueKind::country: {
                        const size_t way = pick(4);
                        if (way == 0 && !f.special.empty()) facts[f.id] = f.special[pick(f.special.size())].value;
                        else if (way <= 1 || gated_countries.empty()) {
                            const auto& c = indexed.countries[pick(indexed.countries.size())].code;
                            facts[f.id] = std::string(c.data(), 2);
                        } else facts[f.id] = gated_countries[pick(gated_countries.size())];
                        break;
                    }
                }
            }
            const std::string text = json{{"service", service->id}, {"facts", facts}}.dump();
            std::string through_index, every_record;
            for (const eligibility::RuleSet* rules : {&indexed, static_cast<const eligibility::RuleSet*>(&plain)}) {
                eligibility::Profile profile;
                eligibility::Decision decision;
                if (!eligibility::parse_profile(text, *rules, eval_options().default_as_of, profile).empty()) break;
                eligibility::evaluate(*rules, profile, decision);
                eligibility::write_decision(*rules, decision, eligibility::Lang::en, rules == &indexed ? through_index : every_record);
            }
            if (through_index.empty()) continue;  // a profile the rules refuse (an excluded country)
            INFO(text);
            REQUIRE(through_index == every_record);
            ++compared;
            decided += json::parse(through_index)["status"] == "decided";
        }
    }
    CHECK(compared > 6000);
    CHECK(decided > 500);  // not only unfinished decisions
}

TEST_CASE("a sequence whose gates would list too many values is left unindexed, and decides the same") {
    json s = service();
    s["documents"] = json::array({
        document("a", in(fact("nationality"), {{"list", "friends"}})),
        document("b", eq(fact("nationality"), "TR")),
        document("c", json()),
    });
    auto e = engine(s);
    eligibility::Service capped = *e.rules().find_service("visa");
    REQUIRE(capped.document_index.fact == capped.fact_index("nationality"));
    CHECK(capped.document_index.gated.size() == 3);  // KZ, TR for "a"; TR for "b"
    eligibility::index_records(capped, 2);            // one value fewer than the gates list
    CHECK(capped.document_index.fact == eligibility::kNoFact);
    CHECK(capped.document_index.entries == 3);
    CHECK(candidates(e, capped.document_index, {{"nationality", "US"}}) == Entries{0, 1, 2});
    eligibility::index_records(capped, 3);
    CHECK(candidates(e, capped.document_index, {{"nationality", "US"}}) == Entries{2});
}
