#include "input.hpp"

#include <ctime>

namespace eligibility::cli {

std::string read_bounded(std::FILE* in, std::size_t limit) {
    std::string out;
    char buf[65536];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, in)) > 0) {
        const std::size_t room = limit + 1 - out.size();
        out.append(buf, n < room ? n : room);
        if (out.size() > limit) {
            while (std::fread(buf, 1, sizeof buf, in) > 0) {
            }  // drain, so a writer on a pipe is not killed by SIGPIPE
            break;
        }
    }
    return out;
}

bool read_line_bounded(std::FILE* in, std::size_t limit, std::string& line) {
    line.clear();
    int c;
    bool any = false;
    while ((c = std::fgetc(in)) != EOF) {
        any = true;
        if (c == '\n') return true;
        if (line.size() <= limit) line.push_back(static_cast<char>(c));
    }
    return any;
}

std::optional<std::string> read_file(const std::string& path, std::size_t limit) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return std::nullopt;
    std::string text = read_bounded(f, limit);
    const bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed) return std::nullopt;
    return text;
}

CivilDate today_utc() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    return CivilDate::from_ymd(utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday).value_or(CivilDate());
}

}  // namespace eligibility::cli
