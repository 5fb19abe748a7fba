// Parses a profile with the engine's own small JSON scanner straight into typed facts: no DOM is
// built, and every problem is reported with its JSON Pointer (CONTRACT.md section 3). Profiles
// are read on every evaluation: this is the hot path. When "service" comes before "facts" (as
// profiles are usually written), each answer is checked as it is read, straight from the input;
// otherwise answers are kept until the service is known.
#include "eligibility/profile.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "json_scanner.hpp"
#include "sax_path.hpp"

namespace eligibility {

// What a value that starts now is: the profile's own members, an answer, or something ignored.
enum class ProfileContext : uint8_t { root, facts, ignored };

// The working memory ProfileParser keeps between profiles.
struct ProfileParser::Buffers {
    detail::SaxPath path;
    std::vector<ProfileContext> contexts;
};

namespace {

// A scalar as read. `text` views the input (or the scanner's buffer) only during the event; a
// value kept for later owns a copy (KeptFact).
struct RawValue {
    enum class Kind : uint8_t { null, boolean, integer, huge_integer, fraction, string, container };
    Kind kind = Kind::null;
    bool boolean = false;
    int64_t integer = 0;
    std::string_view text;
};

struct OrderedError {
    size_t order;  // position in the input
    Error error;
    bool about_answer = false;  // from checking an answer (dropped if the input cannot be read to the end)
};

// Facts sit at /facts/<name>; the pointer is built only when there is an error to report.
std::string fact_path(std::string_view name) { return pointer_join("/facts", name); }

std::string option_list(const std::vector<Option>& options, size_t max_shown = 12) {
    std::string out;
    for (size_t i = 0; i < options.size() && i < max_shown; ++i) {
        if (i) out += ", ";
        out += options[i].value;
    }
    if (options.size() > max_shown) out += ", …";
    return out;
}

// Returns true and sets `value` when the raw value is a valid answer for the fact; otherwise
// appends the error. Messages are built only for errors.
bool check_fact(const RuleSet& rules, const FactDef& def, std::string_view fact, const RawValue& v, size_t order,
                int64_t& value, std::vector<OrderedError>& errors) {
    const auto error = [&](ErrorCode code, std::string message) {
        errors.push_back({order, Error{fact_path(fact), code, std::move(message)}, true});
        return false;
    };
    const std::string& name = def.id;
    switch (def.kind) {
        case ValueKind::boolean:
            if (v.kind != RawValue::Kind::boolean) return error(ErrorCode::wrong_type, name + " must be true or false");
            value = v.boolean ? 1 : 0;
            return true;
        case ValueKind::integer: {
            if (v.kind == RawValue::Kind::integer && v.integer >= def.min && v.integer <= def.max) {
                value = v.integer;
                return true;
            }
            const std::string message =
                name + " must be a whole number from " + std::to_string(def.min) + " to " + std::to_string(def.max);
            if (v.kind == RawValue::Kind::huge_integer || v.kind == RawValue::Kind::integer) {
                return error(ErrorCode::out_of_range, message);
            }
            return error(ErrorCode::wrong_type, message);
        }
        case ValueKind::date: {
            if (v.kind != RawValue::Kind::string) return error(ErrorCode::wrong_type, name + " must be a date \"YYYY-MM-DD\"");
            const auto d = CivilDate::parse(v.text);
            if (!d) return error(ErrorCode::invalid_date, name + " must be a date that exists, written YYYY-MM-DD");
            value = d->days();
            return true;
        }
        case ValueKind::enumeration: {
            if (v.kind == RawValue::Kind::string) {
                for (size_t i = 0; i < def.options.size(); ++i) {
                    if (def.options[i].value == v.text) {
                        value = static_cast<int64_t>(i);
                        return true;
                    }
                }
            }
            return error(v.kind == RawValue::Kind::string ? ErrorCode::not_an_option : ErrorCode::wrong_type,
                         name + " must be one of: " + option_list(def.options));
        }
        case ValueKind::country: {
            const auto expected = [&] {
                std::string m = name + " must be an ISO 3166-1 alpha-2 country code in capitals, such as DE";
                for (const Option& s : def.special) m += ", or " + s.value;
                return m;
            };
            if (v.kind != RawValue::Kind::string) return error(ErrorCode::wrong_type, expected());
            for (size_t i = 0; i < def.special.size(); ++i) {
                if (def.special[i].value == v.text) {
                    value = kCountrySpecialBase + static_cast<int64_t>(i);
                    return true;
                }
            }
            const auto code = rules.country_code_value(v.text);
            if (!code) return error(ErrorCode::unknown_country, expected());
            value = *code;
            if (std::binary_search(def.excluded.begin(), def.excluded.end(), value)) {
                return error(ErrorCode::not_an_option, std::string(v.text) + " is not an option for " + name + " in this service");
            }
            return true;
        }
    }
    return error(ErrorCode::wrong_type, name + " has a type this engine cannot read");
}

// One answer, once the service is known: an unknown fact, a null (not answered), a value that is
// not a single value, or a value checked against its fact.
void resolve_fact(const RuleSet& rules, const Service& service, std::string_view name, const RawValue& v, size_t order,
                  Profile& out, std::vector<OrderedError>& errors) {
    const int slot = service.fact_index(name);
    if (slot < 0) {
        errors.push_back({order, {fact_path(name), ErrorCode::unknown_fact,
                                  "unknown fact \"" + std::string(name) + "\" for service " + service.id}, true});
        return;
    }
    if (v.kind == RawValue::Kind::null) return;  // not answered
    if (v.kind == RawValue::Kind::container) {
        errors.push_back({order, {fact_path(name), ErrorCode::wrong_type,
                                  std::string(name) + " must be a single value, not an object or array"}, true});
        return;
    }
    int64_t value = 0;
    if (check_fact(rules, service.facts[static_cast<size_t>(slot)], name, v, order, value, errors)) {
        out.set(static_cast<size_t>(slot), value, static_cast<uint32_t>(order));
    }
}

// An answer read before its service was known, kept (with copies) until it is.
struct KeptFact {
    std::string name;
    RawValue value;  // value.text points into `text` once placed (see keep())
    std::string text;
    size_t order = 0;
};

class ProfileReader {
public:
    ProfileReader(const RuleSet& rules, Profile& out, detail::SaxPath& path, std::vector<ProfileContext>& contexts)
        : rules_(rules), out_(out), path_(path), contexts_(contexts) {
        path_.reset();
        contexts_.clear();
    }

