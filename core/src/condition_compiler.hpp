// Compiles the JSON condition language (rules-format.md section 4) into a service's
// ConditionStore, checking names and types on the way. Every problem is reported with the JSON
// Pointer of the offending part; the returned indexes are then meaningless, and the loader
// discards the service.
#pragma once

#include <optional>
#include <string>

#include "loader_support.hpp"

namespace eligibility::detail {

class ConditionCompiler {
public:
    ConditionCompiler(Diagnostics& diag, const RuleSet& rules, Service& service, ServiceIndex& index)
        : diag_(diag), rules_(rules), service_(service), index_(index) {}

    uint32_t condition(const json& j, const std::string& path, Scope scope);
    // An expression of the expected type, or of any type (reported in *type) when none is given.
    uint32_t expression(const json& j, const std::string& path, Scope scope,
                        std::optional<ValueType> expected, ValueType* type = nullptr);
    bool output(const json& j, const std::string& path, Scope scope, Output& out);

    // Appends values to the store's set_values; returns the offset of the slice.
    uint32_t place_values(const std::vector<int64_t>& values);
    // Resolves a constant of a given type (a date, an option, a country code) to its value.
    bool literal_value(const json& j, const std::string& path, ValueType type, int64_t& value);

    std::string type_name(ValueType t) const;

private:
    uint32_t condition_at(const json& j, const std::string& path, Scope scope, size_t depth);
    uint32_t expression_at(const json& j, const std::string& path, Scope scope,
                           std::optional<ValueType> expected, ValueType* type, size_t depth);
    uint32_t comparison(const json& args, const std::string& path, Scope scope, CmpOp op, size_t depth);
    uint32_t membership(const json& args, const std::string& path, Scope scope, size_t depth);
    uint32_t junction(const json& args, const std::string& path, Scope scope, CondOp op, size_t depth);
    uint32_t record_set(const json& args, const std::string& path, Scope scope, CondOp op,
                        const std::map<std::string, std::vector<uint32_t>, std::less<>>& names,
                        const char* what);
    uint32_t constant(int64_t value);
    uint32_t add_cond(Cond c);
    uint32_t add_expr(Expr e);
    bool fail(const std::string& path, std::string message) { return diag_.error(path, std::move(message)); }

    Diagnostics& diag_;
    const RuleSet& rules_;
    Service& service_;
    ServiceIndex& index_;
    std::optional<uint32_t> eu_slice_;
};

bool is_condition_form(const json& j);

}  // namespace eligibility::detail
