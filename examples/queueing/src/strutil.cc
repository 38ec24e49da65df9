#include "strutil.h"

#include <cctype>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>

std::string strf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(nullptr, 0, fmt, ap);
    va_end(ap);
    std::string s(n > 0 ? n : 0, '\0');
    if (n > 0)
        vsnprintf(&s[0], n + 1, fmt, ap2);
    va_end(ap2);
    return s;
}

std::string trim(const std::string& s)
{
    size_t b = 0, e = s.size();
    while (b < e && isspace((unsigned char)s[b]))
        b++;
    while (e > b && isspace((unsigned char)s[e - 1]))
        e--;
    return s.substr(b, e - b);
}

bool startsWith(const std::string& s, const std::string& prefix)
{
    return s.compare(0, prefix.size(), prefix) == 0;
}

bool endsWith(const std::string& s, const std::string& suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string toLower(std::string s)
{
    for (char& c : s)
        c = (char)tolower((unsigned char)c);
    return s;
}

std::vector<std::string> splitTopLevel(const std::string& s, char sep)
{
    std::vector<std::string> parts;
    std::string cur;
    int depth = 0;
    bool inQuotes = false;
    for (size_t i = 0; i < s.size(); i++) {
        char c = s[i];
        if (inQuotes) {
            cur += c;
            if (c == '\\' && i + 1 < s.size())
                cur += s[++i];
            else if (c == '"')
                inQuotes = false;
            continue;
        }
        if (c == '"')
            inQuotes = true;
        else if (c == '(' || c == '[' || c == '{')
            depth++;
        else if ((c == ')' || c == ']' || c == '}') && depth > 0)
            depth--;
        else if (c == sep && depth == 0) {
            parts.push_back(cur);
            cur.clear();
            continue;
        }
        cur += c;
    }
    parts.push_back(cur);
    return parts;
}

bool needsQuotes(const std::string& s)
{
    if (s.empty())
        return true;
    for (unsigned char c : s)
        if (isspace(c) || c == '\\' || c == '"' || iscntrl(c))
            return true;
    return false;
}

std::string quote(const std::string& s)
{
    std::string r = "\"";
    for (unsigned char c : s) {
        switch (c) {
            case '\b': r += "\\b"; break;
            case '\f': r += "\\f"; break;
            case '\n': r += "\\n"; break;
            case '\r': r += "\\r"; break;
            case '\t': r += "\\t"; break;
            case '"': r += "\\\""; break;
            case '\\': r += "\\\\"; break;
            default:
                if (iscntrl(c))
                    r += strf("\\x%2.2X", c);
                else
                    r += (char)c;
        }
    }
    r += '"';
    return r;
}

std::string quoteIfNeeded(const std::string& s)
{
    return needsQuotes(s) ? quote(s) : s;
}

bool parseQuoted(const std::string& s, std::string& out)
{
    if (s.size() < 2 || s[0] != '"')
        return false;
    out.clear();
    size_t i = 1;
    for (; i < s.size(); i++) {
        char c = s[i];
        if (c == '"')
            break;
        if (c != '\\') {
            out += c;
            continue;
        }
        if (++i >= s.size())
            return false;
        switch (s[i]) {
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'x': {
                if (i + 2 >= s.size())
                    return false;
                out += (char)strtol(s.substr(i + 1, 2).c_str(), nullptr, 16);
                i += 2;
                break;
            }
            default: out += s[i];
        }
    }
    return i == s.size() - 1;  // the closing quote must be the last character
}

std::string fmtNum(double v, int prec)
{
    if (std::isnan(v))
        return "nan";
    if (std::isinf(v))
        return v > 0 ? "inf" : "-inf";
    return strf("%.*g", prec, v);
}

std::string simtimeStr(int64_t ps)
{
    bool neg = ps < 0;
    uint64_t a = neg ? (uint64_t)(-(ps + 1)) + 1 : (uint64_t)ps;
    uint64_t ip = a / 1000000000000ULL, fp = a % 1000000000000ULL;
    std::string s = (neg ? "-" : "") + std::to_string(ip);
    if (fp != 0) {
        std::string frac = strf("%012llu", (unsigned long long)fp);
        while (!frac.empty() && frac.back() == '0')
            frac.pop_back();
        s += "." + frac;
    }
    return s;
}

bool parseQuantity(const std::string& str, double& value, std::string& unit)
{
    std::string s = trim(str);
    if (s.empty())
        return false;
    const char *p = s.c_str();
    char *end = nullptr;
    if (!(isdigit((unsigned char)p[0]) || p[0] == '.' || p[0] == '-' || p[0] == '+'))
        return false;
    value = strtod(p, &end);
    if (end == p)
        return false;
    std::string rest = trim(std::string(end));
    for (char c : rest)
        if (!isalpha((unsigned char)c))
            return false;
    unit = rest;
    return true;
}

namespace {
struct UnitDef { const char *name; double factor; const char *base; };
const UnitDef kUnits[] = {
    {"ps", 1e-12, "s"}, {"ns", 1e-9, "s"}, {"us", 1e-6, "s"}, {"ms", 1e-3, "s"}, {"s", 1, "s"},
    {"min", 60, "s"}, {"h", 3600, "s"}, {"d", 86400, "s"},
    {"b", 1, "b"}, {"kb", 1e3, "b"}, {"Mb", 1e6, "b"}, {"Gb", 1e9, "b"},
    {"B", 8, "b"}, {"kB", 8e3, "b"}, {"KiB", 8 * 1024.0, "b"}, {"MB", 8e6, "b"},
    {"MiB", 8 * 1048576.0, "b"}, {"GB", 8e9, "b"}, {"GiB", 8 * 1073741824.0, "b"},
    {"bps", 1, "bps"}, {"kbps", 1e3, "bps"}, {"Mbps", 1e6, "bps"}, {"Gbps", 1e9, "bps"},
    {"mm", 1e-3, "m"}, {"cm", 1e-2, "m"}, {"m", 1, "m"}, {"km", 1e3, "m"},
    {"Hz", 1, "Hz"}, {"kHz", 1e3, "Hz"}, {"MHz", 1e6, "Hz"}, {"GHz", 1e9, "Hz"},
};
}  // namespace

bool toBaseUnit(double& value, std::string& unit)
{
    if (unit.empty())
        return true;
    for (const UnitDef& u : kUnits) {
        if (unit == u.name) {
            value *= u.factor;
            unit = u.base;
            return true;
        }
    }
    return false;
}

int64_t parseSimtime(const std::string& s, const std::string& what)
{
    double v;
    std::string unit;
    if (!parseQuantity(s, v, unit))
        throw Error(strf("Wrong value '%s' for %s: a time like 100s or 1.5min is expected", s.c_str(), what.c_str()));
    if (unit.empty())
        unit = "s";
    if (!toBaseUnit(v, unit) || unit != "s")
        throw Error(strf("Wrong value '%s' for %s: not a time (unit '%s')", s.c_str(), what.c_str(), unit.c_str()));
    const double maxSeconds = 9223372.036854775807;  // int64 picoseconds
    if (!(std::fabs(v) < maxSeconds))
        throw Error(strf("Value '%s' for %s does not fit into the simulation clock (max. 9223372s with 1ps resolution)",
                         s.c_str(), what.c_str()));
    return (int64_t)std::llround(v * 1e12);
}

std::string filenameEncode(const std::string& s)
{
    std::string r;
    for (unsigned char c : s) {
        if (c == ' ')
            r += '_';
        else if (c == '_')
            r += "#_";
        else if (c == '#')
            r += "##";
        else if (c < ' ' || c >= 127 || strchr("/\\:?*<>|'`\"$%{}^&", c))
            r += strf("#%02x", c);
        else
            r += (char)c;
    }
    return r;
}

namespace {

// Tries to parse "{a..b}" (or "[a..b]" when open == '[') at pattern[pi];
// fills the bounds (-1 = open) and the index after the closing bracket.
bool parseNumRange(const std::string& p, size_t pi, char close, long& lo, long& hi, size_t& after)
{
    size_t end = p.find(close, pi + 1);
    if (end == std::string::npos)
        return false;
    std::string inner = p.substr(pi + 1, end - pi - 1);
    size_t dots = inner.find("..");
    if (dots == std::string::npos)
        return false;
    std::string a = inner.substr(0, dots), b = inner.substr(dots + 2);
    for (char c : a + b)
        if (!isdigit((unsigned char)c))
            return false;
    lo = a.empty() ? -1 : atol(a.c_str());
    hi = b.empty() ? -1 : atol(b.c_str());
    after = end + 1;
    return true;
}

bool matchAt(const std::string& p, size_t pi, const std::string& t, size_t ti)
{
    while (pi < p.size()) {
        char c = p[pi];
        if (c == '*') {
            bool dbl = pi + 1 < p.size() && p[pi + 1] == '*';
            size_t next = pi + (dbl ? 2 : 1);
            for (size_t k = ti;; k++) {
                if (matchAt(p, next, t, k))
                    return true;
                if (k >= t.size() || (!dbl && t[k] == '.'))
                    return false;
            }
        }
        if (c == '?') {
            if (ti >= t.size() || t[ti] == '.')
                return false;
            pi++, ti++;
            continue;
        }
        if (c == '{' || c == '[') {
            long lo = -1, hi = -1;
            size_t after = 0;
            if (parseNumRange(p, pi, c == '{' ? '}' : ']', lo, hi, after)) {
                size_t k = ti;
                if (c == '[') {
                    if (k >= t.size() || t[k] != '[')
                        return false;
                    k++;
                }
                size_t digitsBegin = k;
                while (k < t.size() && isdigit((unsigned char)t[k]))
                    k++;
                if (k == digitsBegin)
                    return false;
                long n = atol(t.substr(digitsBegin, k - digitsBegin).c_str());
                if ((lo >= 0 && n < lo) || (hi >= 0 && n > hi))
                    return false;
                if (c == '[') {
                    if (k >= t.size() || t[k] != ']')
                        return false;
                    k++;
                }
                pi = after, ti = k;
                continue;
            }
        }
        if (ti >= t.size() || t[ti] != c)
            return false;
        pi++, ti++;
    }
    return ti == t.size();
}

}  // namespace

bool patternMatches(const std::string& pattern, const std::string& text)
{
    return matchAt(pattern, 0, text, 0);
}
