// Loads a rules bundle (docs/rules-format.md): reads the JSON strictly, validates every part with
// a JSON Pointer for each problem, compiles conditions, and only then hands out a RuleSet.
#include "eligibility/rules_loader.hpp"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <set>

#include "eligibility/record_index.hpp"

#include "condition_compiler.hpp"
#include "json_dom_reader.hpp"
#include "loader_support.hpp"

namespace eligibility {
namespace detail {
namespace {

constexpr size_t kMaxTextBytes = 4000;  // one language of one text
constexpr size_t kMaxCitationBytes = 2000;
constexpr int64_t kMaxWithin = 100000;
constexpr int64_t kMaxAmountMinor = 1000000000000;  // 10 billion in major units: no fee is larger

// Keys an item's outputs may not take, because the decision already uses them.
const std::set<std::string, std::less<>> kReservedOutputNames = {
    "id", "variant", "channel", "citation", "confidence", "title", "note", "until", "code", "basis",
    "channels", "channel_details", "amount_minor", "currency", "amount_known", "waived", "waiver",
    "waived_amount_minor", "fees", "result", "severity", "fail_note", "within_days", "within_working_days",
    "within_hours", "within_months", "due"};

// Where a record's `when` came from, kept during loading to compare variants.
struct RecordSource {
    const json* when = nullptr;
    std::string path;
};

class Loader {
public:
    explicit Loader(Errors& errors) : diag_(errors) {}

    // Reads rules text into a DOM; false (with the errors recorded) if it is not acceptable JSON.
    bool read(std::string_view text, json& doc) {
        Errors read_errors;
        const DomLimits limits{limits::kRulesBytes, limits::kRulesDepth, limits::kRulesStringBytes};
        if (read_json_dom(text, limits, ErrorCode::invalid_rules, doc, read_errors)) return true;
        for (auto& e : read_errors) diag_.error(e.path, std::move(e.message));
        diag_.finish();
        return false;
    }

    std::shared_ptr<RuleSet> load(const json& doc) {
        auto rules = std::make_shared<RuleSet>();
        rules_ = rules.get();
        bundle(doc);
        diag_.finish();
        if (diag_.any()) return nullptr;
        return rules;
    }

private:
    // ---- small readers ------------------------------------------------------------------------

    bool expect_object(const json& j, const std::string& path, const char* what) {
        if (j.is_object()) return true;
        return diag_.error(path, std::string("expected ") + what + " (an object), found " + json_type_name(j));
    }

    // Every key must be one the format knows: a misspelt "whne" would otherwise silently mean
    // "always".
    void only_keys(const json& obj, const std::string& path, std::initializer_list<const char*> allowed) {
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            const std::string& k = it.key();
            bool ok = false;
            for (const char* a : allowed) ok = ok || k == a;
            if (!ok) diag_.error(pointer_join(path, k), "unknown key " + in_quotes(k));
        }
    }

    const json* required(const json& obj, const char* key, const std::string& path) {
        const json* v = member(obj, key);
        if (!v) diag_.error(pointer_join(path, key), std::string("\"") + key + "\" is required");
        return v;
    }

    bool string_value(const json& v, const std::string& path, size_t max_bytes, std::string& out) {
        if (!v.is_string()) return diag_.error(path, "expected a string, found " + json_type_name(v));
        const auto& s = v.get_ref<const std::string&>();
        if (s.empty()) return diag_.error(path, "must not be empty");
        if (s.size() > max_bytes) return diag_.error(path, "longer than " + std::to_string(max_bytes) + " bytes");
        out = s;
        return true;
    }

    bool identifier_value(const json& v, const std::string& path, std::string& out) {
        if (!v.is_string() || !is_identifier(v.get_ref<const std::string&>())) {
            return diag_.error(path, "expected a snake_case id (a-z, 0-9, _; starting with a letter; at most 48)" +
                                         std::string(v.is_string() ? ", found " + in_quotes(v.get_ref<const std::string&>()) : ""));
        }
        out = v.get_ref<const std::string&>();
        return true;
    }

    // A text in each language of the document being read (text_langs_: all three, unless a service
    // document declares fewer), and in no other.
    bool text(const json& obj, const char* key, const std::string& path, bool is_required, LocalText& out) {
        const json* v = member(obj, key);
        const std::string at = pointer_join(path, key);
        const std::string langs = lang_list(text_langs_ ? text_langs_ : kAllLangs);
        if (!v) return is_required ? diag_.error(at, std::string("\"") + key + "\" is required (" + langs + ")") : true;
        if (!v->is_object()) return diag_.error(at, "expected an object with " + langs + " texts");
        bool ok = true;
        for (size_t i = 0; i < kLangCodes.size(); ++i) {
            const json* t = member(*v, kLangCodes[i]);
            // Languages that could not be read (an error already) accept whichever texts are there.
            if (text_langs_ == 0) {
                if (t) ok = string_value(*t, pointer_join(at, kLangCodes[i]), kMaxTextBytes, out.text[i]) && ok;
                continue;
            }
            if (!(text_langs_ & lang_bit(static_cast<Lang>(i)))) {
                if (t) ok = diag_.error(pointer_join(at, kLangCodes[i]), std::string("this document's languages are ") + langs + ", not " + kLangCodes[i]);
                continue;
            }
            if (!t) {
                ok = diag_.error(pointer_join(at, kLangCodes[i]), std::string("the ") + kLangCodes[i] + " text is missing");
                continue;
            }
            ok = string_value(*t, pointer_join(at, kLangCodes[i]), kMaxTextBytes, out.text[i]) && ok;
        }
        only_keys(*v, at, {"en", "az", "ru"});
        out.present = ok;
        return ok;
    }

    bool date_value(const json& v, const std::string& path, int32_t& out) {
        const auto d = v.is_string() ? CivilDate::parse(v.get_ref<const std::string&>()) : std::nullopt;
        if (!d) return diag_.error(path, "expected a date \"YYYY-MM-DD\" that exists");
        out = d->days();
        return true;
    }

