// Decision tapes (decision_tape.hpp): strings are numbered once per engine, and a string keeps its
// number wherever it is read from; integers of any size go on the tape whole; an error carries its
// text. (The JSON text is the tape written out, so every golden case checks the tape's layout;
// the JavaScript reader, wasm/js/decision-tape.mjs, is held to the text by
// tests/wasm/parity.test.mjs and tests/wasm/decision-tape.test.mjs.)
#include <doctest/doctest.h>

#include <cstring>
#include <limits>

#include "eligibility/decision_tape.hpp"
#include "fixtures.hpp"

using namespace fixtures;
using eligibility::DecisionTape;
using eligibility::Engine;
using eligibility::Lang;
using eligibility::TapeOp;

namespace {

}  // namespace

TEST_CASE("a decision that is an error carries its JSON text instead of a tape") {
    Engine e = engine(service());
    const std::string profile = R"({"service":"visa","facts":{"age":"thirty"}})";
    const std::string expected = e.evaluate(profile, eval_options(Lang::en)).json;
    const DecisionTape& tape = e.evaluate_tape(profile, eval_options(Lang::en));
    REQUIRE(tape.is_text());
    CHECK(tape.text() == expected);
    CHECK(expected.find("\"status\":\"error\"") != std::string::npos);
}

TEST_CASE("each string is numbered once per engine and keeps its number") {
    Engine e = engine(service());
    const std::string profile = R"({"service":"visa","facts":{"nationality":"DE"}})";
    const DecisionTape& first = e.evaluate_tape(profile, eval_options(Lang::en));
    REQUIRE_FALSE(first.is_text());
    const uint32_t numbered = first.string_count();
    CHECK(numbered > 5);  // keys such as "status", values such as "visa"
    const std::vector<int32_t> words = first.words();

    const DecisionTape& again = e.evaluate_tape(profile, eval_options(Lang::en));
    CHECK(again.string_count() == numbered);  // nothing new
    CHECK(again.words() == words);            // the same strings by the same numbers

    // Each string has one number.
    for (uint32_t a = 0; a < numbered; ++a) {
        for (uint32_t b = a + 1; b < numbered; ++b) CHECK(again.string_at(a) != again.string_at(b));
    }
}

TEST_CASE("a string keeps its number when another string later takes its place in memory") {
    DecisionTape tape;
    char place[4] = "EUR";
    const uint32_t eur = tape.number(std::string_view(place, 3));
    std::memcpy(place, "USD", 3);  // a total's currency is written from scratch space reused this way
    const uint32_t usd = tape.number(std::string_view(place, 3));
    CHECK(eur != usd);
    CHECK(tape.string_at(eur) == "EUR");
    CHECK(tape.string_at(usd) == "USD");
    CHECK(tape.number("EUR") == eur);
    // Many strings: the index grows, and every number still names its string.
    std::vector<std::string> ids;
    for (int i = 0; i < 500; ++i) ids.push_back("id_" + std::to_string(i));
    for (const std::string& id : ids) tape.number(id);
    for (size_t i = 0; i < ids.size(); ++i) CHECK(tape.string_at(tape.number(ids[i])) == ids[i]);
    CHECK(tape.string_count() == 502);
}

TEST_CASE("integers of every size come back whole") {
    const int64_t values[] = {0, 1, -1, eligibility::kTapeIntegerMax, eligibility::kTapeIntegerMin,
                              int64_t{eligibility::kTapeIntegerMax} + 1, int64_t{eligibility::kTapeIntegerMin} - 1,
                              999999999999, -999999999999, std::numeric_limits<int64_t>::max(),
                              std::numeric_limits<int64_t>::min()};
    for (const int64_t v : values) {
        CAPTURE(v);
        DecisionTape tape;
        tape.put_integer(v);
        const auto& w = tape.words();
        const bool wide = v < eligibility::kTapeIntegerMin || v > eligibility::kTapeIntegerMax;
        REQUIRE(w.size() == (wide ? 3u : 1u));
        if (!wide) {
            CHECK(static_cast<TapeOp>(w[0] & 15) == TapeOp::integer);
            CHECK((w[0] >> eligibility::kTapeOpBits) == v);
        } else {
            CHECK(static_cast<TapeOp>(w[0] & 15) == TapeOp::wide_integer);
            CHECK(static_cast<int64_t>(uint64_t{static_cast<uint32_t>(w[2])} << 32 | static_cast<uint32_t>(w[1])) == v);
        }
    }
}

TEST_CASE("a fee beyond 2^27 minor units goes on the tape whole and is written out whole") {
    json s = service();
    s["fees"] = json::array({{{"id", "large"}, {"citation", "law"}, {"title", text("Large")},
                              {"amount", {{"amount_minor", 999999999999}, {"currency", "USD"}}}}});
    Engine e = engine(s);
    const std::string profile = R"({"service":"visa","facts":{"nationality":"DE"}})";
    const std::string expected = e.evaluate(profile, eval_options(Lang::en)).json;
    CHECK(expected.find("\"amount_minor\":999999999999") != std::string::npos);
    const DecisionTape& tape = e.evaluate_tape(profile, eval_options(Lang::en));
    // The fee's amount and its total: each the wide operation and the amount's low and high words.
    const auto& w = tape.words();
    const int64_t amount = 999999999999;
    size_t found = 0;
    for (size_t i = 0; i + 2 < w.size(); ++i) {
        found += w[i] == static_cast<int32_t>(TapeOp::wide_integer) && w[i + 1] == static_cast<int32_t>(amount & 0xFFFFFFFF) &&
                 w[i + 2] == static_cast<int32_t>(amount >> 32);
    }
    CHECK(found == 2);
}
