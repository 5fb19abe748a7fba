#include "eligibility/condition.hpp"

#include <algorithm>

namespace eligibility {
namespace {

bool contains_sorted(const ConditionStore& store, uint32_t first, uint32_t count, int64_t value) {
    const auto begin = store.set_values.begin() + first;
    return std::binary_search(begin, begin + count, value);
}

bool compare(CmpOp op, int64_t a, int64_t b) {
    switch (op) {
        case CmpOp::eq: return a == b;
        case CmpOp::ne: return a != b;
        case CmpOp::lt: return a < b;
        case CmpOp::le: return a <= b;
        case CmpOp::gt: return a > b;
        case CmpOp::ge: return a >= b;
    }
    return false;
}

// An expression's value: facts and constants (most operands) read here, the rest computed by
// evaluate_expression. Same results, without a call and a dispatch for the common case.
// A fact's value; false, with the fact added to `missing`, if it is not known.
inline bool fact_value(const EvalContext& ctx, uint32_t slot, int64_t& value, uint64_t& missing) {
    if (!(ctx.known >> slot & 1)) {
        missing |= uint64_t{1} << slot;
        return false;
    }
    value = ctx.facts[slot];
    return true;
}

inline bool operand(const EvalContext& ctx, uint32_t index, int64_t& value, uint64_t& missing) {
    const Expr& e = ctx.store->exprs[index];
    if (e.op == ExprOp::constant) {
        value = e.value;
        return true;
    }
    if (e.op == ExprOp::fact) return fact_value(ctx, e.a, value, missing);
    return evaluate_expression(ctx, index, value, missing);
}

// all/any: `decisive` is the answer one child settles alone (no for all, yes for any).
Tri evaluate_junction(const EvalContext& ctx, const Cond& c, Tri decisive, uint64_t& missing) {
    const ConditionStore& store = *ctx.store;
    bool unsettled = false;
    uint64_t first_unsettled = 0;
    for (uint32_t i = 0; i < c.count; ++i) {
        uint64_t child_missing = 0;
        const Tri t = evaluate_condition(ctx, store.children[c.first + i], child_missing);
        if (t == decisive) return decisive;
        if (t == Tri::unknown && !unsettled) {
            unsettled = true;
            first_unsettled = child_missing;
        }
    }
    if (!unsettled) return tri_not(decisive);
    missing |= first_unsettled;
    return Tri::unknown;
}

}  // namespace

Tri channel_offered(const EvalContext& ctx, uint32_t channel, uint64_t& missing) {
    if (!ctx.verdict_known) {
        missing |= ctx.verdict_missing;
        return Tri::unknown;
    }
    if (ctx.channels_offered >> channel & 1) return Tri::yes;
    if (ctx.channels_unknown >> channel & 1) {
        missing |= ctx.channels_missing;
        return Tri::unknown;
    }
    return Tri::no;
}

Tri evaluate_condition(const EvalContext& ctx, uint32_t index, uint64_t& missing) {
    const ConditionStore& store = *ctx.store;
    const Cond& c = store.conds[index];
    switch (c.op) {
        case CondOp::constant_true: return Tri::yes;
        case CondOp::constant_false: return Tri::no;
        case CondOp::unknowable: return Tri::unknown;
        case CondOp::all: return evaluate_junction(ctx, c, Tri::no, missing);
        case CondOp::any: return evaluate_junction(ctx, c, Tri::yes, missing);
        case CondOp::negate: return tri_not(evaluate_condition(ctx, c.a, missing));
        case CondOp::compare: {
            int64_t a = 0, b = 0;
            uint64_t m = 0;
            const bool ka = operand(ctx, c.a, a, m);
            const bool kb = operand(ctx, c.b, b, m);
            if (!ka || !kb) {
                missing |= m;
                return Tri::unknown;
            }
            return compare(c.cmp, a, b) ? Tri::yes : Tri::no;
        }
        case CondOp::in_set: {
            int64_t v = 0;
            if (!operand(ctx, c.a, v, missing)) return Tri::unknown;
            return contains_sorted(store, c.first, c.count, v) ? Tri::yes : Tri::no;
        }
        case CondOp::bool_fact: {
            if (!(ctx.known >> c.a & 1)) {
                missing |= uint64_t{1} << c.a;
                return Tri::unknown;
            }
            return ctx.facts[c.a] != 0 ? Tri::yes : Tri::no;
        }
        case CondOp::verdict_in: {
            if (!ctx.verdict_known) {
                missing |= ctx.verdict_missing;
                return Tri::unknown;
            }
            return contains_sorted(store, c.first, c.count, ctx.verdict) ? Tri::yes : Tri::no;
        }
        case CondOp::channel:
            return channel_offered(ctx, c.a, missing);
        case CondOp::payable: {
            bool unsettled = false;
            for (uint32_t i = 0; i < c.count; ++i) {
                const auto group = static_cast<size_t>(store.set_values[c.first + i]);
                const FeeState s = ctx.fee_states[group];
                if (s == FeeState::payable) return Tri::yes;
                if (s == FeeState::unknown && !unsettled) {
                    unsettled = true;
                    missing |= ctx.fee_missing[group];
                }
            }
            return unsettled ? Tri::unknown : Tri::no;
        }
    }
    return Tri::unknown;
}

bool evaluate_expression(const EvalContext& ctx, uint32_t index, int64_t& value, uint64_t& missing) {
    const ConditionStore& store = *ctx.store;
    const Expr& e = store.exprs[index];
    switch (e.op) {
        case ExprOp::constant:
            value = e.value;
            return true;
        case ExprOp::fact:
            return fact_value(ctx, e.a, value, missing);
        case ExprOp::as_of:
            value = ctx.as_of.days();
            return true;
        case ExprOp::add_days:
        case ExprOp::add_months:
        case ExprOp::add_working_days:
        case ExprOp::days_between:
        case ExprOp::years_between: {
            int64_t a = 0, b = 0;
            uint64_t m = 0;
            const bool ka = evaluate_expression(ctx, e.a, a, m);
            const bool kb = evaluate_expression(ctx, e.b, b, m);
            if (!ka || !kb) {
                missing |= m;
                return false;
            }
            // Day numbers, not CivilDates: a date past 9999-12-31 must still compare correctly.
            switch (e.op) {
                case ExprOp::add_days: value = day_arithmetic::add_days(a, b); break;
                case ExprOp::add_months: value = day_arithmetic::add_months(a, b); break;
                case ExprOp::add_working_days: value = day_arithmetic::add_working_days(a, b); break;
                case ExprOp::days_between: value = day_arithmetic::add_days(b, -a); break;
                default: value = day_arithmetic::whole_years(a, b); break;
            }
            return true;
        }
        case ExprOp::verdict_output: {
            if (!ctx.verdict_known) {
                missing |= ctx.verdict_missing;
                return false;
            }
            const int64_t output = store.set_values[e.first + ctx.verdict];
            if (output < 0 || !(ctx.verdict_outputs_known >> output & 1)) return false;
            value = ctx.verdict_outputs[output];
            return true;
        }
    }
    return false;
}

}  // namespace eligibility