    bool window(const json& obj, const std::string& path, Window& out) {
        const json* v = member(obj, "effective");
        if (!v) return true;
        const std::string at = pointer_join(path, "effective");
        if (!expect_object(*v, at, "an effective window {\"from\", \"until\"}")) return false;
        only_keys(*v, at, {"from", "until"});
        if (v->empty()) return diag_.error(at, "give \"from\", \"until\" or both, or leave \"effective\" out");
        bool ok = true;
        if (const json* f = member(*v, "from")) ok = date_value(*f, pointer_join(at, "from"), out.from) && ok;
        if (const json* u = member(*v, "until")) {
            ok = date_value(*u, pointer_join(at, "until"), out.until) && ok;
            out.has_until = true;
        }
        if (ok && out.from > out.until) return diag_.error(at, "\"from\" is after \"until\"");
        return ok;
    }

    Confidence confidence(const json& obj, const std::string& path) {
        const json* v = member(obj, "confidence");
        if (!v) return Confidence::official;
        static const std::pair<const char*, Confidence> kNames[] = {
            {"official", Confidence::official},
            {"official_via_press", Confidence::official_via_press},
            {"secondary", Confidence::secondary},
            {"conflicting", Confidence::conflicting}};
        for (const auto& [name, c] : kNames) {
            if (v->is_string() && v->get_ref<const std::string&>() == name) return c;
        }
        diag_.error(pointer_join(path, "confidence"), "expected official, official_via_press, secondary or conflicting");
        return Confidence::official;
    }

    // ---- the bundle -----------------------------------------------------------------------------

    void bundle(const json& doc) {
        if (!expect_object(doc, "", "a rules bundle")) return;
        only_keys(doc, "", {"format", "version", "countries", "catalogue", "services"});
        if (const json* f = required(doc, "format", "")) {
            int64_t n = 0;
            if (!as_int64(*f, n) || n != 1) diag_.error("/format", "this engine reads format 1");
        }
        if (const json* v = required(doc, "version", "")) {
            const bool ok = v->is_string() && !v->get_ref<const std::string&>().empty() &&
                            v->get_ref<const std::string&>().size() <= 64 &&
                            std::all_of(v->get_ref<const std::string&>().begin(), v->get_ref<const std::string&>().end(),
                                        [](char c) {
                                            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                                                   (c >= 'A' && c <= 'Z') || c == '.' || c == '+' || c == '_' || c == '-';
                                        });
            if (ok) rules_->version = v->get_ref<const std::string&>();
            else diag_.error("/version", "expected a version of 1 to 64 characters: letters, digits, . + _ -");
        }
        // Countries come first: services refer to them.
        if (const json* c = required(doc, "countries", "")) countries(*c, "/countries");
        if (diag_.any()) return;  // without a country table nothing else can be checked
        const json* catalogue = member(doc, "catalogue");
        if (catalogue) this->catalogue(*catalogue, "/catalogue");
        const json* services = required(doc, "services", "");
        if (!services) return;
        // An index (rule packs) lists its services in the catalogue and may load none of them.
        const size_t min_services = catalogue ? 0 : 1;
        if (!services->is_array() || services->size() < min_services || services->size() > limits::kServices) {
            diag_.error("/services", "expected an array of " + std::to_string(min_services) + " to " +
                                         std::to_string(limits::kServices) + " services");
            return;
        }
        for (size_t i = 0; i < services->size(); ++i) {
            const std::string at = pointer_join("/services", i);
            auto s = std::make_shared<Service>();
            service((*services)[i], at, *s);
            if (!s->id.empty() && rules_->find_service(s->id)) {
                diag_.error(pointer_join(at, "service"), "service " + in_quotes(s->id) + " appears twice");
            } else if (catalogue && !s->id.empty() && !rules_->find_catalogued(s->id)) {
                diag_.error(pointer_join(at, "service"), "service " + in_quotes(s->id) + " is not in the catalogue");
            }
            rules_->services.push_back(std::move(s));
        }
        // Without a catalogue, the services themselves are the catalogue.
        if (!catalogue) {
            for (const auto& s : rules_->services) rules_->catalogue.push_back({s->id, s->title});
        }
    }

    void catalogue(const json& list, const std::string& path) {
        if (!list.is_array() || list.empty() || list.size() > limits::kServices) {
            diag_.error(path, "expected an array of 1 to " + std::to_string(limits::kServices) + " services {\"service\", \"title\"}");
            return;
        }
        for (size_t i = 0; i < list.size(); ++i) {
            const std::string at = pointer_join(path, i);
            if (!expect_object(list[i], at, "a catalogue entry")) continue;
            only_keys(list[i], at, {"service", "title"});
            CatalogueEntry e;
            if (const json* id = required(list[i], "service", at)) {
                const bool known = id->is_string() &&
                                   std::any_of(std::begin(kServiceIds), std::end(kServiceIds),
                                               [&](const char* k) { return id->get_ref<const std::string&>() == k; });
                if (!known) diag_.error(pointer_join(at, "service"), "expected a service id of CONTRACT.md section 4");
                else if (rules_->find_catalogued(id->get_ref<const std::string&>())) diag_.error(pointer_join(at, "service"), "listed twice");
                else e.id = id->get_ref<const std::string&>();
            }
            text(list[i], "title", at, true, e.title);
            rules_->catalogue.push_back(std::move(e));
        }
    }

public:
    // Rule packs: adds (or replaces) one service document in a copy of `base`, sharing every other
    // service. Errors point into the document.
    std::shared_ptr<RuleSet> extend(const RuleSet& base, const json& doc) {
        auto rules = std::make_shared<RuleSet>(base);  // its services shared, not copied
        rules_ = rules.get();
        if (!doc.is_object() || !member(doc, "service")) {
            diag_.error("", "expected one service document {\"service\": …}");
            diag_.finish();
            return nullptr;
        }
        auto s = std::make_shared<Service>();
        service(doc, "", *s);
        if (!diag_.any() && !rules->find_catalogued(s->id)) {
            diag_.error("/service", "service " + in_quotes(s->id) + " is not in these rules' catalogue");
        }
        diag_.finish();
        if (diag_.any()) return nullptr;
        rules->put_service(std::move(s));
        return rules;
    }

private:

    void countries(const json& doc, const std::string& path) {
        if (!expect_object(doc, path, "the country table")) return;
        only_keys(doc, path, {"citation", "eu_citation", "currency_citation", "currencies", "countries"});
        if (const json* c = required(doc, "citation", path)) {
            string_value(*c, pointer_join(path, "citation"), kMaxCitationBytes, rules_->countries_citation);
        }
        for (const char* key : {"eu_citation", "currency_citation"}) {
            std::string ignored;
            if (const json* c = required(doc, key, path)) string_value(*c, pointer_join(path, key), kMaxCitationBytes, ignored);
        }
        if (const json* list = required(doc, "currencies", path)) {
            const std::string cpath = pointer_join(path, "currencies");
            if (!list->is_array() || list->empty()) diag_.error(cpath, "expected the ISO 4217 currency codes");
            for (size_t i = 0; list->is_array() && i < list->size(); ++i) {
                const json& code = (*list)[i];
                const auto cur = code.is_string() ? Currency::parse(code.get_ref<const std::string&>()) : std::nullopt;
                if (!cur) {
                    diag_.error(pointer_join(cpath, i), "expected a currency code (three capital letters)");
                } else if (!rules_->currencies.empty() && !(rules_->currencies.back().code < cur->code)) {
                    diag_.error(pointer_join(cpath, i), "currency codes must be sorted, each once");
                } else {
                    rules_->currencies.push_back(*cur);
                }
            }
        }
        const json* list = required(doc, "countries", path);
        if (!list) return;
        const std::string list_path = pointer_join(path, "countries");
        if (!list->is_array() || list->empty() || list->size() > 26 * 26) {
            diag_.error(list_path, "expected an array of countries");
            return;
        }
        for (size_t i = 0; i < list->size(); ++i) {
            const json& entry = (*list)[i];
            const std::string at = pointer_join(list_path, i);
            if (!expect_object(entry, at, "a country")) continue;
            only_keys(entry, at, {"code", "name", "eu"});
            Country c;
            const json* code = required(entry, "code", at);
            if (code) {
                const bool ok = code->is_string() && is_alpha2(code->get_ref<const std::string&>());
                if (!ok) diag_.error(pointer_join(at, "code"), "expected an ISO 3166-1 alpha-2 code (two capital letters)");
                else c.code = {code->get_ref<const std::string&>()[0], code->get_ref<const std::string&>()[1]};
            }
            text(entry, "name", at, true, c.name);
            if (const json* eu = required(entry, "eu", at)) {
                if (!eu->is_boolean()) diag_.error(pointer_join(at, "eu"), "expected true or false");
                else c.eu = eu->get<bool>();
            }
            if (!rules_->countries.empty() && code && c.code[0] != 0 && !(rules_->countries.back().code < c.code)) {
                diag_.error(pointer_join(at, "code"), "countries must be sorted by code, each once");
            }
            rules_->countries.push_back(std::move(c));
        }
        for (const Country& c : rules_->countries) {
            if (c.eu) rules_->eu_countries.push_back(country_value(c.code[0], c.code[1]));
        }
    }

    // ---- a service ------------------------------------------------------------------------------

    void service(const json& doc, const std::string& path, Service& s) {
        if (!expect_object(doc, path, "a service")) return;
        only_keys(doc, path, {"service", "version", "languages", "title", "citation", "facts", "lists", "constraints",
                              "verdicts", "fees", "waivers", "documents", "checks", "deadlines", "notices"});
        // A rule pack for one language carries only its texts; every text below is read in these.
        if (const json* l = member(doc, "languages")) s.languages = languages(*l, pointer_join(path, "languages"));
        text_langs_ = s.languages;
        // A service document published on its own (a rule pack) names the rules version it belongs
        // to, so that a cached pack of another version is refused rather than mixed in.
        if (const json* v = member(doc, "version")) {
            if (!v->is_string() || v->get_ref<const std::string&>() != rules_->version) {
                diag_.error(pointer_join(path, "version"), "this service is of rules version " +
                                                               (v->is_string() ? in_quotes(v->get_ref<const std::string&>()) : std::string("?")) +
                                                               ", but the rules loaded are " + in_quotes(rules_->version));
            }
        }
        if (const json* id = required(doc, "service", path)) {
            const bool known = id->is_string() &&
                               std::any_of(std::begin(kServiceIds), std::end(kServiceIds),
                                           [&](const char* k) { return id->get_ref<const std::string&>() == k; });
            if (known) s.id = id->get_ref<const std::string&>();
            else diag_.error(pointer_join(path, "service"), "expected a service id of CONTRACT.md section 4");
        }
        text(doc, "title", path, true, s.title);
        if (const json* c = required(doc, "citation", path)) {
            string_value(*c, pointer_join(path, "citation"), kMaxCitationBytes, s.citation);
        }

        ServiceIndex index;
        ConditionCompiler compiler(diag_, *rules_, s, index);
        facts(doc, path, s, index);
        lists(doc, path, s, index, compiler);
        constraints(doc, path, s, index, compiler);
        verdicts(doc, path, s, index, compiler);
        fees(doc, path, s, index, compiler);
        waivers(doc, path, s, index, compiler);
        items(doc, "documents", path, s, compiler, s.documents, s.document_groups);
        checks(doc, path, s, compiler);
        deadlines(doc, path, s, compiler);
        items(doc, "notices", path, s, compiler, s.notices, s.notice_groups);
        text_langs_ = kAllLangs;
        if (!diag_.any()) index_records(s);  // only over conditions that compiled
    }

    // The declared languages, or 0 (after an error): texts are then read in whichever languages
    // they have, so that one mistake here is not reported again at every text.
    LangSet languages(const json& v, const std::string& path) {
        const std::string expected = "expected an array of distinct languages: \"en\", \"az\", \"ru\"";
        if (!v.is_array() || v.empty() || v.size() > kLangCodes.size()) {
            diag_.error(path, expected);
            return 0;
        }
        LangSet set = 0;
        for (size_t i = 0; i < v.size(); ++i) {
            const auto l = v[i].is_string() ? parse_lang(v[i].get_ref<const std::string&>()) : std::nullopt;
            if (!l || (set & lang_bit(*l))) {
                diag_.error(pointer_join(path, i), expected);
                return 0;
            }
            set |= lang_bit(*l);
        }
        return set;
    }