    bool parse_failed = false;
    Error parse_error_value;
    std::vector<OrderedError> errors;
    bool root_is_object = false;
    bool have_service = false, have_as_of = false;
    RawValue::Kind service_kind = RawValue::Kind::null, as_of_kind = RawValue::Kind::null;
    std::string service_text, as_of_text;
    size_t service_order = 0, as_of_order = 0;
    std::vector<KeptFact> kept;
    const Service* early_service = nullptr;  // the service, once read (if before the facts)

    // ---- scanner events (json_scanner.hpp) ------------------------------------------------------
    bool null() { return scalar(RawValue{}); }
    bool boolean(bool v) {
        RawValue r;
        r.kind = RawValue::Kind::boolean;
        r.boolean = v;
        return scalar(r);
    }
    bool integer(int64_t v) {
        RawValue r;
        r.kind = RawValue::Kind::integer;
        r.integer = v;
        return scalar(r);
    }
    // A whole number beyond 64 bits is out of range; one with a fraction or an exponent is of the
    // wrong type (facts are whole numbers), however large.
    bool huge_integer(std::string_view) {
        RawValue r;
        r.kind = RawValue::Kind::huge_integer;
        return scalar(r);
    }
    bool fraction() {
        RawValue r;
        r.kind = RawValue::Kind::fraction;
        return scalar(r);
    }
    bool string(std::string_view v) {
        if (v.size() > limits::kProfileStringBytes) {
            return fail(ErrorCode::input_too_large, "a string of " + std::to_string(v.size()) + " bytes; the limit is " +
                                                        std::to_string(limits::kProfileStringBytes));
        }
        RawValue r;
        r.kind = RawValue::Kind::string;
        r.text = v;
        return scalar(r);
    }

