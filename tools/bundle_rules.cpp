// bundle-rules MANIFEST PRETTY_OUT MIN_OUT PACKS_DIR
//
// Assembles data/ (a manifest naming the country table and the service files) into one rules
// bundle, validates it with the engine's own loader, and writes it twice: indented, for missions
// to read and edit, and minified, for the CLI to embed. Errors name the source file and the JSON
// Pointer inside it, so an author sees exactly which line of which file to fix.
//
// It also writes the rules as packs (PACKS_DIR): index.json (version, countries and the catalogue
// of services, no service loaded) for the WebAssembly module to embed, and <service>.json for each
// service, stamped with the version, for a browser to fetch when an applicant needs it; and
// <service>.<lang>.json, the same with the texts of one language only ("languages": [lang]), less
// than half the download for an applicant who reads one language. The packs are checked by
// loading the index and adding each pack, as the browser will.
//
// Each pack is also written compiled (snapshot.hpp): index.bin and <service>[.<lang>].bin, the
// rules as the loader left them, which the WebAssembly module reads without parsing JSON, and
// all.bin and all.<lang>.bin with every service in one file. Each is checked by reading it back
// and writing it again: the same bytes, or the build fails.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "eligibility/rules_loader.hpp"
#include "eligibility/snapshot.hpp"

namespace {

using ordered = nlohmann::ordered_json;

// A copy of a service document with every text ({"en", "az", "ru"}) reduced to one language. The
// engine's loader then checks the result: a text missed here, or anything else taken for one,
// makes the pack fail to load.
ordered one_language(const ordered& v, const char* lang) {
    if (v.is_object()) {
        if (v.size() == 3 && v.contains("en") && v.contains("az") && v.contains("ru")) {
            return ordered::object({{lang, v[lang]}});
        }
        ordered out = ordered::object();
        for (auto it = v.begin(); it != v.end(); ++it) out[it.key()] = one_language(it.value(), lang);
        return out;
    }
    if (v.is_array()) {
        ordered out = ordered::array();
        for (const auto& item : v) out.push_back(one_language(item, lang));
        return out;
    }
    return v;
}

bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

bool parse_file(const std::string& path, ordered& out) {
    std::string text;
    if (!read_file(path, text)) {
        std::cerr << path << ": cannot read\n";
        return false;
    }
    out = ordered::parse(text, nullptr, false);
    if (out.is_discarded()) {
        std::cerr << path << ": not valid JSON (run `eligibility validate-rules` on the bundle for the position)\n";
        return false;
    }
    return true;
}

bool write_file(const std::string& path, const std::string& text) {
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary);
        if (!out) return false;
        out << text;
        if (!out) return false;
    }
    return std::rename(tmp.c_str(), path.c_str()) == 0;
}

// Writes compiled rules (snapshot.hpp: one service, or every service) to `path`, once they read
// back on `index` and write the same bytes again.
bool write_compiled(const eligibility::RuleSet& index, const std::string& bytes, const std::string& path) {
    const auto back = eligibility::add_service_snapshot(index, bytes);
    if (!back.ok() || eligibility::write_services_snapshot(*back.rules) != bytes || !write_file(path, bytes)) {
        std::cerr << path << ": cannot write the compiled pack, or it does not read back as written\n";
        return false;
    }
    return true;
}

