// Compiled rule packs (snapshot.hpp): a service read back from its snapshot decides exactly as
// the service loaded from JSON, on every golden profile of the shipped rules; a snapshot that is
// damaged, cut short, of another kind or of other rules is refused whole, never half read.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "default_rules.hpp"
#include "eligibility/snapshot.hpp"
#include "fixtures.hpp"

using namespace fixtures;
using eligibility::Engine;
using eligibility::Lang;

namespace {

std::shared_ptr<const eligibility::RuleSet> shipped() {
    static const auto loaded = eligibility::load_rules(eligibility::embedded::default_rules());
    REQUIRE_MESSAGE(loaded.ok(), describe(loaded.errors));
    return loaded.rules;
}

// The shipped rules' index, through its own snapshot: what the WebAssembly module embeds.
std::shared_ptr<const eligibility::RuleSet> shipped_index() {
    const auto index = eligibility::read_index_snapshot(eligibility::write_index_snapshot(*shipped()));
    REQUIRE_MESSAGE(index.ok(), describe(index.errors));
    return index.rules;
}

std::string service_snapshot(const std::string& id) {
    const eligibility::Service* s = shipped()->find_service(id);
    REQUIRE(s != nullptr);
    return eligibility::write_service_snapshot(*shipped(), *s);
}

// Every golden profile of a service (tests/cases/<service>/*.json), as JSON text.
std::vector<std::string> golden_profiles(const std::string& service) {
    std::vector<std::string> out;
    const std::filesystem::path dir = std::filesystem::path(ELIGIBILITY_SOURCE_DIR) / "tests/cases" / service;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        const json c = json::parse(text.str(), nullptr, false);
        if (c.is_object() && c.contains("profile")) out.push_back(c["profile"].dump());
    }
    return out;
}

}  // namespace

TEST_CASE("every shipped service decides from its snapshot byte for byte as from its JSON") {
    Engine from_json(shipped());
    size_t profiles = 0;
    for (const auto& service : shipped()->services) {
        CAPTURE(service->id);
        Engine from_snapshot(shipped_index());
        REQUIRE(from_snapshot.add_service(service_snapshot(service->id)).empty());
        for (const std::string& profile : golden_profiles(service->id)) {
            CAPTURE(profile);
            for (auto lang : {std::optional<Lang>{}, std::optional<Lang>{Lang::en}, std::optional<Lang>{Lang::az},
                              std::optional<Lang>{Lang::ru}}) {
                CHECK(from_snapshot.evaluate(profile, eval_options(lang)).json == from_json.evaluate(profile, eval_options(lang)).json);
            }
            CHECK(from_snapshot.questions(profile, eval_options(Lang::az)).json == from_json.questions(profile, eval_options(Lang::az)).json);
            ++profiles;
        }
        for (Lang lang : {Lang::en, Lang::az, Lang::ru}) {
            CHECK(from_snapshot.facts(service->id, lang).json == from_json.facts(service->id, lang).json);
            CHECK(from_snapshot.fragments(service->id, lang) == from_json.fragments(service->id, lang));
        }
    }
    CHECK(profiles > 300);  // the golden cases of every service were found and run
}

TEST_CASE("the index read from its snapshot lists the same services and countries") {
    Engine from_json(shipped());
    Engine from_snapshot(shipped_index());
    for (Lang lang : {Lang::en, Lang::az, Lang::ru}) {
        CHECK(from_snapshot.services(lang) == from_json.services(lang));
        CHECK(from_snapshot.countries(lang) == from_json.countries(lang));
    }
    CHECK(from_snapshot.rules().services.empty());
    CHECK(from_snapshot.rules_version() == from_json.rules_version());
}

TEST_CASE("a snapshot is written the same way every time") {
    CHECK(service_snapshot("visa") == service_snapshot("visa"));
    const auto back = eligibility::add_service_snapshot(*shipped_index(), service_snapshot("visa"));
    REQUIRE(back.ok());
    CHECK(eligibility::write_service_snapshot(*back.rules, *back.rules->find_service("visa")) == service_snapshot("visa"));
}

TEST_CASE("a damaged, cut, foreign or mismatched snapshot is refused whole and the engine is unchanged") {
    const std::string good = service_snapshot("passport");
    Engine e(shipped_index());
    const auto refused = [&](const std::string& bytes, const char* why) {
        CAPTURE(why);
        const auto errors = e.add_service(bytes);
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].code == eligibility::ErrorCode::invalid_rules);
        CHECK(errors[0].path == "");
        CHECK(e.rules().services.empty());
        return errors[0].message;
    };

    std::string flipped = good;
    flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x20);
    CHECK(refused(flipped, "one byte changed").find("damaged") != std::string::npos);
    for (size_t keep : {size_t{0}, size_t{5}, size_t{8}, size_t{20}, good.size() / 2, good.size() - 1}) {
        refused(good.substr(0, keep), "cut short");
    }
    CHECK(refused(good + "x", "a byte too many").find("damaged") != std::string::npos);

    std::string other_build = good;
    other_build[9] = static_cast<char>(other_build[9] ^ 1);  // the fingerprint's first byte
    CHECK(refused(other_build, "another build").find("another build") != std::string::npos);

    CHECK(refused(eligibility::write_index_snapshot(*shipped()), "an index given as a service").find("index") != std::string::npos);

    // Rules of another version: the snapshot of a service from a bundle with another "version".
    json other = json::parse(eligibility::embedded::default_rules());
    other["version"] = "another-version";
    const auto other_rules = eligibility::load_rules(other.dump());
    REQUIRE(other_rules.ok());
    const std::string foreign = eligibility::write_service_snapshot(*other_rules.rules, *other_rules.rules->find_service("passport"));
    CHECK(refused(foreign, "another version").find("another-version") != std::string::npos);

    // A service that this index does not list.
    auto narrow = std::make_shared<eligibility::RuleSet>(*shipped_index());
    narrow->catalogue.erase(std::remove_if(narrow->catalogue.begin(), narrow->catalogue.end(),
                                           [](const auto& c) { return c.id == "passport"; }),
                            narrow->catalogue.end());
    Engine narrow_engine(narrow);
    const auto errors = narrow_engine.add_service(good);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message.find("do not list") != std::string::npos);

    // And the good one loads.
    CHECK(e.add_service(good).empty());
    CHECK(e.rules().services.size() == 1);
}

