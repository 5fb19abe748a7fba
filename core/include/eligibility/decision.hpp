// A decision (CONTRACT.md section 2) in typed form: which records applied, with the values they
// computed. Texts and citations stay in the RuleSet; the writer joins the two into JSON.
//
// A Decision can be reused across evaluations: its vectors keep their capacity, so evaluating
// many profiles allocates nothing after the first.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "eligibility/civil_date.hpp"
#include "eligibility/condition.hpp"
#include "eligibility/error.hpp"
#include "eligibility/limits.hpp"
#include "eligibility/money.hpp"
#include "eligibility/ruleset.hpp"

namespace eligibility {

enum class Status : uint8_t { decided, needs_input, error };
const char* status_name(Status s);

// The computed outputs of one record, by output index (string outputs need no value).
struct OutputValues {
    uint32_t known = 0;  // bit k: output k was computed
    // Only the values whose bit is set in `known` are ever read. Not cleared: a decision makes an
    // item for every document, check and notice, and clearing 64 bytes each was a tenth of the
    // evaluator's time.
    std::array<int64_t, limits::kOutputsPerRecord> values;
};

struct ItemResult {
    uint32_t record = 0;     // index into the section's records
    Tri result = Tri::yes;   // checks: yes = pass, no = fail, unknown
    bool has_due = false;    // deadlines
    CivilDate due;
    OutputValues outputs;
};

struct FeeResult {
    uint32_t record = 0;
    bool waived = false;
    uint32_t waiver = 0;     // index into Service::waivers when waived
    OutputValues outputs;
};

struct Total {
    int channel = -1;        // service channel index, or -1
    bool amount_known = true;
    Money money;
};

struct ChannelResult {
    uint32_t channel = 0;    // service channel index
    uint32_t record = 0;     // index into the verdict record's channels
};

struct Decision {
    Status status = Status::needs_input;
    const Service* service = nullptr;
    CivilDate as_of;

    bool verdict_known = false;
    uint32_t verdict = 0;                  // index into service->verdicts
    OutputValues verdict_outputs;
    std::vector<ChannelResult> channels;   // offered, in the verdict's order

    uint64_t missing = 0;                  // fact slots still to ask
    std::vector<FeeResult> fees;
    std::vector<Total> totals;
    std::vector<ItemResult> documents, checks, deadlines, notices;
    Errors errors;                          // status error from reading the profile: why
    std::vector<uint32_t> violated;         // status error from the rules' constraints, in document order

    // Scratch space for evaluation, kept to avoid allocating again.
    std::vector<FeeState> fee_states;
    std::vector<uint64_t> fee_missing;
};

}  // namespace eligibility
