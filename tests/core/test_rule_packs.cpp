// Rule packs: an index lists every service (the catalogue) and loads none or some; each service is
// added on its own, checked against the index's countries, currencies and version.
#include <doctest/doctest.h>

#include "fixtures.hpp"

using namespace fixtures;

namespace {

json catalogue_entry(const char* id) { return {{"service", id}, {"title", text(id)}}; }

json index_bundle() {
    json b = bundle(service());
    b["services"] = json::array();
    b["catalogue"] = json::array({catalogue_entry("visa"), catalogue_entry("passport")});
    return b;
}

eligibility::Engine index_engine() {
    eligibility::Errors errors;
    auto e = eligibility::Engine::load(index_bundle().dump(), errors);
    REQUIRE_MESSAGE(e.has_value(), describe(errors));
    return std::move(*e);
}

}  // namespace

TEST_CASE("an index knows every service of its catalogue and loads none") {
    auto e = index_engine();
    CHECK(json::parse(e.services(eligibility::Lang::en)) ==
          json::array({{{"id", "visa"}, {"title", "visa"}}, {{"id", "passport"}, {"title", "passport"}}}));
    const json d = decide(e, json::object());
    CHECK(d["status"] == "error");
    CHECK(d["errors"][0]["code"] == "service_not_loaded");
    CHECK(d["errors"][0]["path"] == "/service");
    eligibility::EvalOptions o;
    o.default_as_of = *eligibility::CivilDate::parse("2026-11-21");
    CHECK(json::parse(e.evaluate(R"({"service":"work_permit"})", o).json)["errors"][0]["code"] == "unknown_service");
}

TEST_CASE("a service added to an index evaluates exactly as in a whole bundle") {
    auto packed = index_engine();
    REQUIRE(packed.add_service(service().dump()).empty());
    auto whole = engine(service());
    const json facts = {{"nationality", "DE"}, {"age", 30}};
    CHECK(decide(packed, facts) == decide(whole, facts));
    // Adding it again replaces it; the other services stay as they are.
    json changed = service();
    changed["title"]["en"] = "Visa (changed)";
    REQUIRE(packed.add_service(changed.dump()).empty());
    CHECK(packed.rules().services.size() == 1);
    CHECK(packed.rules().services[0]->title.in(eligibility::Lang::en) == "Visa (changed)");
}

TEST_CASE("a pack is refused if it is of another version, not catalogued, or broken; the engine is unchanged") {
    auto e = index_engine();
    json pack = service();
    pack["version"] = "test-0";
    auto errors = e.add_service(pack.dump());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].path == "/version");
    pack["version"] = "test-1";  // the index's own version is accepted
    CHECK(e.add_service(pack.dump()).empty());

    auto fresh = index_engine();
    json other = service();
    other["service"] = "work_permit";
    errors = fresh.add_service(other.dump());
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].path == "/service");

    json broken = service();
    broken["verdicts"][0].erase("citation");
    errors = fresh.add_service(broken.dump());
    CHECK(has_error(errors, "/verdicts/0/citation"));
    CHECK(fresh.add_service("{").at(0).code == eligibility::ErrorCode::invalid_rules);
    CHECK(fresh.add_service(R"({"services":[]})").at(0).path == "");
    CHECK(fresh.rules().services.empty());
}

TEST_CASE("a bundle's catalogue must list every service it holds, once") {
    json b = bundle(service());
    b["catalogue"] = json::array({catalogue_entry("passport")});
    CHECK(has_error(eligibility::load_rules(b.dump()).errors, "/services/0/service"));
    b["catalogue"] = json::array({catalogue_entry("visa"), catalogue_entry("visa")});
    CHECK(has_error(eligibility::load_rules(b.dump()).errors, "/catalogue/1/service"));
    b["catalogue"] = json::array({catalogue_entry("taxi")});
    CHECK(has_error(eligibility::load_rules(b.dump()).errors, "/catalogue/0/service"));
    b = bundle(service());
    b["services"] = json::array();
    CHECK(has_error(eligibility::load_rules(b.dump()).errors, "/services"));  // no catalogue: at least one service
}
