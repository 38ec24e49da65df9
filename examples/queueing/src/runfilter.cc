#include "runfilter.h"

#include <cctype>
#include <cstdlib>

#include "expr.h"
#include "strutil.h"

bool isRunNumberList(const std::string& filter)
{
    return filter.find_first_not_of("0123456789,.- ") == std::string::npos;
}

std::vector<int> parseRunNumberList(const std::string& list)
{
    std::vector<int> result;
    const char *s = list.c_str();
    auto skipWs = [&]() {
        while (*s == ' ' || *s == '\t')
            s++;
    };
    auto number = [&](long& n) {
        skipWs();
        if (!isdigit((unsigned char)*s))
            return false;
        char *end = nullptr;
        n = strtol(s, &end, 10);
        s = end;
        skipWs();
        return true;
    };
    auto syntaxError = [&]() { return Error("Syntax error in run list '" + list + "'"); };
    skipWs();
    while (*s) {
        long from, to;
        if (!number(from))
            throw syntaxError();
        to = from;
        if (*s == '-' || (s[0] == '.' && s[1] == '.')) {
            s += (*s == '-') ? 1 : 2;
            if (!number(to))
                throw syntaxError();
        }
        if (*s == ',')
            s++;
        else if (*s)
            throw syntaxError();
        // like OMNeT++, a reversed range such as 5..3 yields just its start
        for (long i = from; i <= (to < from ? from : to); i++)
            result.push_back((int)i);
        skipWs();
    }
    return result;
}

std::vector<int> resolveRunFilter(const IniFile& ini, const std::string& config, const std::string& filter)
{
    std::vector<int> runs;
    if (trim(filter).empty()) {
        int n = ini.numRuns(config);
        for (int i = 0; i < n; i++)
            runs.push_back(i);
        return runs;
    }
    if (isRunNumberList(filter)) {
        int n = ini.numRuns(config);
        for (int r : parseRunNumberList(filter)) {
            if (r >= n)
                throw Error(strf("Run number %d in run list '%s' is out of range 0..%d", r, filter.c_str(), n - 1));
            runs.push_back(r);
        }
        return runs;
    }
    std::vector<RunInfo> infos = ini.unroll(config);
    for (int r = 0; r < (int)infos.size(); r++) {
        const RunInfo& ri = infos[r];
        VarLookup vl = [&](const std::string& name, std::string& out) {
            auto it = ri.iterVars.find(name);
            if (it != ri.iterVars.end()) {
                out = it->second;
                return true;
            }
            auto it2 = ri.attrs.find(name);
            if (it2 != ri.attrs.end()) {
                out = it2->second;
                return true;
            }
            return false;
        };
        try {
            if (evaluateBool(filter, vl))
                runs.push_back(r);
        }
        catch (Error& e) {
            throw Error("Cannot evaluate run filter: " + std::string(e.what()));
        }
    }
    return runs;
}
