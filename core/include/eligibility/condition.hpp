// The compiled condition language (docs/rules-format.md section 4) and its three-valued
// evaluation.
//
// A rules file's conditions are compiled once into flat arrays of nodes that refer to one another
// by index. Evaluation walks them without allocating and answers true, false or unknown; when the
// answer is unknown it also says which facts would settle it, as a 64-bit set of fact slots.
#pragma once

#include <cstdint>
#include <vector>

#include "eligibility/civil_date.hpp"

namespace eligibility {

enum class ValueKind : uint8_t { boolean, integer, date, enumeration, country };

inline constexpr uint16_t kNoFact = 0xFFFF;

struct ValueType {
    ValueKind kind = ValueKind::boolean;
    // enumeration: the fact whose options give the values; country: the fact whose special
    // values ("stateless") are allowed, or kNoFact.
    uint16_t fact = kNoFact;
    friend bool operator==(ValueType a, ValueType b) {
        return a.kind == b.kind && (a.kind != ValueKind::enumeration || a.fact == b.fact);
    }
    friend bool operator!=(ValueType a, ValueType b) { return !(a == b); }
};

enum class Tri : uint8_t { no = 0, yes = 1, unknown = 2 };
inline Tri tri_not(Tri t) { return t == Tri::unknown ? t : (t == Tri::yes ? Tri::no : Tri::yes); }

enum class CondOp : uint8_t {
    constant_true,
    constant_false,
    unknowable,     // {"unknown": true}
    all,            // children [first, first + count)
    any,
    negate,         // a = child
    compare,        // a, b = exprs; cmp
    in_set,         // a = expr; values [first, first + count) in ConditionStore::set_values
    bool_fact,      // a = fact slot
    verdict_in,     // verdict record indexes [first, first + count) in set_values
    channel,        // a = channel index
    payable,        // fee group indexes [first, first + count) in set_values
};

enum class CmpOp : uint8_t { eq, ne, lt, le, gt, ge };

struct Cond {
    CondOp op = CondOp::constant_true;
    CmpOp cmp = CmpOp::eq;
    uint32_t a = 0, b = 0;
    uint32_t first = 0, count = 0;
};

enum class ExprOp : uint8_t {
    constant,          // value
    fact,              // a = fact slot
    as_of,
    add_days,          // a = date expr, b = int expr
    add_months,
    add_working_days,
    days_between,      // a, b = date exprs
    years_between,
    verdict_output,    // first = offset of a per-verdict table in set_values: output index or -1
};

struct Expr {
    ExprOp op = ExprOp::constant;
    uint32_t a = 0, b = 0, first = 0;
    int64_t value = 0;
};

// Condition index 0 is always true and 1 always false, so records can point at them.
inline constexpr uint32_t kCondTrue = 0;
inline constexpr uint32_t kCondFalse = 1;

struct ConditionStore {
    std::vector<Cond> conds{Cond{CondOp::constant_true}, Cond{CondOp::constant_false}};
    std::vector<uint32_t> children;
    std::vector<Expr> exprs;
    std::vector<int64_t> set_values;  // sorted slices for in_set; plain slices otherwise
};

// Where a fee stands once fees are decided; read by the `payable` condition.
enum class FeeState : uint8_t { not_applicable, payable, waived, unknown };

// What a condition may read: the profile, and the parts of the decision already made.
struct EvalContext {
    const ConditionStore* store = nullptr;
    const int64_t* facts = nullptr;   // indexed by fact slot
    uint64_t known = 0;               // bit i set: fact i is known
    CivilDate as_of;

    bool verdict_known = false;
    uint32_t verdict = 0;             // chosen verdict record when known
    uint64_t verdict_missing = 0;     // facts that would settle the verdict
    const int64_t* verdict_outputs = nullptr;  // by output index of the chosen verdict
    uint32_t verdict_outputs_known = 0;

    uint32_t channels_offered = 0;    // bit per channel index
    uint32_t channels_unknown = 0;
    uint64_t channels_missing = 0;

    const FeeState* fee_states = nullptr;   // by fee group
    const uint64_t* fee_missing = nullptr;  // by fee group
};

// Evaluates condition `index`. On unknown, ORs into `missing` the facts that would settle it
// (conditions are read left to right: for all/any only the first unsettled part is asked for).
Tri evaluate_condition(const EvalContext& ctx, uint32_t index, uint64_t& missing);

// Is this channel offered by the verdict? Unknown (with the facts it waits for) while the
// verdict, or that channel's offer, is: the {"channel": …} condition and a channel record's gate.
Tri channel_offered(const EvalContext& ctx, uint32_t channel, uint64_t& missing);

// Evaluates expression `index`; false when it cannot be computed yet (facts ORed into `missing`).
bool evaluate_expression(const EvalContext& ctx, uint32_t index, int64_t& value, uint64_t& missing);

}  // namespace eligibility