    const json* section(const json& doc, const char* key, const std::string& path, bool is_required) {
        const json* v = is_required ? required(doc, key, path) : member(doc, key);
        if (!v) return nullptr;
        if (!v->is_array()) {
            diag_.error(pointer_join(path, key), "expected an array");
            return nullptr;
        }
        return v;
    }

    void facts(const json& doc, const std::string& path, Service& s, ServiceIndex& index) {
        const json* list = section(doc, "facts", path, true);
        if (!list) return;
        const std::string list_path = pointer_join(path, "facts");
        // A service with nothing to ask (every applicant gets the same answer) has no facts.
        if (list->size() > limits::kFactsPerService) {
            diag_.error(list_path, "expected at most " + std::to_string(limits::kFactsPerService) + " facts");
            return;
        }
        for (size_t i = 0; i < list->size(); ++i) {
            const json& f = (*list)[i];
            const std::string at = pointer_join(list_path, i);
            if (!expect_object(f, at, "a fact")) continue;
            only_keys(f, at, {"id", "type", "min", "max", "options", "special", "exclude", "question", "help"});
            FactDef def;
            if (const json* id = required(f, "id", at)) {
                if (identifier_value(*id, pointer_join(at, "id"), def.id) &&
                    !index.facts.emplace(def.id, static_cast<uint16_t>(i)).second) {
                    diag_.error(pointer_join(at, "id"), "fact " + in_quotes(def.id) + " is declared twice");
                }
            }
            text(f, "question", at, true, def.question);
            text(f, "help", at, false, def.help);
            const json* type = required(f, "type", at);
            const std::string type_name = type && type->is_string() ? type->get_ref<const std::string&>() : "";
            const auto forbid = [&](std::initializer_list<const char*> keys) {
                for (const char* k : keys) {
                    if (member(f, k)) diag_.error(pointer_join(at, k), std::string("\"") + k + "\" does not apply to a " + type_name + " fact");
                }
            };
            if (type_name == "bool") {
                def.kind = ValueKind::boolean;
                forbid({"min", "max", "options", "special", "exclude"});
            } else if (type_name == "int") {
                def.kind = ValueKind::integer;
                forbid({"options", "special", "exclude"});
                const json* mn = required(f, "min", at);
                const json* mx = required(f, "max", at);
                if (mn && !as_int64(*mn, def.min)) diag_.error(pointer_join(at, "min"), "expected a whole number");
                if (mx && !as_int64(*mx, def.max)) diag_.error(pointer_join(at, "max"), "expected a whole number");
                if (mn && mx && def.min > def.max) diag_.error(at, "\"min\" is greater than \"max\"");
            } else if (type_name == "date") {
                def.kind = ValueKind::date;
                forbid({"min", "max", "options", "special", "exclude"});
            } else if (type_name == "enum") {
                def.kind = ValueKind::enumeration;
                forbid({"min", "max", "special", "exclude"});
                if (const json* o = required(f, "options", at)) options(*o, pointer_join(at, "options"), def.options, false);
            } else if (type_name == "country") {
                def.kind = ValueKind::country;
                forbid({"min", "max", "options"});
                if (const json* o = member(f, "special")) options(*o, pointer_join(at, "special"), def.special, true);
                if (const json* x = member(f, "exclude")) exclusions(*x, pointer_join(at, "exclude"), def.excluded);
            } else if (type) {
                diag_.error(pointer_join(at, "type"), "expected bool, int, date, enum or country");
            }
            s.facts.push_back(std::move(def));
        }
    }

    void options(const json& list, const std::string& path, std::vector<Option>& out, bool allow_empty) {
        if (!list.is_array() || (list.empty() && !allow_empty) || list.size() > 256) {
            diag_.error(path, "expected an array of options {\"value\", \"title\"}");
            return;
        }
        for (size_t i = 0; i < list.size(); ++i) {
            const json& o = list[i];
            const std::string at = pointer_join(path, i);
            if (!expect_object(o, at, "an option")) continue;
            only_keys(o, at, {"value", "title"});
            Option opt;
            if (const json* v = required(o, "value", at)) identifier_value(*v, pointer_join(at, "value"), opt.value);
            text(o, "title", at, true, opt.title);
            for (const Option& earlier : out) {
                if (!opt.value.empty() && earlier.value == opt.value) {
                    diag_.error(pointer_join(at, "value"), "option " + in_quotes(opt.value) + " is listed twice");
                }
            }
            out.push_back(std::move(opt));
        }
    }

    void exclusions(const json& list, const std::string& path, std::vector<int64_t>& out) {
        if (!list.is_array()) {
            diag_.error(path, "expected an array of country codes");
            return;
        }
        for (size_t i = 0; i < list.size(); ++i) {
            const json& code = list[i];
            const auto& s = code.is_string() ? code.get_ref<const std::string&>() : std::string();
            if (const auto value = rules_->country_code_value(s)) out.push_back(*value);
            else diag_.error(pointer_join(path, i), "expected a country code of the country table");
        }
        std::sort(out.begin(), out.end());
    }

