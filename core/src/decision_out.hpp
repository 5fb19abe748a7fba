// Where the decision writer puts a decision: JSON text (decision_writer.cpp) or the tape that the
// JavaScript API reads (decision_tape.cpp). The writer decides the layout once for both (which
// members, in which order: docs/contract.md); an output only chooses how each value, and each
// record's static members (ids, citations, titles), are written down. That is why a decision
// read from the tape is the decision parsed from the text, member for member.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "eligibility/civil_date.hpp"
#include "eligibility/decision.hpp"
#include "eligibility/ruleset.hpp"
#include "eligibility/text.hpp"

namespace eligibility::detail {

class DecisionOut {
public:
    virtual ~DecisionOut() = default;

    virtual void begin_object() = 0;
    virtual void end_object() = 0;
    virtual void begin_array() = 0;
    virtual void end_array() = 0;
    // Keys are the contract's names and rules ids (snake_case): never in need of escaping.
    virtual void key(std::string_view k) = 0;
    virtual void string(std::string_view s) = 0;
    virtual void integer(int64_t v) = 0;
    virtual void boolean(bool v) = 0;
    virtual void null() = 0;
    virtual void date(CivilDate d) = 0;

    // A record's static members, placed into the open object: its head (id and channel; a
    // verdict's code and basis), its provenance (until, citation, confidence, and title and note
    // in the decision's language), a failed check's fail_note (in that language).
    virtual void head(const Record& r) = 0;
    virtual void provenance(const Record& r) = 0;
    virtual void fail_note(const Record& r) = 0;
    // A record with nothing computed, as one value: head and provenance. Its trace entry, as one
    // value.
    virtual void static_record(const Record& r) = 0;
    virtual void trace_entry(const Record& r) = 0;
    // A fact's id, as a string value (`missing`).
    virtual void fact_id(const FactDef& f) = 0;

    void field(std::string_view k, std::string_view v) { key(k); string(v); }
    void field_int(std::string_view k, int64_t v) { key(k); integer(v); }
    void field_bool(std::string_view k, bool v) { key(k); boolean(v); }
};

// A decided or needs_input decision, through `out`. The service's fragments must be rendered
// (Service::ensure_fragments) before a JSON output is made.
void write_decision_to(const RuleSet& rules, const Decision& d, std::optional<Lang> lang, DecisionOut& out);

// A decision that is an error (its violated constraints, or its errors), as JSON text into `out`;
// false, with nothing written, if it is not one.
bool write_decision_failure(const Decision& d, std::optional<Lang> lang, std::string& out);

}  // namespace eligibility::detail