    bool start_object() { return open(true); }
    bool start_array() { return open(false); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(std::string_view k) {
        if (k.size() > limits::kProfileStringBytes) {
            add(path_.container_pointer(), ErrorCode::input_too_large,
                "a key longer than " + std::to_string(limits::kProfileStringBytes) + " bytes");
            return false;
        }
        if (!path_.key(k)) {
            add(path_.pointer(), ErrorCode::duplicate_key, "the key \"" + std::string(k) + "\" appears twice in one object");
        } else if (path_.depth() == 1 && k != "service" && k != "as_of" && k != "facts") {
            add(path_.pointer(), ErrorCode::unknown_field,
                "unknown key \"" + std::string(k) + "\"; a profile has service, as_of and facts");
        }
        return true;
    }

    void parse_error(std::size_t, std::string message) {
        parse_failed = true;
        parse_error_value = {"", ErrorCode::invalid_json, std::move(message)};
    }

private:
    using Context = ProfileContext;

    // Where a value that starts now belongs.
    Context context_of_next_value() const { return contexts_.empty() ? Context::ignored : contexts_.back(); }

    bool scalar(const RawValue& v) {
        const size_t depth = path_.depth();
        if (depth == 0) {
            add("", ErrorCode::wrong_type, "a profile is a JSON object such as {\"service\": \"visa\", \"facts\": {}}");
        } else if (context_of_next_value() == Context::root && path_.in_object()) {
            root_value(v);
        } else if (context_of_next_value() == Context::facts && path_.in_object()) {
            fact_value(v);
        }
        path_.value_done();
        ++order_;
        return true;
    }

    void root_value(const RawValue& v) {
        const std::string& k = path_.current_key();
        if (k == "service") {
            have_service = true;
            service_kind = v.kind;
            service_text.assign(v.text.data(), v.text.size());
            service_order = order_;
            // Answers that follow can be checked as they are read.
            if (v.kind == RawValue::Kind::string && !early_service) early_service = rules_.find_service(v.text);
        } else if (k == "as_of") {
            have_as_of = v.kind != RawValue::Kind::null;
            as_of_kind = v.kind;
            as_of_text.assign(v.text.data(), v.text.size());
            as_of_order = order_;
        } else if (k == "facts" && v.kind != RawValue::Kind::null) {
            add(path_.pointer(), ErrorCode::wrong_type, "facts must be an object of answers");
        }
    }

    void fact_value(const RawValue& v) {
        if (early_service) {
            resolve_fact(rules_, *early_service, path_.current_key(), v, order_, out_, errors);
            return;
        }
        KeptFact f;
        f.name = path_.current_key();
        f.value = v;
        f.text.assign(v.text.data(), v.text.size());
        f.order = order_;
        kept.push_back(std::move(f));
    }

    bool open(bool is_object) {
        if (path_.depth() >= limits::kProfileDepth) {
            return fail(ErrorCode::input_too_large,
                        "nested deeper than " + std::to_string(limits::kProfileDepth) + " levels");
        }
        Context next = Context::ignored;
        const size_t depth = path_.depth();
        if (depth == 0) {
            root_is_object = is_object;
            if (is_object) next = Context::root;
            else add("", ErrorCode::wrong_type, "a profile is a JSON object such as {\"service\": \"visa\", \"facts\": {}}");
        } else if (context_of_next_value() == Context::root && path_.in_object()) {
            const std::string& k = path_.current_key();
            if (k == "facts" && is_object) {
                next = Context::facts;
            } else if (k == "service" || k == "as_of" || k == "facts") {
                add(path_.pointer(), ErrorCode::wrong_type, k == "facts" ? "facts must be an object of answers" : k + " must be a string");
                if (k == "service") {
                    have_service = true;
                    service_kind = RawValue::Kind::container;
                }
                if (k == "as_of") have_as_of = false;
            }
        } else if (context_of_next_value() == Context::facts && path_.in_object()) {
            RawValue container;
            container.kind = RawValue::Kind::container;
            fact_value(container);
        }
        contexts_.push_back(next);
        path_.open(is_object);
        ++order_;
        return true;
    }

    bool close() {
        contexts_.pop_back();
        path_.close();
        path_.value_done();
        return true;
    }

    bool fail(ErrorCode code, std::string message) {
        add(path_.pointer(), code, std::move(message));
        return false;  // stops the parse: the input is too large to keep reading
    }

    void add(std::string path, ErrorCode code, std::string message) {
        errors.push_back({order_, Error{std::move(path), code, std::move(message)}});
    }

    const RuleSet& rules_;
    Profile& out_;
    detail::SaxPath& path_;
    std::vector<Context>& contexts_;
    size_t order_ = 0;
};

std::string service_list(const RuleSet& rules) {
    std::string out;
    for (const CatalogueEntry& s : rules.catalogue) {
        if (!out.empty()) out += ", ";
        out += s.id;
    }
    return out;
}

}  // namespace

Errors parse_profile(std::string_view text, const RuleSet& rules, CivilDate default_as_of, Profile& out) {
    return ProfileParser().parse(text, rules, default_as_of, out);
}

ProfileParser::ProfileParser() : buffers_(std::make_unique<Buffers>()) {}
ProfileParser::~ProfileParser() = default;
ProfileParser::ProfileParser(ProfileParser&&) noexcept = default;
ProfileParser& ProfileParser::operator=(ProfileParser&&) noexcept = default;

Errors ProfileParser::parse(std::string_view text, const RuleSet& rules, CivilDate default_as_of, Profile& out) {
    out = Profile{};
    if (text.size() > limits::kProfileBytes) {
        // The message does not give the size: a caller may stop reading at the limit.
        return {{"", ErrorCode::input_too_large,
                 "the profile is larger than the limit of " + std::to_string(limits::kProfileBytes) + " bytes"}};
    }
    ProfileReader reader(rules, out, buffers_->path, buffers_->contexts);
    const bool parsed = detail::JsonScanner<ProfileReader>(text, reader).run();
    if (reader.parse_failed) return {reader.parse_error_value};
    std::vector<OrderedError> errors = std::move(reader.errors);
    // Input that could not be read to the end (too deep, too long) is reported as such alone:
    // answers checked while reading it say nothing more.
    if (!parsed) {
        errors.erase(std::remove_if(errors.begin(), errors.end(), [](const OrderedError& e) { return e.about_answer; }),
                     errors.end());
    }

    const Service* service = nullptr;
    if (parsed && reader.root_is_object) {
        if (!reader.have_service) {
            errors.push_back({SIZE_MAX, {"/service", ErrorCode::required,
                                         "service is required: one of " + service_list(rules)}});
        } else if (reader.service_kind == RawValue::Kind::string) {
            service = rules.find_service(reader.service_text);
            if (!service && rules.find_catalogued(reader.service_text)) {
                // Rule packs: a known service whose rules have not been loaded into this engine.
                errors.push_back({reader.service_order, {"/service", ErrorCode::service_not_loaded,
                                                         "the rules of this service are not loaded yet (loadService)"}});
            } else if (!service) {
                errors.push_back({reader.service_order, {"/service", ErrorCode::unknown_service,
                                                         "unknown service; the services are " + service_list(rules)}});
            }
        } else if (reader.service_kind != RawValue::Kind::container) {
            errors.push_back({reader.service_order, {"/service", ErrorCode::wrong_type,
                                                     "service must be a string: one of " + service_list(rules)}});
        }
        out.as_of = default_as_of;
        if (reader.have_as_of) {
            const auto d = reader.as_of_kind == RawValue::Kind::string ? CivilDate::parse(reader.as_of_text) : std::nullopt;
            if (d) out.as_of = *d;
            else if (reader.as_of_kind == RawValue::Kind::string)
                errors.push_back({reader.as_of_order, {"/as_of", ErrorCode::invalid_date, "as_of must be a date that exists, written YYYY-MM-DD"}});
            else
                errors.push_back({reader.as_of_order, {"/as_of", ErrorCode::wrong_type, "as_of must be a date string \"YYYY-MM-DD\""}});
        }
        // Answers read before the service was known are checked now, in the order read.
        if (service) {
            for (KeptFact& f : reader.kept) {
                f.value.text = f.text;
                resolve_fact(rules, *service, f.name, f.value, f.order, out, errors);
            }
        }
    }
    // Document order, ties in the order found. std::sort (not an insertion sort, which a profile
    // of thousands of bad keys would make quadratic) of one number per error, position then
    // index: the key is total, so every standard library sorts it the same way (native and wasm
    // must give the same bytes), and it is the sort of numbers the loader already has. Positions
    // and counts are below the profile's size; an error with no place in the document (a missing
    // member) comes after every position.
    static_assert(limits::kProfileBytes < 0x7FFFFFFF, "a position fits in 31 bits");
    std::vector<int64_t> keys(errors.size());
    for (size_t i = 0; i < errors.size(); ++i) {
        const auto position = static_cast<int64_t>(std::min<size_t>(errors[i].order, 0x7FFFFFFF));
        keys[i] = position << 32 | static_cast<int64_t>(i);
    }
    std::sort(keys.begin(), keys.end());
    Errors result;
    const size_t total = errors.size();
    for (const int64_t key : keys) {
        if (result.size() == limits::kProfileErrors) break;
        result.push_back(std::move(errors[static_cast<size_t>(key & 0xFFFFFFFF)].error));
    }
    if (total > result.size()) {
        result.back().message += " (and " + std::to_string(total - result.size()) + " more errors not listed)";
    }
    // A profile with errors has no service, and no answers: nothing half-read is used.
    if (!result.empty()) {
        out = Profile{};
        return result;
    }
    out.service = service;
    return result;
}

}  // namespace eligibility