    void lists(const json& doc, const std::string& path, Service& s, ServiceIndex& index, ConditionCompiler& compiler) {
        const json* list = section(doc, "lists", path, false);
        if (!list) return;
        const std::string list_path = pointer_join(path, "lists");
        for (size_t i = 0; i < list->size(); ++i) {
            const json& l = (*list)[i];
            const std::string at = pointer_join(list_path, i);
            if (!expect_object(l, at, "a list")) continue;
            only_keys(l, at, {"id", "type", "values", "citation", "confidence", "title", "note"});
            ListDef def;
            if (const json* id = required(l, "id", at)) {
                if (identifier_value(*id, pointer_join(at, "id"), def.id) &&
                    !index.lists.emplace(def.id, static_cast<uint32_t>(s.lists.size())).second) {
                    diag_.error(pointer_join(at, "id"), "list " + in_quotes(def.id) + " is declared twice");
                }
            }
            std::string citation;
            if (const json* c = required(l, "citation", at)) string_value(*c, pointer_join(at, "citation"), kMaxCitationBytes, citation);
            confidence(l, at);
            LocalText ignored;
            text(l, "title", at, false, ignored);
            text(l, "note", at, false, ignored);
            def.type = ValueType{ValueKind::country};
            if (const json* t = member(l, "type")) {
                const auto it = t->is_string() ? index.facts.find(t->get_ref<const std::string&>()) : index.facts.end();
                if (t->is_string() && t->get_ref<const std::string&>() == "country") {
                } else if (it != index.facts.end() && s.facts[it->second].kind == ValueKind::enumeration) {
                    def.type = ValueType{ValueKind::enumeration, it->second};
                } else {
                    diag_.error(pointer_join(at, "type"), "expected \"country\" or the id of an enum fact");
                }
            }
            std::vector<int64_t> values;
            if (const json* v = required(l, "values", at)) {
                const std::string values_path = pointer_join(at, "values");
                if (!v->is_array() || v->empty()) {
                    diag_.error(values_path, "expected a non-empty array");
                } else {
                    for (size_t k = 0; k < v->size(); ++k) {
                        int64_t value = 0;
                        if (compiler.literal_value((*v)[k], pointer_join(values_path, k), def.type, value)) values.push_back(value);
                    }
                    std::vector<int64_t> sorted = values;
                    std::sort(sorted.begin(), sorted.end());
                    if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
                        diag_.error(values_path, "a value is listed twice");
                    }
                    values = std::move(sorted);
                }
            }
            def.first = compiler.place_values(values);
            def.count = static_cast<uint32_t>(values.size());
            s.lists.push_back(std::move(def));
        }
    }

    void constraints(const json& doc, const std::string& path, Service& s, const ServiceIndex& index,
                     ConditionCompiler& compiler) {
        const json* list = section(doc, "constraints", path, false);
        if (!list) return;
        const std::string list_path = pointer_join(path, "constraints");
        for (size_t i = 0; i < list->size(); ++i) {
            const json& c = (*list)[i];
            const std::string at = pointer_join(list_path, i);
            if (!expect_object(c, at, "a constraint")) continue;
            only_keys(c, at, {"id", "when", "effective", "path", "message"});
            Constraint def;
            if (const json* id = required(c, "id", at)) identifier_value(*id, pointer_join(at, "id"), def.id);
            if (const json* w = required(c, "when", at)) def.when = compiler.condition(*w, pointer_join(at, "when"), Scope::facts_only);
            window(c, at, def.window);
            // The error must point at something the applicant answered: a fact of this service, or
            // the date of evaluation.
            if (const json* p = required(c, "path", at)) {
                const std::string value = p->is_string() ? p->get_ref<const std::string&>() : std::string();
                const std::string prefix = "/facts/";
                const auto fact = value.compare(0, prefix.size(), prefix) == 0 ? index.facts.find(value.substr(prefix.size()))
                                                                              : index.facts.end();
                if (value == "/as_of") {
                    def.path = value;
                } else if (fact != index.facts.end()) {
                    def.path = value;
                    def.fact = fact->second;
                } else {
                    diag_.error(pointer_join(at, "path"), "expected \"/facts/<a fact of this service>\" or \"/as_of\"");
                }
            }
            text(c, "message", at, true, def.message);
            s.constraints.push_back(std::move(def));
        }
    }

    // ---- records --------------------------------------------------------------------------------

