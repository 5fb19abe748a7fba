// Which records of a sequence could apply, found from one fact's value instead of by trying each.
//
// In a large table most records concern a few countries: an agreement names its partner
// ({"eq": [{"fact": "nationality"}, "TR"]}), a fee or a document its group of countries
// ({"in": [{"fact": "nationality"}, {"list": …}]}). Trying every record in turn makes the cost of a
// decision grow with the table, where DESIGN.md allows at most log n.
//
// A record whose condition is a gate on fact f, or {"all": [gate, …]} — a gate being "f equals a
// constant", "f is in a set", or {"any": [gate, …]} of such on the same f — is false whenever f is
// known and outside the gate's values, whatever else the condition says: evaluate_condition()
// answers no, and a record that answers no adds nothing to `missing`. Skipping it therefore
// changes no decision. The index lists, for each value some gate admits, the entries it admits;
// the entries with no gate on f are always tried. Entries come back in ascending order, so the
// order of variants, items and verdicts is the rules' own.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "eligibility/condition.hpp"
#include "eligibility/limits.hpp"

namespace eligibility {

struct RecordIndex {
    uint16_t fact = kNoFact;         // the fact whose value picks the entries; kNoFact: try them all
    uint32_t entries = 0;            // entries in the sequence (records, or groups of variants)
    std::vector<uint32_t> open;      // entries without a gate on `fact`, ascending
    std::vector<int64_t> keys;       // the values some gate admits, ascending
    std::vector<uint32_t> starts;    // keys.size() + 1 offsets into `gated`
    std::vector<uint32_t> gated;     // for each key, the gated entries that admit it, ascending
};

// The entries of an index that may apply to this profile, in ascending order:
//     for (Candidates c(index, ctx); c.next(entry);) …
// Without the fact's value (or without a gated entry), every entry.
class Candidates {
public:
    Candidates(const RecordIndex& index, const EvalContext& ctx);
    bool next(uint32_t& entry) {
        if (open_ == open_end_ && gated_ == gated_end_) {
            if (at_ >= every_) return false;
            entry = at_++;
            return true;
        }
        const bool take_open = gated_ == gated_end_ || (open_ != open_end_ && *open_ < *gated_);
        entry = take_open ? *open_++ : *gated_++;
        return true;
    }

private:
    uint32_t at_ = 0, every_ = 0;  // counting through every entry: the next, and the end
    const uint32_t* open_ = nullptr;
    const uint32_t* open_end_ = nullptr;
    const uint32_t* gated_ = nullptr;
    const uint32_t* gated_end_ = nullptr;
};

struct Service;

// Builds the service's indexes (Service::verdict_index and the groups' indexes) from its compiled
// conditions. Called once a service is loaded and its structure checked, from JSON or from a pack.
// A sequence whose gates would list more than `max_values` values is left unindexed (docs/limits.md).
void index_records(Service& service, std::size_t max_values = limits::kIndexedValues);

}  // namespace eligibility