TEST_CASE("only bytes starting with the snapshot's magic are taken for a snapshot") {
    CHECK(eligibility::is_snapshot(service_snapshot("visa")));
    CHECK_FALSE(eligibility::is_snapshot(eligibility::embedded::default_rules()));
    CHECK_FALSE(eligibility::is_snapshot(""));
    CHECK_FALSE(eligibility::is_snapshot("\x89"));
    eligibility::Errors errors;
    CHECK_FALSE(Engine::load(std::string(eligibility::kSnapshotMagic) + "garbage", errors).has_value());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == eligibility::ErrorCode::invalid_rules);
}

TEST_CASE("a well-sealed snapshot whose records point at what it does not hold is refused") {
    const eligibility::Service& visa = *shipped()->find_service("visa");
    const auto refused = [&](const eligibility::Service& broken, const char* what) {
        CAPTURE(what);
        const auto result = eligibility::add_service_snapshot(*shipped_index(), eligibility::write_service_snapshot(*shipped(), broken));
        REQUIRE_FALSE(result.ok());
        REQUIRE(result.errors.size() == 1);
        CHECK(result.errors[0].message.find("does not hold") != std::string::npos);
    };
    {
        eligibility::Service s = visa;
        s.documents.at(0).channel = static_cast<int>(s.channel_ids.size());
        refused(s, "a channel past the last");
    }
    {
        eligibility::Service s = visa;
        s.checks.at(0).test = static_cast<uint32_t>(s.store.conds.size());
        refused(s, "a test past the last condition");
    }
    {
        eligibility::Service s = visa;
        auto loop = std::find_if(s.store.conds.begin(), s.store.conds.end(),
                                 [](const eligibility::Cond& c) { return c.op == eligibility::CondOp::all && c.count > 0; });
        REQUIRE(loop != s.store.conds.end());
        s.store.children.at(loop->first) = static_cast<uint32_t>(loop - s.store.conds.begin());  // its own child
        refused(s, "a condition that contains itself");
    }
    {
        eligibility::Service s = visa;
        s.fee_groups.push_back({static_cast<uint32_t>(s.fees.size())});
        refused(s, "a fee group naming a fee past the last");
    }
    {
        eligibility::Service s = visa;
        s.facts.at(0).kind = static_cast<eligibility::ValueKind>(9);
        refused(s, "a fact of no known kind");
    }
}

TEST_CASE("every service in one snapshot loads at once and decides as from JSON") {
    Engine from_json(shipped());
    Engine all(shipped_index());
    REQUIRE(all.add_service(eligibility::write_services_snapshot(*shipped())).empty());
    REQUIRE(all.rules().services.size() == shipped()->services.size());
    for (const auto& service : shipped()->services) {
        CAPTURE(service->id);
        for (const std::string& profile : golden_profiles(service->id)) {
            CHECK(all.evaluate(profile, eval_options(Lang::az)).json == from_json.evaluate(profile, eval_options(Lang::az)).json);
        }
    }
    // A snapshot that holds one service twice is refused.
    auto twice = std::make_shared<eligibility::RuleSet>(*shipped());
    twice->services.push_back(twice->services.front());
    Engine e(shipped_index());
    const auto errors = e.add_service(eligibility::write_services_snapshot(*twice));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message.find("twice") != std::string::npos);
    CHECK(e.rules().services.empty());
}

// The record indexes are not stored in a pack: they are made again when it is read, and must be
// the indexes made from the JSON.
TEST_CASE("a service read from its snapshot has the record indexes of the service read from JSON") {
    const auto read = eligibility::add_service_snapshot(*shipped_index(), eligibility::write_services_snapshot(*shipped()));
    REQUIRE(read.ok());
    int indexed = 0;
    for (const auto& service : shipped()->services) {
        CAPTURE(service->id);
        const eligibility::Service* back = read.rules->find_service(service->id);
        REQUIRE(back != nullptr);
        const auto same = [&](const eligibility::RecordIndex& a, const eligibility::RecordIndex& b) {
            CHECK(a.fact == b.fact);
            CHECK(a.entries == b.entries);
            CHECK(a.open == b.open);
            CHECK(a.keys == b.keys);
            CHECK(a.starts == b.starts);
            CHECK(a.gated == b.gated);
            indexed += a.fact != eligibility::kNoFact;
        };
        same(back->verdict_index, service->verdict_index);
        same(back->fee_index, service->fee_index);
        same(back->document_index, service->document_index);
        same(back->check_index, service->check_index);
        same(back->deadline_index, service->deadline_index);
        same(back->notice_index, service->notice_index);
    }
    CHECK(indexed >= 5);
}