    // Reads what every record shares. `extra` lists the section's own keys.
    void record(const json& r, const std::string& at, Scope scope, bool allow_channel, bool allow_outputs,
                std::initializer_list<const char*> extra, Service& s, ConditionCompiler& compiler, Record& out,
                RecordSource& source) {
        std::vector<const char*> keys = {"id", "variant", "when", "effective", "citation", "confidence", "title", "note"};
        if (allow_channel) keys.push_back("channel");
        if (allow_outputs) keys.push_back("outputs");
        keys.insert(keys.end(), extra.begin(), extra.end());
        for (auto it = r.begin(); it != r.end(); ++it) {
            if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return it.key() == k; })) {
                diag_.error(pointer_join(at, it.key()), "unknown key " + in_quotes(it.key()));
            }
        }
        source.path = at;
        if (const json* id = required(r, "id", at)) identifier_value(*id, pointer_join(at, "id"), out.id);
        if (const json* v = member(r, "variant")) identifier_value(*v, pointer_join(at, "variant"), out.variant);
        if (const json* ch = allow_channel ? member(r, "channel") : nullptr) {
            const auto& ids = s.channel_ids;
            const auto found = ch->is_string() ? std::find(ids.begin(), ids.end(), ch->get_ref<const std::string&>()) : ids.end();
            if (found == ids.end()) diag_.error(pointer_join(at, "channel"), "expected a channel that a verdict offers");
            else out.channel = static_cast<int>(found - ids.begin());
        }
        if (const json* w = member(r, "when")) {
            out.when = compiler.condition(*w, pointer_join(at, "when"), scope);
            source.when = w;
        }
        window(r, at, out.window);
        if (const json* c = required(r, "citation", at)) string_value(*c, pointer_join(at, "citation"), kMaxCitationBytes, out.citation);
        out.confidence = confidence(r, at);
        text(r, "title", at, true, out.title);
        text(r, "note", at, false, out.note);
        if (const json* o = allow_outputs ? member(r, "outputs") : nullptr) {
            const std::string opath = pointer_join(at, "outputs");
            if (!o->is_object() || o->size() > limits::kOutputsPerRecord) {
                diag_.error(opath, "expected an object of at most " + std::to_string(limits::kOutputsPerRecord) + " named values");
            } else {
                for (auto it = o->begin(); it != o->end(); ++it) {
                    const std::string npath = pointer_join(opath, it.key());
                    Output output;
                    output.name = it.key();
                    if (!is_identifier(output.name)) diag_.error(npath, "output names are snake_case ids");
                    else if (kReservedOutputNames.count(output.name)) diag_.error(npath, in_quotes(output.name) + " is a key the decision already uses");
                    // An output that does not compile is left out, so that it cannot also seem to
                    // disagree with every other verdict's output of that name.
                    if (compiler.output(it.value(), npath, scope, output)) out.outputs.push_back(std::move(output));
                }
            }
        }
    }

    // Groups variants by (id, channel), checks (id, channel, variant) is unique and that variants
    // with the same condition do not overlap in time.
    template <class R>
    void group(const std::vector<R>& records, const std::vector<RecordSource>& sources, Groups& groups) {
        std::map<std::pair<std::string, int>, size_t> by_key;
        for (size_t i = 0; i < records.size(); ++i) {
            const Record& r = records[i];
            const auto key = std::make_pair(r.id, r.channel);
            auto [it, inserted] = by_key.emplace(key, groups.size());
            if (inserted) groups.emplace_back();
            auto& g = groups[it->second];
            for (uint32_t other : g) {
                const Record& o = records[other];
                if (o.variant == r.variant) {
                    diag_.error(sources[i].path, "record " + in_quotes(r.id) +
                                                     (r.variant.empty() ? "" : " variant " + in_quotes(r.variant)) +
                                                     " appears twice; give each variant its own \"variant\"");
                    continue;
                }
                const bool same_when = (sources[i].when == nullptr && sources[other].when == nullptr) ||
                                       (sources[i].when && sources[other].when && *sources[i].when == *sources[other].when);
                const bool overlap = r.window.from <= o.window.until && o.window.from <= r.window.until;
                if (same_when && overlap) {
                    diag_.error(pointer_join(sources[i].path, "effective"),
                                "overlaps the effective window of variant " + in_quotes(o.variant.empty() ? o.id : o.variant) +
                                    ", which has the same condition");
                }
            }
            g.push_back(static_cast<uint32_t>(i));
        }
    }

    void verdicts(const json& doc, const std::string& path, Service& s, ServiceIndex& index, ConditionCompiler& compiler) {
        const json* list = section(doc, "verdicts", path, true);
        if (!list) return;
        const std::string list_path = pointer_join(path, "verdicts");
        if (list->empty()) {
            diag_.error(list_path, "at least one verdict is required");
            return;
        }
        // Channel ids first, so that records can name them in any order.
        for (size_t i = 0; i < list->size(); ++i) {
            const json* channels = member((*list)[i], "channels");
            if (!channels || !channels->is_array()) continue;
            for (const json& ch : *channels) {
                const json* id = member(ch, "id");
                if (!id || !id->is_string() || !is_identifier(id->get_ref<const std::string&>())) continue;
                const auto& name = id->get_ref<const std::string&>();
                if (std::find(s.channel_ids.begin(), s.channel_ids.end(), name) == s.channel_ids.end()) {
                    s.channel_ids.push_back(name);
                }
            }
        }
        if (s.channel_ids.size() > limits::kChannelsPerService) {
            diag_.error(list_path, "at most " + std::to_string(limits::kChannelsPerService) + " channels per service");
        }
        std::vector<RecordSource> sources(list->size());
        for (size_t i = 0; i < list->size(); ++i) {
            const json& v = (*list)[i];
            const std::string at = pointer_join(list_path, i);
            VerdictRecord rec;
            if (!expect_object(v, at, "a verdict")) {
                s.verdicts.push_back(std::move(rec));
                continue;
            }
            record(v, at, Scope::verdict, false, true, {"code", "channels"}, s, compiler, rec, sources[i]);
            if (const json* code = required(v, "code", at)) identifier_value(*code, pointer_join(at, "code"), rec.code);
            if (const json* channels = member(v, "channels")) {
                const std::string cpath = pointer_join(at, "channels");
                if (!channels->is_array() || channels->empty()) {
                    diag_.error(cpath, "expected a non-empty array of channels");
                } else {
                    std::vector<RecordSource> csources(channels->size());
                    for (size_t k = 0; k < channels->size(); ++k) {
                        const std::string chat = pointer_join(cpath, k);
                        Record ch;
                        if (expect_object((*channels)[k], chat, "a channel")) {
                            record((*channels)[k], chat, Scope::verdict, false, false, {}, s, compiler, ch, csources[k]);
                        }
                        rec.channels.push_back(std::move(ch));
                    }
                    group(rec.channels, csources, rec.channel_groups);
                    // Each group's channel, found here once rather than by name on every evaluation
                    // (an id that names no channel has been reported above).
                    for (const auto& g : rec.channel_groups) {
                        const auto& ids = s.channel_ids;
                        const auto found = std::find(ids.begin(), ids.end(), rec.channels[g.front()].id);
                        rec.group_channels.push_back(found == ids.end() ? 0 : static_cast<uint32_t>(found - ids.begin()));
                    }
                }
            }
            index.verdict_codes[rec.code].push_back(static_cast<uint32_t>(i));
            index.verdict_ids[rec.id].push_back(static_cast<uint32_t>(i));
            s.verdicts.push_back(std::move(rec));
        }
        const json& last = list->back();
        if (member(last, "when") || member(last, "effective")) {
            diag_.error(pointer_join(list_path, list->size() - 1),
                        "the last verdict must apply always (no \"when\", no \"effective\"), so that every profile gets a verdict");
        }
        // Verdict records may share an id (variants of one basis), but never with the same code
        // and condition at overlapping times.
        Groups verdict_groups;
        group(s.verdicts, sources, verdict_groups);
        // Outputs by name: one type across all verdicts, so that verdict_output has one meaning.
        for (size_t i = 0; i < s.verdicts.size(); ++i) {
            const auto& outputs = s.verdicts[i].outputs;
            for (size_t k = 0; k < outputs.size(); ++k) {
                auto [it, inserted] = index.verdict_outputs.try_emplace(outputs[k].name);
                auto& entry = it->second;
                if (inserted) {
                    entry.type = outputs[k].type;
                    entry.index_by_verdict.assign(s.verdicts.size(), -1);
                } else if (entry.type != outputs[k].type) {
                    diag_.error(pointer_join(pointer_join(pointer_join(list_path, i), "outputs"), outputs[k].name),
                                "verdicts give output " + in_quotes(outputs[k].name) + " different types");
                }
                entry.index_by_verdict[i] = static_cast<int64_t>(k);
            }
        }
    }

    void fees(const json& doc, const std::string& path, Service& s, ServiceIndex& index, ConditionCompiler& compiler) {
        const json* list = section(doc, "fees", path, false);
        if (!list) return;
        const std::string list_path = pointer_join(path, "fees");
        std::vector<RecordSource> sources(list->size());
        for (size_t i = 0; i < list->size(); ++i) {
            const json& f = (*list)[i];
            const std::string at = pointer_join(list_path, i);
            FeeRecord rec;
            if (!expect_object(f, at, "a fee")) {
                s.fees.push_back(std::move(rec));
                continue;
            }
            record(f, at, Scope::fees, true, true, {"amount", "amount_known"}, s, compiler, rec, sources[i]);
            const json* amount = member(f, "amount");
            const json* known = member(f, "amount_known");
            if (amount && known) {
                diag_.error(at, "give either \"amount\" or \"amount_known\": false, not both");
            } else if (known) {
                if (!(known->is_boolean() && !known->get<bool>())) {
                    diag_.error(pointer_join(at, "amount_known"), "only \"amount_known\": false is meaningful; otherwise give \"amount\"");
                }
                rec.amount_known = false;
            } else if (!amount) {
                diag_.error(pointer_join(at, "amount"), "\"amount\" is required; where the sources give none, write \"amount_known\": false");
            } else if (expect_object(*amount, pointer_join(at, "amount"), "an amount {\"amount_minor\", \"currency\"}")) {
                const std::string apath = pointer_join(at, "amount");
                only_keys(*amount, apath, {"amount_minor", "currency"});
                // Amounts are bounded so that no total of a service's fees can overflow.
                if (const json* m = required(*amount, "amount_minor", apath)) {
                    if (!as_int64(*m, rec.amount.amount_minor) || rec.amount.amount_minor < 0 ||
                        rec.amount.amount_minor > kMaxAmountMinor) {
                        diag_.error(pointer_join(apath, "amount_minor"),
                                    "expected a whole number of minor units, from 0 to " + std::to_string(kMaxAmountMinor));
                    }
                }
                if (const json* c = required(*amount, "currency", apath)) {
                    const auto cur = c->is_string() ? Currency::parse(c->get_ref<const std::string&>()) : std::nullopt;
                    const bool listed = cur && std::binary_search(rules_->currencies.begin(), rules_->currencies.end(), *cur,
                                                                  [](const Currency& a, const Currency& b) { return a.code < b.code; });
                    if (!listed) diag_.error(pointer_join(apath, "currency"), "expected an ISO 4217 currency code of the country table, such as \"USD\"");
                    else rec.amount.currency = *cur;
                }
            }
            s.fees.push_back(std::move(rec));
        }
        group(s.fees, sources, s.fee_groups);
        for (size_t g = 0; g < s.fee_groups.size(); ++g) {
            index.fee_groups[s.fees[s.fee_groups[g].front()].id].push_back(static_cast<uint32_t>(g));
        }
    }

    // Waivers name the fees they waive; each fee keeps the waivers that name it, in file order.
    void waivers(const json& doc, const std::string& path, Service& s, ServiceIndex& index, ConditionCompiler& compiler) {
        const json* list = section(doc, "waivers", path, false);
        if (!list) return;
        const std::string list_path = pointer_join(path, "waivers");
        std::vector<RecordSource> sources(list->size());
        for (size_t i = 0; i < list->size(); ++i) {
            const json& w = (*list)[i];
            const std::string at = pointer_join(list_path, i);
            WaiverRecord rec;
            if (expect_object(w, at, "a waiver")) {
                record(w, at, Scope::fees, false, false, {"fees"}, s, compiler, rec, sources[i]);
                const json* fees = required(w, "fees", at);
                const std::string fpath = pointer_join(at, "fees");
                if (fees && (!fees->is_array() || fees->empty())) {
                    diag_.error(fpath, "expected a non-empty array of fee ids");
                } else if (fees) {
                    for (size_t k = 0; k < fees->size(); ++k) {
                        const json& id = (*fees)[k];
                        if (!id.is_string() || !index.fee_groups.count(id.get_ref<const std::string&>())) {
                            diag_.error(pointer_join(fpath, k), "expected the id of a fee of this service");
                            continue;
                        }
                        rec.fees.push_back(id.get_ref<const std::string&>());
                    }
                }
            }
            const auto waiver = static_cast<uint32_t>(s.waivers.size());
            for (FeeRecord& fee : s.fees) {
                if (std::find(rec.fees.begin(), rec.fees.end(), fee.id) != rec.fees.end()) fee.waivers.push_back(waiver);
            }
            s.waivers.push_back(std::move(rec));
        }
        Groups ignored;
        group(s.waivers, sources, ignored);
    }

    void items(const json& doc, const char* key, const std::string& path, Service& s, ConditionCompiler& compiler,
               std::vector<Record>& out, Groups& groups) {
        const json* list = section(doc, key, path, false);
        if (!list) return;
        const std::string list_path = pointer_join(path, key);
        std::vector<RecordSource> sources(list->size());
        for (size_t i = 0; i < list->size(); ++i) {
            const std::string at = pointer_join(list_path, i);
            Record rec;
            if (expect_object((*list)[i], at, "a record")) {
                record((*list)[i], at, Scope::items, true, true, {}, s, compiler, rec, sources[i]);
            }
            out.push_back(std::move(rec));
        }
        group(out, sources, groups);
    }

    void checks(const json& doc, const std::string& path, Service& s, ConditionCompiler& compiler) {
        const json* list = section(doc, "checks", path, false);
        if (!list) return;
        const std::string list_path = pointer_join(path, "checks");
        std::vector<RecordSource> sources(list->size());
        for (size_t i = 0; i < list->size(); ++i) {
            const json& c = (*list)[i];
            const std::string at = pointer_join(list_path, i);
            CheckRecord rec;
            if (expect_object(c, at, "a check")) {
                record(c, at, Scope::items, true, true, {"test", "severity", "fail_note"}, s, compiler, rec, sources[i]);
                if (const json* t = required(c, "test", at)) rec.test = compiler.condition(*t, pointer_join(at, "test"), Scope::items);
                if (const json* sev = required(c, "severity", at)) {
                    const std::string v = sev->is_string() ? sev->get_ref<const std::string&>() : "";
                    if (v == "blocker") rec.severity = Severity::blocker;
                    else if (v == "warning") rec.severity = Severity::warning;
                    else diag_.error(pointer_join(at, "severity"), "expected \"blocker\" or \"warning\"");
                }
                text(c, "fail_note", at, false, rec.fail_note);
            }
            s.checks.push_back(std::move(rec));
        }
        group(s.checks, sources, s.check_groups);
    }

    void deadlines(const json& doc, const std::string& path, Service& s, ConditionCompiler& compiler) {
        const json* list = section(doc, "deadlines", path, false);
        if (!list) return;
        const std::string list_path = pointer_join(path, "deadlines");
        std::vector<RecordSource> sources(list->size());
        for (size_t i = 0; i < list->size(); ++i) {
            const json& d = (*list)[i];
            const std::string at = pointer_join(list_path, i);
            DeadlineRecord rec;
            if (expect_object(d, at, "a deadline")) {
                record(d, at, Scope::items, true, true, {"within", "from", "before"}, s, compiler, rec, sources[i]);
                within(d, at, rec);
                const json* from = member(d, "from");
                const json* before = member(d, "before");
                if (from && before) diag_.error(at, "give \"from\" or \"before\", not both");
                const json* base = from ? from : before;
                if (base) {
                    if (rec.unit == WithinUnit::hours) {
                        diag_.error(pointer_join(at, from ? "from" : "before"), "a deadline in hours has no date to count from");
                    }
                    rec.has_from = from != nullptr;
                    rec.has_before = before != nullptr;
                    rec.base_expr = compiler.expression(*base, pointer_join(at, from ? "from" : "before"), Scope::items,
                                                        ValueType{ValueKind::date});
                }
            }
            s.deadlines.push_back(std::move(rec));
        }
        group(s.deadlines, sources, s.deadline_groups);
    }

    void within(const json& d, const std::string& at, DeadlineRecord& rec) {
        const json* w = required(d, "within", at);
        if (!w) return;
        const std::string wpath = pointer_join(at, "within");
        static const std::pair<const char*, WithinUnit> kUnits[] = {
            {"days", WithinUnit::days}, {"working_days", WithinUnit::working_days},
            {"hours", WithinUnit::hours}, {"months", WithinUnit::months}};
        if (!w->is_object() || w->size() != 1) {
            diag_.error(wpath, "expected exactly one of {\"days\": n}, {\"working_days\": n}, {\"hours\": n}, {\"months\": n}");
            return;
        }
        for (const auto& [name, unit] : kUnits) {
            if (w->begin().key() != name) continue;
            rec.unit = unit;
            if (!as_int64(w->begin().value(), rec.within) || rec.within < 1 || rec.within > kMaxWithin) {
                diag_.error(pointer_join(wpath, name), "expected a whole number from 1 to " + std::to_string(kMaxWithin));
            }
            return;
        }
        diag_.error(pointer_join(wpath, w->begin().key()), "expected days, working_days, hours or months");
    }

    Diagnostics diag_;
    RuleSet* rules_ = nullptr;
    LangSet text_langs_ = kAllLangs;  // the languages of the service document being read
};

}  // namespace
}  // namespace detail

