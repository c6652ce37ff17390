#include "scenario/dotted_key.hpp"

#include "scenario/value_text.hpp"

namespace taalwerk {

std::vector<std::string> split_dotted_key(const std::string& dotted_key) {
    std::vector<std::string> segments;
    std::string::size_type start = 0;
    while (true) {
        const std::string::size_type dot = dotted_key.find('.', start);
        if (dot == std::string::npos) {
            segments.push_back(dotted_key.substr(start));
            return segments;
        }
        segments.push_back(dotted_key.substr(start, dot - start));
        start = dot + 1;
    }
}

std::string join_dotted_key(const std::vector<std::string>& segments, std::size_t count) {
    std::string joined;
    for (std::size_t i = 0; i < count && i < segments.size(); ++i) {
        if (i > 0) joined += '.';
        joined += segments[i];
    }
    return joined;
}

std::string parent_of(const std::string& dotted_key) {
    const std::string::size_type dot = dotted_key.rfind('.');
    return dot == std::string::npos ? std::string() : dotted_key.substr(0, dot);
}

std::string last_segment(const std::string& dotted_key) {
    const std::string::size_type dot = dotted_key.rfind('.');
    return dot == std::string::npos ? dotted_key : dotted_key.substr(dot + 1);
}

bool is_bare_key(const std::string& segment) {
    if (segment.empty()) return false;
    for (const char c : segment) {
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                             c == '_' || c == '-';
        if (!allowed) return false;
    }
    return true;
}

std::string toml_key_segment(const std::string& segment) {
    return is_bare_key(segment) ? segment : quoted(segment);
}

bool is_valid_entry_name(const std::string& name) {
    if (name.empty()) return false;
    for (const char c : name) {
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!allowed) return false;
    }
    return true;
}

}  // namespace taalwerk