std::string directory_of(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? "." : path.substr(0, slash);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::cerr << "usage: bundle-rules MANIFEST PRETTY_OUT MIN_OUT PACKS_DIR\n";
        return 1;
    }
    const std::string manifest_path = argv[1];
    const std::string dir = directory_of(manifest_path);
    ordered manifest;
    if (!parse_file(manifest_path, manifest)) return 1;
    const auto countries_name = manifest.value("countries", std::string());
    const auto services = manifest.find("services");
    if (countries_name.empty() || services == manifest.end() || !services->is_array()) {
        std::cerr << manifest_path << ": needs \"countries\" (a file name) and \"services\" (an array of service ids)\n";
        return 1;
    }

    ordered bundle = ordered::object();
    bundle["format"] = manifest.value("format", 0);
    bundle["version"] = manifest.value("version", std::string());
    // Each part remembers its file, to turn bundle paths back into file paths.
    std::vector<std::pair<std::string, std::string>> parts;  // pointer prefix, file
    const std::string countries_path = dir + "/" + countries_name;
    if (!parse_file(countries_path, bundle["countries"])) return 1;
    parts.emplace_back("/countries", countries_path);
    bundle["services"] = ordered::array();
    for (const auto& id : *services) {
        if (!id.is_string()) {
            std::cerr << manifest_path << ": service ids are strings\n";
            return 1;
        }
        const std::string file = dir + "/services/" + id.get<std::string>() + ".json";
        ordered doc;
        if (!parse_file(file, doc)) return 1;
        parts.emplace_back("/services/" + std::to_string(bundle["services"].size()), file);
        bundle["services"].push_back(std::move(doc));
    }

    const std::string minified = bundle.dump();
    const auto loaded = eligibility::load_rules(minified);
    if (!loaded.ok()) {
        for (const auto& e : loaded.errors) {
            std::string where = manifest_path;
            std::string pointer = e.path;
            for (const auto& [prefix, file] : parts) {
                if (pointer.compare(0, prefix.size(), prefix) == 0 &&
                    (pointer.size() == prefix.size() || pointer[prefix.size()] == '/')) {
                    where = file;
                    pointer = pointer.substr(prefix.size());
                    break;
                }
            }
            std::cerr << where << ": " << (pointer.empty() ? "(document)" : pointer) << ": " << e.message << "\n";
        }
        std::cerr << loaded.errors.size() << " problem(s); the rules bundle was not written\n";
        return 3;
    }
    if (!write_file(argv[2], bundle.dump(2) + "\n") || !write_file(argv[3], minified)) {
        std::cerr << "cannot write the bundle\n";
        return 1;
    }

    // Packs: the index, then each service stamped with the version it belongs to.
    const std::string packs = argv[4];
    ordered index = ordered::object();
    index["format"] = bundle["format"];
    index["version"] = bundle["version"];
    index["countries"] = bundle["countries"];
    index["catalogue"] = ordered::array();
    for (const auto& s : bundle["services"]) index["catalogue"].push_back({{"service", s["service"]}, {"title", s["title"]}});
    index["services"] = ordered::array();
    const std::string index_text = index.dump();
    auto packed = eligibility::load_rules(index_text);
    if (!packed.ok() || !write_file(packs + "/index.json", index_text)) {
        std::cerr << "cannot write or load the packs' index\n";
        return 1;
    }
    const auto index_rules = packed.rules;
    {
        const std::string bytes = eligibility::write_index_snapshot(*index_rules);
        const auto back = eligibility::read_index_snapshot(bytes);
        if (!back.ok() || eligibility::write_index_snapshot(*back.rules) != bytes || !write_file(packs + "/index.bin", bytes)) {
            std::cerr << "cannot write, or read back, the compiled index\n";
            return 1;
        }
    }
    // Every service in one language, gathered for all.<lang>.bin.
    std::vector<std::shared_ptr<const eligibility::RuleSet>> by_lang(std::size(eligibility::kLangCodes), index_rules);
    for (const auto& s : bundle["services"]) {
        ordered pack = ordered::object();
        for (auto it = s.begin(); it != s.end(); ++it) {
            pack[it.key()] = it.value();
            if (it.key() == "service") pack["version"] = bundle["version"];
        }
        const std::string id = s["service"].get<std::string>();
        for (size_t l = 0; l < by_lang.size(); ++l) {
            const char* lang = eligibility::kLangCodes[l];
            ordered single = ordered::object();
            for (auto it = pack.begin(); it != pack.end(); ++it) {
                single[it.key()] = one_language(it.value(), lang);
                if (it.key() == "version") single["languages"] = ordered::array({lang});
            }
            const std::string single_text = single.dump();
            const auto single_loaded = eligibility::add_service(*index_rules, single_text);
            if (!single_loaded.ok()) {
                std::cerr << "the " << lang << " pack of " << id << " does not load on its index: "
                          << (single_loaded.errors.empty() ? std::string() : single_loaded.errors[0].path + " " + single_loaded.errors[0].message) << "\n";
                return 3;
            }
            const auto one = single_loaded.rules->services.back();  // the service just added
            if (!write_file(packs + "/" + id + "." + lang + ".json", single_text) ||
                !write_compiled(*index_rules, eligibility::write_service_snapshot(*index_rules, *one), packs + "/" + id + "." + lang + ".bin")) {
                std::cerr << "cannot write the " << lang << " pack of " << id << "\n";
                return 1;
            }
            auto gathered = std::make_shared<eligibility::RuleSet>(*by_lang[l]);
            gathered->put_service(one);
            by_lang[l] = std::move(gathered);
        }
        const std::string text = pack.dump();
        auto added = eligibility::add_service(*packed.rules, text);
        if (!added.ok()) {
            std::cerr << "the pack of " << id << " does not load on its index: "
                      << (added.errors.empty() ? std::string() : added.errors[0].path + " " + added.errors[0].message) << "\n";
            return 3;
        }
        packed = std::move(added);
        if (!write_file(packs + "/" + id + ".json", text) ||
            !write_compiled(*index_rules, eligibility::write_service_snapshot(*index_rules, *packed.rules->services.back()), packs + "/" + id + ".bin")) {
            std::cerr << "cannot write the pack of " << id << "\n";
            return 1;
        }
    }
    // Every service in one file (all.bin, all.<lang>.bin): what createEngine() reads when it loads
    // every service, one download rather than one per service.
    if (!write_compiled(*index_rules, eligibility::write_services_snapshot(*packed.rules), packs + "/all.bin")) return 1;
    for (size_t l = 0; l < by_lang.size(); ++l) {
        const std::string path = packs + "/all." + eligibility::kLangCodes[l] + ".bin";
        if (!write_compiled(*index_rules, eligibility::write_services_snapshot(*by_lang[l]), path)) return 1;
    }
    return 0;
}
