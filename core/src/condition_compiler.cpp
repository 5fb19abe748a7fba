#include "condition_compiler.hpp"

#include <algorithm>
#include <cstring>

namespace eligibility::detail {
namespace {

struct NamedOp {
    const char* name;
    CmpOp cmp;
};
constexpr NamedOp kComparisons[] = {
    {"eq", CmpOp::eq}, {"ne", CmpOp::ne}, {"lt", CmpOp::lt},
    {"le", CmpOp::le}, {"gt", CmpOp::gt}, {"ge", CmpOp::ge},
};

constexpr const char* kConditionOps[] = {"all", "any", "not", "eq", "ne", "lt", "le", "gt",
                                         "ge", "in", "verdict", "basis", "channel", "payable",
                                         "unknown"};

bool is_literal(const json& j) { return j.is_boolean() || j.is_number() || j.is_string(); }

bool single_key(const json& j) { return j.is_object() && j.size() == 1; }

bool scope_allows_decision(Scope s) { return s == Scope::fees || s == Scope::items; }

}  // namespace

bool is_condition_form(const json& j) {
    if (j.is_boolean()) return true;
    if (!single_key(j)) return false;
    const std::string& key = j.begin().key();
    for (const char* op : kConditionOps) {
        if (key == op) return true;
    }
    return false;
}

uint32_t ConditionCompiler::add_cond(Cond c) {
    service_.store.conds.push_back(c);
    return static_cast<uint32_t>(service_.store.conds.size() - 1);
}

uint32_t ConditionCompiler::add_expr(Expr e) {
    service_.store.exprs.push_back(e);
    return static_cast<uint32_t>(service_.store.exprs.size() - 1);
}

uint32_t ConditionCompiler::constant(int64_t value) {
    Expr e;
    e.op = ExprOp::constant;
    e.value = value;
    return add_expr(e);
}

uint32_t ConditionCompiler::place_values(const std::vector<int64_t>& values) {
    auto& store = service_.store.set_values;
    const auto first = static_cast<uint32_t>(store.size());
    store.insert(store.end(), values.begin(), values.end());
    return first;
}

std::string ConditionCompiler::type_name(ValueType t) const {
    switch (t.kind) {
        case ValueKind::boolean: return "true or false";
        case ValueKind::integer: return "a whole number";
        case ValueKind::date: return "a date";
        case ValueKind::country: return "a country";
        case ValueKind::enumeration:
            if (t.fact < service_.facts.size()) return "an option of " + in_quotes(service_.facts[t.fact].id);
            return "an option";
    }
    return "a value";
}

bool ConditionCompiler::literal_value(const json& j, const std::string& path, ValueType type, int64_t& value) {
    switch (type.kind) {
        case ValueKind::boolean:
            if (!j.is_boolean()) return fail(path, "expected true or false, found " + json_type_name(j));
            value = j.get<bool>() ? 1 : 0;
            return true;
        case ValueKind::integer:
            if (!as_int64(j, value)) return fail(path, "expected a whole number, found " + json_type_name(j));
            return true;
        case ValueKind::date: {
            if (!j.is_string()) return fail(path, "expected a date \"YYYY-MM-DD\", found " + json_type_name(j));
            const auto d = CivilDate::parse(j.get_ref<const std::string&>());
            if (!d) return fail(path, in_quotes(j.get_ref<const std::string&>()) + " is not a date (YYYY-MM-DD)");
            value = d->days();
            return true;
        }
        case ValueKind::enumeration: {
            if (!j.is_string()) return fail(path, "expected " + type_name(type) + ", found " + json_type_name(j));
            const auto& s = j.get_ref<const std::string&>();
            const auto& options = service_.facts[type.fact].options;
            for (size_t i = 0; i < options.size(); ++i) {
                if (options[i].value == s) {
                    value = static_cast<int64_t>(i);
                    return true;
                }
            }
            return fail(path, in_quotes(s) + " is not " + type_name(type));
        }
        case ValueKind::country: {
            if (!j.is_string()) return fail(path, "expected a country code, found " + json_type_name(j));
            const auto& s = j.get_ref<const std::string&>();
            if (type.fact != kNoFact) {
                const auto& special = service_.facts[type.fact].special;
                for (size_t i = 0; i < special.size(); ++i) {
                    if (special[i].value == s) {
                        value = kCountrySpecialBase + static_cast<int64_t>(i);
                        return true;
                    }
                }
            }
            if (const auto code = rules_.country_code_value(s)) {
                value = *code;
                return true;
            }
            return fail(path, in_quotes(s) + " is not a country code of the country table");
        }
    }
    return false;
}

uint32_t ConditionCompiler::condition(const json& j, const std::string& path, Scope scope) {
    return condition_at(j, path, scope, 0);
}

uint32_t ConditionCompiler::condition_at(const json& j, const std::string& path, Scope scope, size_t depth) {
    if (depth > limits::kConditionDepth) {
        fail(path, "condition nested deeper than " + std::to_string(limits::kConditionDepth) + " levels");
        return kCondFalse;
    }
    if (j.is_boolean()) return j.get<bool>() ? kCondTrue : kCondFalse;
    if (!single_key(j)) {
        fail(path, "a condition is true, false, or an object with one operator such as {\"all\": [...]}; found " +
                       (j.is_object() ? "an object with " + std::to_string(j.size()) + " keys" : json_type_name(j)));
        return kCondFalse;
    }
    const std::string& op = j.begin().key();
    const json& arg = j.begin().value();
    const std::string at = pointer_join(path, op);

    if (op == "all") return junction(arg, at, scope, CondOp::all, depth);
    if (op == "any") return junction(arg, at, scope, CondOp::any, depth);
    if (op == "not") {
        Cond c;
        c.op = CondOp::negate;
        c.a = condition_at(arg, at, scope, depth + 1);
        return add_cond(c);
    }
    for (const auto& cmp : kComparisons) {
        if (op == cmp.name) return comparison(arg, at, scope, cmp.cmp, depth);
    }
    if (op == "in") return membership(arg, at, scope, depth);
    if (op == "fact") {
        if (!arg.is_string()) {
            fail(at, "expected the id of a true/false fact");
            return kCondFalse;
        }
        const auto it = index_.facts.find(arg.get_ref<const std::string&>());
        if (it == index_.facts.end()) {
            fail(at, "unknown fact " + in_quotes(arg.get_ref<const std::string&>()));
            return kCondFalse;
        }
        if (service_.facts[it->second].kind != ValueKind::boolean) {
            fail(at, "fact " + in_quotes(it->first) + " is not true/false: compare it, e.g. {\"eq\": [{\"fact\": \"" +
                         it->first + "\"}, …]}");
            return kCondFalse;
        }
        Cond c;
        c.op = CondOp::bool_fact;
        c.a = it->second;
        return add_cond(c);
    }
    if (op == "verdict") return record_set(arg, at, scope, CondOp::verdict_in, index_.verdict_codes, "verdict code");
    if (op == "basis") return record_set(arg, at, scope, CondOp::verdict_in, index_.verdict_ids, "verdict id");
    if (op == "channel") {
        if (!scope_allows_decision(scope)) {
            fail(at, "\"channel\" cannot be used here: only after the verdict is decided");
            return kCondFalse;
        }
        if (!arg.is_string()) {
            fail(at, "expected a channel id");
            return kCondFalse;
        }
        const auto& ids = service_.channel_ids;
        const auto found = std::find(ids.begin(), ids.end(), arg.get_ref<const std::string&>());
        if (found == ids.end()) {
            fail(at, "unknown channel " + in_quotes(arg.get_ref<const std::string&>()));
            return kCondFalse;
        }
        Cond c;
        c.op = CondOp::channel;
        c.a = static_cast<uint32_t>(found - ids.begin());
        return add_cond(c);
    }
    if (op == "payable") {
        if (scope != Scope::items) {
            fail(at, "\"payable\" can only be used in documents, checks, deadlines and notices");
            return kCondFalse;
        }
        return record_set(arg, at, scope, CondOp::payable, index_.fee_groups, "fee id");
    }
    if (op == "unknown") {
        if (!(arg.is_boolean() && arg.get<bool>())) {
            fail(at, "write {\"unknown\": true}");
            return kCondFalse;
        }
        return add_cond(Cond{CondOp::unknowable});
    }
    fail(path, "unknown operator " + in_quotes(op) +
                   " (conditions use all, any, not, eq, ne, lt, le, gt, ge, in, fact, verdict, basis, channel, "
                   "payable, unknown)");
    return kCondFalse;
}

uint32_t ConditionCompiler::junction(const json& args, const std::string& path, Scope scope, CondOp op, size_t depth) {
    if (!args.is_array() || args.empty()) {
        fail(path, "expected a non-empty array of conditions");
        return kCondFalse;
    }
    // Children are compiled first (they append their own nodes), then listed contiguously.
    std::vector<uint32_t> children;
    children.reserve(args.size());
    for (size_t i = 0; i < args.size(); ++i) {
        children.push_back(condition_at(args[i], pointer_join(path, i), scope, depth + 1));
    }
    Cond c;
    c.op = op;
    c.first = static_cast<uint32_t>(service_.store.children.size());
    c.count = static_cast<uint32_t>(children.size());
    service_.store.children.insert(service_.store.children.end(), children.begin(), children.end());
    return add_cond(c);
}

uint32_t ConditionCompiler::comparison(const json& args, const std::string& path, Scope scope, CmpOp op, size_t depth) {
    if (!args.is_array() || args.size() != 2) {
        fail(path, "a comparison takes an array of two operands");
        return kCondFalse;
    }
    const json& left = args[0];
    const json& right = args[1];
    if (is_literal(left) && is_literal(right)) {
        fail(path, "compare a fact or an expression with a constant, not two constants");
        return kCondFalse;
    }
    ValueType type;
    Cond c;
    c.op = CondOp::compare;
    c.cmp = op;
    // The side that is not a bare constant decides what the constant means. If that side is
    // itself wrong, the constant has nothing to be read against: one error, not two.
    const size_t errors_before = diag_.count();
    if (!is_literal(left)) {
        c.a = expression_at(left, pointer_join(path, 0), scope, std::nullopt, &type, depth + 1);
        if (diag_.count() != errors_before) return kCondFalse;
        c.b = expression_at(right, pointer_join(path, 1), scope, type, nullptr, depth + 1);
    } else {
        c.b = expression_at(right, pointer_join(path, 1), scope, std::nullopt, &type, depth + 1);
        if (diag_.count() != errors_before) return kCondFalse;
        c.a = expression_at(left, pointer_join(path, 0), scope, type, nullptr, depth + 1);
    }
    const bool ordered = op == CmpOp::lt || op == CmpOp::le || op == CmpOp::gt || op == CmpOp::ge;
    if (ordered && type.kind != ValueKind::integer && type.kind != ValueKind::date) {
        fail(path, "lt, le, gt and ge compare whole numbers or dates, not " + type_name(type));
        return kCondFalse;
    }
    return add_cond(c);
}

uint32_t ConditionCompiler::membership(const json& args, const std::string& path, Scope scope, size_t depth) {
    if (!args.is_array() || args.size() != 2) {
        fail(path, "\"in\" takes [expression, [constants…]] or [expression, {\"list\": id}]");
        return kCondFalse;
    }
    if (is_literal(args[0])) {
        fail(pointer_join(path, 0), "the first operand of \"in\" must be a fact or an expression");
        return kCondFalse;
    }
    ValueType type;
    Cond c;
    c.op = CondOp::in_set;
    const size_t errors_before = diag_.count();
    c.a = expression_at(args[0], pointer_join(path, 0), scope, std::nullopt, &type, depth + 1);
    if (diag_.count() != errors_before) return kCondFalse;  // the set cannot be read without a type
    const json& set = args[1];
    const std::string set_path = pointer_join(path, 1);
    if (set.is_array()) {
        if (set.empty()) {
            fail(set_path, "an empty list is never matched; remove the condition instead");
            return kCondFalse;
        }
        std::vector<int64_t> values;
        values.reserve(set.size());
        bool ok = true;
        for (size_t i = 0; i < set.size(); ++i) {
            int64_t v = 0;
            if (literal_value(set[i], pointer_join(set_path, i), type, v)) values.push_back(v);
            else ok = false;
        }
        if (!ok) return kCondFalse;
        std::sort(values.begin(), values.end());
        if (std::adjacent_find(values.begin(), values.end()) != values.end()) {
            fail(set_path, "a value is listed twice");
            return kCondFalse;
        }
        c.first = place_values(values);
        c.count = static_cast<uint32_t>(values.size());
        return add_cond(c);
    }
    if (const json* list = member(set, "list"); list && set.size() == 1) {
        if (!list->is_string()) {
            fail(pointer_join(set_path, "list"), "expected a list id");
            return kCondFalse;
        }
        const auto it = index_.lists.find(list->get_ref<const std::string&>());
        if (it == index_.lists.end()) {
            fail(pointer_join(set_path, "list"), "unknown list " + in_quotes(list->get_ref<const std::string&>()));
            return kCondFalse;
        }
        const ListDef& def = service_.lists[it->second];
        if (def.type != type) {
            fail(path, "list " + in_quotes(def.id) + " holds " + type_name(def.type) + ", but the value is " +
                           type_name(type));
            return kCondFalse;
        }
        c.first = def.first;
        c.count = def.count;
        return add_cond(c);
    }
    if (const json* group = member(set, "country_group"); group && set.size() == 1) {
        if (!(group->is_string() && group->get_ref<const std::string&>() == "eu")) {
            fail(pointer_join(set_path, "country_group"), "the only country group is \"eu\"");
            return kCondFalse;
        }
        if (type.kind != ValueKind::country) {
            fail(path, "a country group holds countries, but the value is " + type_name(type));
            return kCondFalse;
        }
        if (!eu_slice_) eu_slice_ = place_values(rules_.eu_countries);
        c.first = *eu_slice_;
        c.count = static_cast<uint32_t>(rules_.eu_countries.size());
        return add_cond(c);
    }
    fail(set_path, "expected an array of constants, {\"list\": id} or {\"country_group\": \"eu\"}");
    return kCondFalse;
}

uint32_t ConditionCompiler::record_set(const json& args, const std::string& path, Scope scope, CondOp op,
                                       const std::map<std::string, std::vector<uint32_t>, std::less<>>& names,
                                       const char* what) {
    if (!scope_allows_decision(scope)) {
        fail(path, std::string("a ") + what + " cannot be used here: only after the verdict is decided");
        return kCondFalse;
    }
    if (!args.is_array() || args.empty()) {
        fail(path, std::string("expected a non-empty array of ") + what + "s");
        return kCondFalse;
    }
    std::vector<int64_t> values;
    bool ok = true;
    for (size_t i = 0; i < args.size(); ++i) {
        const json& name = args[i];
        const auto it = name.is_string() ? names.find(name.get_ref<const std::string&>()) : names.end();
        if (it == names.end()) {
            ok = fail(pointer_join(path, i), std::string("unknown ") + what +
                                                 (name.is_string() ? " " + in_quotes(name.get_ref<const std::string&>()) : ""));
            continue;
        }
        values.insert(values.end(), it->second.begin(), it->second.end());
    }
    if (!ok) return kCondFalse;
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    Cond c;
    c.op = op;
    c.first = place_values(values);
    c.count = static_cast<uint32_t>(values.size());
    return add_cond(c);
}

uint32_t ConditionCompiler::expression(const json& j, const std::string& path, Scope scope,
                                       std::optional<ValueType> expected, ValueType* type) {
    return expression_at(j, path, scope, expected, type, 0);
}

uint32_t ConditionCompiler::expression_at(const json& j, const std::string& path, Scope scope,
                                          std::optional<ValueType> expected, ValueType* type_out, size_t depth) {
    if (depth > limits::kConditionDepth) {
        fail(path, "expression nested deeper than " + std::to_string(limits::kConditionDepth) + " levels");
        return 0;
    }
    if (is_literal(j)) {
        if (!expected) {
            fail(path, "a constant here has nothing to be compared with");
            return 0;
        }
        int64_t v = 0;
        literal_value(j, path, *expected, v);
        if (type_out) *type_out = *expected;
        return constant(v);
    }
    if (!single_key(j)) {
        fail(path, "an expression is a constant or an object with one operator such as {\"fact\": \"age\"}");
        return 0;
    }
    const std::string& op = j.begin().key();
    const json& arg = j.begin().value();
    const std::string at = pointer_join(path, op);
    Expr e;
    ValueType type;
    auto two = [&](ValueType first, ValueType second) {
        if (!arg.is_array() || arg.size() != 2) return fail(at, "\"" + op + "\" takes an array of two operands");
        e.a = expression_at(arg[0], pointer_join(at, 0), scope, first, nullptr, depth + 1);
        e.b = expression_at(arg[1], pointer_join(at, 1), scope, second, nullptr, depth + 1);
        return true;
    };
    const ValueType date{ValueKind::date};
    const ValueType integer{ValueKind::integer};

    if (op == "fact") {
        const auto it = arg.is_string() ? index_.facts.find(arg.get_ref<const std::string&>()) : index_.facts.end();
        if (it == index_.facts.end()) {
            fail(at, arg.is_string() ? "unknown fact " + in_quotes(arg.get_ref<const std::string&>()) : "expected a fact id");
            return 0;
        }
        const FactDef& f = service_.facts[it->second];
        e.op = ExprOp::fact;
        e.a = it->second;
        type.kind = f.kind;
        if (f.kind == ValueKind::enumeration || f.kind == ValueKind::country) type.fact = it->second;
    } else if (op == "as_of") {
        if (!((arg.is_object() && arg.empty()) || (arg.is_boolean() && arg.get<bool>()))) {
            fail(at, "write {\"as_of\": {}}");
            return 0;
        }
        e.op = ExprOp::as_of;
        type = date;
    } else if (op == "add_days" || op == "add_months" || op == "add_working_days") {
        e.op = op == "add_days" ? ExprOp::add_days : op == "add_months" ? ExprOp::add_months : ExprOp::add_working_days;
        if (!two(date, integer)) return 0;
        type = date;
    } else if (op == "days_between" || op == "years_between") {
        e.op = op == "days_between" ? ExprOp::days_between : ExprOp::years_between;
        if (!two(date, date)) return 0;
        type = integer;
    } else if (op == "verdict_output") {
        if (!scope_allows_decision(scope)) {
            fail(at, "\"verdict_output\" cannot be used here: only after the verdict is decided");
            return 0;
        }
        const auto it = arg.is_string() ? index_.verdict_outputs.find(arg.get_ref<const std::string&>())
                                        : index_.verdict_outputs.end();
        if (it == index_.verdict_outputs.end()) {
            fail(at, "no verdict has an output named " + (arg.is_string() ? in_quotes(arg.get_ref<const std::string&>()) : ""));
            return 0;
        }
        auto& out = it->second;
        if (!out.placed) {
            out.table = place_values(out.index_by_verdict);
            out.placed = true;
        }
        e.op = ExprOp::verdict_output;
        e.first = out.table;
        type = out.type;
    } else {
        fail(path, "unknown expression " + in_quotes(op) +
                       " (expressions use fact, as_of, add_days, add_months, add_working_days, days_between, "
                       "years_between, verdict_output)");
        return 0;
    }
    if (expected && type != *expected) {
        fail(path, "expected " + type_name(*expected) + ", but this is " + type_name(type));
    }
    if (type_out) *type_out = type;
    return add_expr(e);
}

bool ConditionCompiler::output(const json& j, const std::string& path, Scope scope, Output& out) {
    if (j.is_boolean()) {
        out.type = ValueType{ValueKind::boolean};
        out.expr = constant(j.get<bool>() ? 1 : 0);
        return true;
    }
    if (j.is_number()) {
        int64_t v = 0;
        if (!as_int64(j, v)) return fail(path, "outputs are whole numbers, not " + json_type_name(j));
        out.type = ValueType{ValueKind::integer};
        out.expr = constant(v);
        return true;
    }
    if (j.is_string()) {
        // The only constant text an output can be is a date: anything else would reach the
        // applicant untranslated.
        const auto d = CivilDate::parse(j.get_ref<const std::string&>());
        if (!d) return fail(path, "an output is a whole number, true or false, a date \"YYYY-MM-DD\" that exists, or an expression");
        out.type = ValueType{ValueKind::date};
        out.expr = constant(d->days());
        return true;
    }
    const size_t errors_before = diag_.count();
    if (is_condition_form(j)) {
        out.is_condition = true;
        out.type = ValueType{ValueKind::boolean};
        out.expr = condition(j, path, scope);
    } else {
        out.expr = expression(j, path, scope, std::nullopt, &out.type);
    }
    return diag_.count() == errors_before;
}

}  // namespace eligibility::detail
