// The rules we ship: they load, and every record names its source and speaks all three languages.
// The loader refuses a record without them; this test would also catch a loader that stopped
// refusing.
#include <doctest/doctest.h>

#include <string>

#include "default_rules.hpp"
#include "eligibility/rules_loader.hpp"

using namespace eligibility;

namespace {

const RuleSet& shipped() {
    static const LoadResult loaded = load_rules(embedded::default_rules());
    REQUIRE_MESSAGE(loaded.ok(), (loaded.errors.empty() ? "" : loaded.errors[0].path + ": " + loaded.errors[0].message));
    return *loaded.rules;
}

bool complete(const LocalText& t) {
    return t.present && !t.in(Lang::en).empty() && !t.in(Lang::az).empty() && !t.in(Lang::ru).empty();
}

void check_record(const Service& s, const char* section, const Record& r) {
    INFO(s.id << " " << section << " " << r.id << (r.variant.empty() ? "" : ":" + r.variant));
    CHECK_FALSE(r.citation.empty());
    CHECK(complete(r.title));
    if (r.note.present) CHECK(complete(r.note));
}

}  // namespace

TEST_CASE("the shipped rules load, with a version and every service of the contract") {
    CHECK_FALSE(shipped().version.empty());
    CHECK(shipped().countries.size() == 249);
    CHECK(shipped().eu_countries.size() == 27);
    for (const char* id : kServiceIds) CHECK_MESSAGE(shipped().find_service(id) != nullptr, id);
    CHECK(shipped().services.size() == std::size(kServiceIds));
}

TEST_CASE("every shipped record has a citation and a title in en, az and ru") {
    size_t records = 0;
    for (const auto& service : shipped().services) {
        const Service& s = *service;
        CHECK(complete(s.title));
        CHECK_FALSE(s.citation.empty());
        for (const FactDef& f : s.facts) {
            INFO(s.id << " fact " << f.id);
            CHECK(complete(f.question));
            for (const Option& o : f.options) CHECK(complete(o.title));
            for (const Option& o : f.special) CHECK(complete(o.title));
        }
        for (const auto& v : s.verdicts) {
            check_record(s, "verdict", v);
            for (const auto& c : v.channels) check_record(s, "channel", c);
            records += 1 + v.channels.size();
        }
        for (const auto& r : s.fees) check_record(s, "fee", r);
        for (const auto& r : s.waivers) check_record(s, "waiver", r);
        for (const auto& r : s.documents) check_record(s, "document", r);
        for (const auto& r : s.checks) check_record(s, "check", r);
        for (const auto& r : s.deadlines) check_record(s, "deadline", r);
        for (const auto& r : s.notices) check_record(s, "notice", r);
        for (const auto& c : s.constraints) CHECK(complete(c.message));
        records += s.fees.size() + s.waivers.size() + s.documents.size() + s.checks.size() + s.deadlines.size() +
                   s.notices.size();
    }
    MESSAGE(records << " records checked");
    CHECK(records > 50);
}

TEST_CASE("every country has a name in en, az and ru") {
    for (const Country& c : shipped().countries) {
        INFO(std::string(c.code.data(), 2));
        CHECK(complete(c.name));
    }
}