LoadResult load_rules(std::string_view bundle_json) {
    LoadResult result;
    detail::Loader loader(result.errors);
    nlohmann::json doc;
    if (!loader.read(bundle_json, doc)) return result;
    auto rules = loader.load(doc);
    if (result.errors.empty() && rules) result.rules = std::move(rules);
    return result;
}

LoadResult add_service(const RuleSet& base, std::string_view service_document) {
    LoadResult result;
    detail::Loader loader(result.errors);
    nlohmann::json doc;
    if (!loader.read(service_document, doc)) return result;
    auto rules = loader.extend(base, doc);
    if (result.errors.empty() && rules) result.rules = std::move(rules);
    return result;
}

LoadResult load_rules_document(std::string_view base_bundle, std::string_view document) {
    LoadResult result;
    detail::Loader loader(result.errors);
    nlohmann::json doc;
    if (!loader.read(document, doc)) return result;
    // One service document: put it into the base bundle in place of the service with its id.
    std::string prefix;
    if (doc.is_object() && doc.contains("service") && !doc.contains("services")) {
        nlohmann::json base;
        Errors ignored;
        detail::Loader base_loader(ignored);
        if (base_loader.read(base_bundle, base) && base.is_object() && base.contains("services") &&
            base["services"].is_array()) {
            auto& services = base["services"];
            size_t index = services.size();
            for (size_t i = 0; i < services.size(); ++i) {
                const auto* id = detail::member(services[i], "service");
                if (id && *id == doc["service"]) index = i;
            }
            if (index == services.size()) services.push_back(std::move(doc));
            else services[index] = std::move(doc);
            doc = std::move(base);
            prefix = "/services/" + std::to_string(index);
        }
    }
    auto rules = loader.load(doc);
    if (result.errors.empty() && rules) {
        result.rules = std::move(rules);
        return result;
    }
    // Paths point into the document the author wrote, not into the bundle it was placed in.
    for (Error& e : result.errors) {
        if (!prefix.empty() && e.path.compare(0, prefix.size(), prefix) == 0 &&
            (e.path.size() == prefix.size() || e.path[prefix.size()] == '/')) {
            e.path.erase(0, prefix.size());
        }
    }
    return result;
}

}  // namespace eligibility
