#include "ini.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <ctime>
#include <fstream>

#include "expr.h"
#include "strutil.h"

namespace {

const char *const kPredefined[] = {
    "runid", "inifile", "configname", "runnumber", "description", "network", "experiment",
    "measurement", "replication", "processid", "datetime", "datetimef", "resultdir",
    "repetition", "seedset", "iterationvars", "iterationvarsf", "iterationvarsd",
};

// Options that apply to objects; written without an object path they mean "**.OPTION".
const char *const kPerObjectOptions[] = {
    "vector-recording", "scalar-recording", "param-recording", "statistic-recording",
    "bin-recording", "vector-recording-intervals", "vector-record-eventnumbers",
    "result-recording-modes", "cmdenv-log-level",
};

const long kMaxRuns = 10000000;

bool isPerObjectOption(const std::string& key)
{
    for (const char *o : kPerObjectOptions)
        if (key == o)
            return true;
    return false;
}

std::string addWildcardIfNeeded(const std::string& key)
{
    if (key.find('.') == std::string::npos && isPerObjectOption(key))
        return "**." + key;
    return key;
}

// Finds the '}' closing the "${" at text[pos]; honours quotes and nested parens.
size_t findVariableEnd(const std::string& text, size_t pos)
{
    int depth = 0;
    bool inQuotes = false;
    for (size_t i = pos + 2; i < text.size(); i++) {
        char c = text[i];
        if (inQuotes) {
            if (c == '\\')
                i++;
            else if (c == '"')
                inQuotes = false;
        }
        else if (c == '"')
            inQuotes = true;
        else if (c == '(' || c == '{' || c == '[')
            depth++;
        else if ((c == ')' || c == ']') && depth > 0)
            depth--;
        else if (c == '}') {
            if (depth == 0)
                return i;
            depth--;
        }
    }
    throw Error("Missing '}' for '${' in '" + text + "'");
}

bool isNameStart(char c) { return isalpha((unsigned char)c) || c == '_'; }
bool isNameChar(char c) { return isalnum((unsigned char)c) || c == '_'; }

// Parses the ${...} starting at text[pos]. Outputs the variable name (empty for
// unnamed iterations), the value spec (empty for plain references) and the
// index just past the closing brace.
void parseVariable(const std::string& text, size_t pos, std::string& name, std::string& value, size_t& end)
{
    size_t close = findVariableEnd(text, pos);
    std::string inner = text.substr(pos + 2, close - pos - 2);
    end = close + 1;
    name.clear();
    value.clear();
    size_t i = 0;
    while (i < inner.size() && isspace((unsigned char)inner[i]))
        i++;
    if (i < inner.size() && isNameStart(inner[i])) {
        size_t nb = i;
        while (i < inner.size() && isNameChar(inner[i]))
            i++;
        std::string id = inner.substr(nb, i - nb);
        while (i < inner.size() && isspace((unsigned char)inner[i]))
            i++;
        if (i == inner.size())
            name = id;  // ${x}: reference
        else if (inner[i] == '=' && (i + 1 >= inner.size() || inner[i + 1] != '=')) {
            name = id;
            value = inner.substr(i + 1);
        }
        else if (inner.find(',') != std::string::npos)
            value = inner;  // unnamed list of words, e.g. ${fast,slow}
        else
            throw Error("Missing '=' after '${" + id + "'");
    }
    else
        value = inner;
    if (!value.empty()) {
        value = trim(value);
        if (value.empty())
            throw Error("Empty iteration in '" + text + "'");
        // "${x=1..5 ! y}" (parallel iteration) is not supported
        size_t bang = value.rfind('!');
        if (bang != std::string::npos && value.find('"') == std::string::npos) {
            std::string after = trim(value.substr(bang + 1));
            if (!after.empty() && isNameStart(after[0]))
                throw Error("Parallel iterations ('! " + after + "') are not supported by this program");
        }
    }
}

std::string fmtRangeValue(double v, const std::string& unit)
{
    if (std::fabs(v) < 1e-12)
        v = 0;
    return strf("%.12g", v) + unit;
}

// Expands "1,2,5", "10..100 step 10", "0.5ms,1ms" into the list of values.
std::vector<std::string> expandValues(const std::string& spec)
{
    std::vector<std::string> out;
    for (std::string item : splitTopLevel(spec, ',')) {
        item = trim(item);
        if (item.empty())
            throw Error("Empty item in iteration '" + spec + "'");
        if (item.find('$') != std::string::npos)
            throw Error("Variable references inside iteration values are not supported: '" + item + "'");
        size_t dots = item[0] == '"' ? std::string::npos : item.find("..");
        if (dots == std::string::npos) {
            out.push_back(item);
            continue;
        }
        std::string from = trim(item.substr(0, dots)), rest = trim(item.substr(dots + 2)), step = "1";
        size_t sp = rest.find(" step ");
        if (sp == std::string::npos)
            sp = rest.find("\tstep ");
        if (sp != std::string::npos) {
            step = trim(rest.substr(sp + 6));
            rest = trim(rest.substr(0, sp));
        }
        double a, b, st;
        std::string ua, ub, us;
        if (!parseQuantity(from, a, ua) || !parseQuantity(rest, b, ub) || !parseQuantity(step, st, us))
            throw Error("Wrong range syntax '" + item + "' (expected FROM..TO or FROM..TO step STEP)");
        if (ub != ua || (!us.empty() && us != ua))
            throw Error("Range '" + item + "' mixes units");
        if (!(st > 0))
            throw Error("Range '" + item + "' needs a positive step");
        double n = std::floor((b - a) / st + 1e-9);
        if (n > kMaxRuns)
            throw Error("Range '" + item + "' has too many values");
        for (long i = 0; i <= (long)n; i++)
            out.push_back(fmtRangeValue(a + i * st, ua));
    }
    return out;
}

std::string makeDatetime()
{
    time_t now = time(nullptr);
    struct tm tmv;
    localtime_r(&now, &tmv);
    char buf[64];
    strftime(buf, sizeof buf, "%Y%m%d-%H:%M:%S", &tmv);
    return buf;
}

std::string removeColons(std::string s)
{
    s.erase(std::remove(s.begin(), s.end(), ':'), s.end());
    return s;
}

}  // namespace

bool isPredefinedVariable(const std::string& name)
{
    for (const char *p : kPredefined)
        if (name == p)
            return true;
    return false;
}

//----------------------------------------------------------------------------

void IniFile::readFile(const std::string& fileName)
{
    fname = fileName;
    std::ifstream in(fileName);
    if (!in)
        throw Error("Cannot open ini file '" + fileName + "'");
    std::string raw;
    int lineNo = 0;
    int current = -1;
    std::string pending;  // for backslash continuation
    int pendingLine = 0;
    while (std::getline(in, raw)) {
        lineNo++;
        if (!raw.empty() && raw.back() == '\r')
            raw.pop_back();
        if (!pending.empty() || (!raw.empty() && raw.back() == '\\')) {
            if (pending.empty())
                pendingLine = lineNo;
            if (!raw.empty() && raw.back() == '\\') {
                pending += raw.substr(0, raw.size() - 1);
                continue;
            }
            raw = pending + raw;
            pending.clear();
        }
        int at = pendingLine ? pendingLine : lineNo;
        pendingLine = 0;
        // strip comments ('#' outside string literals; ';' at line start)
        std::string line;
        bool inQuotes = false;
        for (size_t i = 0; i < raw.size(); i++) {
            char c = raw[i];
            if (inQuotes && c == '\\' && i + 1 < raw.size()) {
                line += c;
                line += raw[++i];
                continue;
            }
            if (c == '"')
                inQuotes = !inQuotes;
            if (c == '#' && !inQuotes)
                break;
            line += c;
        }
        line = trim(line);
        if (line.empty() || line[0] == ';')
            continue;
        std::string where = strf("%s:%d", fileName.c_str(), at);
        if (line[0] == '[') {
            if (line.back() != ']')
                throw Error("Syntax error in section heading at " + where);
            std::string name = trim(line.substr(1, line.size() - 2));
            if (startsWith(name, "Config ") || startsWith(name, "Config\t"))
                name = trim(name.substr(7));
            if (name.empty() || name.find(' ') != std::string::npos)
                throw Error("Invalid section name at " + where);
            if (findSection(name) != -1)
                throw Error("Duplicate section [" + name + "] at " + where);
            sections.push_back(IniSection{name, {}});
            current = (int)sections.size() - 1;
            continue;
        }
        if (startsWith(line, "include ") || startsWith(line, "include\t"))
            throw Error("'include' is not supported by this program, at " + where);
        size_t eq = line.find('=');
        if (eq == std::string::npos)
            throw Error("Line must be in the form key=value, at " + where);
        IniEntry e;
        e.key = trim(line.substr(0, eq));
        e.value = trim(line.substr(eq + 1));
        e.line = at;
        if (e.key.empty())
            throw Error("Missing key at " + where);
        if (current == -1) {
            current = findSection("General");
            if (current == -1) {
                sections.push_back(IniSection{"General", {}});
                current = (int)sections.size() - 1;
            }
        }
        for (const IniEntry& other : sections[current].entries)
            if (other.key == e.key)
                throw Error("Duplicate key '" + e.key + "' in section [" + sections[current].name + "], at " + where);
        sections[current].entries.push_back(e);
    }
    if (!pending.empty())
        throw Error("Ini file ends with a line continuation: " + fileName);
}

void IniFile::setCommandLineOptions(const StringMap& options)
{
    commandLine.clear();
    for (const auto& kv : options) {
        if (kv.second.empty())
            throw Error("Missing value for command-line option --" + kv.first);
        IniEntry e;
        e.key = kv.first;
        e.value = kv.second;
        commandLine.push_back(e);
    }
}

int IniFile::findSection(const std::string& name) const
{
    for (size_t i = 0; i < sections.size(); i++)
        if (sections[i].name == name)
            return (int)i;
    return -1;
}

std::vector<std::string> IniFile::configNames() const
{
    std::vector<std::string> r;
    for (const IniSection& s : sections)
        r.push_back(s.name);
    return r;
}

bool IniFile::hasConfig(const std::string& name) const
{
    return findSection(name) != -1 || name == "General";
}

std::vector<int> IniFile::chainIds(const std::string& config) const
{
    if (config.empty())
        throw Error("Empty config name specified");
    int id = findSection(config);
    if (id == -1) {
        if (config != "General")
            throw Error("No such config: " + config);
        return {};  // implicit, empty [General]
    }
    std::vector<int> chain;
    int generalId = findSection("General");
    while (id != -1) {
        if (std::find(chain.begin(), chain.end(), id) != chain.end())
            throw Error("Cycle in the section fallback chain at [" + sections[id].name + "]");
        chain.push_back(id);
        if (id == generalId)
            break;
        std::string extends;
        for (const IniEntry& e : sections[id].entries)
            if (e.key == "extends")
                extends = trim(e.value);
        if (extends.empty()) {
            id = generalId;
            continue;
        }
        if (extends.find(',') != std::string::npos || extends.find(' ') != std::string::npos)
            throw Error("[" + sections[id].name + "]: multiple inheritance ('extends = " + extends + "') is not supported by this program");
        int base = findSection(extends);
        if (base == -1 && extends != "General")
            throw Error("No such config: " + extends + " (referenced by 'extends' in [" + sections[id].name + "])");
        id = base;
    }
    return chain;
}

std::vector<std::string> IniFile::sectionChain(const std::string& config) const
{
    std::vector<std::string> r;
    for (int id : chainIds(config))
        r.push_back(sections[id].name);
    if (r.empty() || r.back() != "General")
        r.push_back("General");
    return r;
}

const std::string *IniFile::lookup(const std::vector<int>& chain, const std::string& key, int *sec, int *ent) const
{
    if (sec)
        *sec = -1;
    if (ent)
        *ent = -1;
    for (const IniEntry& e : commandLine)
        if (e.key == key)
            return &e.value;
    for (int sid : chain) {
        const std::vector<IniEntry>& es = sections[sid].entries;
        for (size_t i = 0; i < es.size(); i++) {
            if (es[i].key == key) {
                if (sec)
                    *sec = sid;
                if (ent)
                    *ent = (int)i;
                return &es[i].value;
            }
        }
    }
    return nullptr;
}

IniFile::Scenario IniFile::expand(const std::vector<int>& chain) const
{
    Scenario sc;
    int unnamedCount = 0;
    for (int sid : chain) {
        const std::vector<IniEntry>& es = sections[sid].entries;
        for (size_t eid = 0; eid < es.size(); eid++) {
            const std::string& v = es[eid].value;
            size_t pos = 0;
            int k = 0;
            while ((pos = v.find("${", pos)) != std::string::npos) {
                std::string name, spec;
                size_t end;
                try {
                    parseVariable(v, pos, name, spec, end);
                }
                catch (Error& e) {
                    throw Error(std::string("Scenario generator: ") + e.what() + " at " + es[eid].key + "=" + v);
                }
                if (!spec.empty()) {
                    IterVar iv;
                    if (!name.empty()) {
                        for (const IterVar& other : sc.vars)
                            if (other.name == name)
                                throw Error("Scenario generator: Redefinition of iteration variable ${" + name + "} in the configuration");
                        if (isPredefinedVariable(name))
                            throw Error("Scenario generator: ${" + name + "} is a predefined variable and cannot be changed");
                        iv.name = name;
                    }
                    else {
                        iv.name = std::to_string(unnamedCount++);
                        sc.locationToName[strf("%d:%zu:%d", sid, eid, k)] = iv.name;
                    }
                    try {
                        iv.values = expandValues(spec);
                    }
                    catch (Error& e) {
                        throw Error(std::string("Scenario generator: ") + e.what() + " at " + es[eid].key + "=" + v);
                    }
                    sc.vars.push_back(iv);
                }
                pos = end;
                k++;
            }
        }
    }

    // ${repetition}, from the repeat= option
    long repeat = 1;
    if (const std::string *r = lookup(chain, "repeat")) {
        Value val;
        try {
            val = evaluateExpr(*r, nullptr);
        }
        catch (Error& e) {
            throw Error("Error getting value of config option 'repeat': " + std::string(e.what()));
        }
        if (val.type != Value::NUM || val.num < 1 || val.num != std::floor(val.num) || val.num > kMaxRuns)
            throw Error("Wrong value '" + *r + "' for config option 'repeat': a positive integer is expected");
        repeat = (long)val.num;
    }
    IterVar rep;
    rep.name = "repetition";
    for (long i = 0; i < repeat; i++)
        rep.values.push_back(std::to_string(i));
    sc.vars.push_back(rep);

    // constraint
    const std::string *constraint = lookup(chain, "constraint");

    // enumerate combinations, last variable innermost
    for (const IterVar& iv : sc.vars)
        if (iv.values.empty())
            return sc;  // an empty iteration yields no runs
    std::vector<int> idx(sc.vars.size(), 0);
    long combos = 0;
    for (;;) {
        if (++combos > kMaxRuns)
            throw Error("Scenario generator: too many runs (more than 10 million)");
        bool ok = true;
        if (constraint) {
            VarLookup vl = [&](const std::string& n, std::string& out) {
                for (size_t i = 0; i < sc.vars.size(); i++)
                    if (sc.vars[i].name == n) {
                        out = sc.vars[i].values[idx[i]];
                        return true;
                    }
                return false;
            };
            try {
                ok = evaluateBool(*constraint, vl);
            }
            catch (Error& e) {
                throw Error("Scenario generator: Cannot evaluate constraint expression '" + *constraint + "': " + e.what());
            }
        }
        if (ok)
            sc.runs.push_back(idx);
        int k = (int)sc.vars.size() - 1;
        for (; k >= 0; k--) {
            if (++idx[k] < (int)sc.vars[k].values.size())
                break;
            idx[k] = 0;
        }
        if (k < 0)
            break;
    }
    return sc;
}

std::string IniFile::substitute(const std::string& text, const Vars& vars, int sec, int ent) const
{
    std::string result = text;
    size_t pos = 0;
    int k = 0;
    while ((pos = result.find("${", pos)) != std::string::npos) {
        std::string name, spec;
        size_t end;
        parseVariable(result, pos, name, spec, end);
        if (!spec.empty() && sec == -1)
            throw Error("Iterations are not supported in command-line options: '" + text + "'");
        if (name.empty()) {
            auto it = vars.locationToName ? vars.locationToName->find(strf("%d:%d:%d", sec, ent, k)) : StringMap::const_iterator();
            if (!vars.locationToName || it == vars.locationToName->end())
                throw Error("Iterations are only allowed in ini file entries, not in '" + text + "'");
            name = it->second;
        }
        std::string value;
        auto it = vars.iter.find(name);
        if (it != vars.iter.end())
            value = it->second;
        else {
            auto it2 = vars.predefined.find(name);
            if (it2 == vars.predefined.end())
                throw Error("No such variable: ${" + name + "}");
            value = it2->second;
        }
        result.replace(pos, end - pos, value);
        pos += value.size();
        k++;
    }
    return result;
}

std::string IniFile::getString(const std::vector<int>& chain, const std::string& key, const char *dflt, const Vars& vars) const
{
    int sec, ent;
    const std::string *v = lookup(chain, key, &sec, &ent);
    if (!v && !dflt)
        return "";
    try {
        std::string s = substitute(v ? *v : std::string(dflt), vars, sec, ent);
        std::string unquoted;
        if (parseQuoted(trim(s), unquoted))
            return unquoted;
        return s;
    }
    catch (Error& e) {
        throw Error("Error getting value of config option '" + key + "': " + e.what());
    }
}

IniFile::Vars IniFile::computeVars(const std::string& config, int runNumber, const std::vector<int>& chain, const Scenario& sc) const
{
    Vars v;
    v.locationToName = &sc.locationToName;
    const std::vector<int>& idx = sc.runs.at(runNumber);
    std::string iterationvars, iterationvarsf, iterationvarsd;
    for (size_t i = 0; i < sc.vars.size(); i++) {
        const std::string& name = sc.vars[i].name;
        const std::string& value = sc.vars[i].values[idx[i]];
        v.iter[name] = value;
        if (name == "repetition")
            continue;
        iterationvars += (iterationvars.empty() ? "" : ", ") + std::string("$") + name + "=" + value;
        std::string unq;
        std::string segment = (isNameStart(name[0]) ? name + "=" : "") + filenameEncode(parseQuoted(value, unq) ? unq : value);
        iterationvarsf += (iterationvarsf.empty() ? "" : ",") + segment;
        iterationvarsd += (iterationvarsd.empty() ? "" : "/") + segment;
    }
    if (!iterationvarsf.empty())
        iterationvarsf += "-";
    StringMap& p = v.predefined;
    p["iterationvars"] = iterationvars;
    p["iterationvarsf"] = iterationvarsf;
    p["iterationvarsd"] = iterationvarsd;
    p["repetition"] = v.iter["repetition"];
    p["inifile"] = fname;
    p["configname"] = config;
    p["runnumber"] = std::to_string(runNumber);
    std::string description = getString(chain, "description", nullptr, v);
    if (!description.empty())
        p["description"] = description;
    p["network"] = getString(chain, "network", "", v);
    p["processid"] = std::to_string((int)getpid());
    std::string datetime = makeDatetime();
    p["datetime"] = datetime;
    p["datetimef"] = removeColons(datetime);
    p["runid"] = config + "-" + p["runnumber"] + "-" + datetime + "-" + p["processid"];
    p["resultdir"] = getString(chain, "result-dir", "results", v);
    std::string seedset = getString(chain, "seed-set", "${runnumber}", v);
    Value sv;
    try {
        sv = evaluateExpr(seedset, nullptr);
    }
    catch (Error& e) {
        throw Error("Error getting value of config option 'seed-set': " + std::string(e.what()));
    }
    if (sv.type != Value::NUM || sv.num < 0 || sv.num != std::floor(sv.num))
        throw Error("Wrong value '" + seedset + "' for config option 'seed-set': a non-negative integer is expected");
    p["seedset"] = strf("%.0f", sv.num);
    p["experiment"] = getString(chain, "experiment-label", "${configname}", v);
    p["measurement"] = getString(chain, "measurement-label", "${iterationvars}", v);
    p["replication"] = getString(chain, "replication-label", "#${repetition}", v);
    return v;
}

std::string IniFile::runInfoString(const Scenario& sc, int run) const
{
    std::string s;
    for (size_t i = 0; i < sc.vars.size(); i++)
        s += (i ? ", " : "") + std::string("$") + sc.vars[i].name + "=" + sc.vars[i].values[sc.runs[run][i]];
    return s;
}

int IniFile::numRuns(const std::string& config) const
{
    try {
        return (int)expand(chainIds(config)).runs.size();
    }
    catch (Error& e) {
        std::string msg = e.what();
        if (startsWith(msg, "No such config"))
            throw;
        throw Error("Could not compute number of runs in config " + config + ": " + msg);
    }
}

std::vector<RunInfo> IniFile::unroll(const std::string& config) const
{
    std::vector<int> chain = chainIds(config);
    Scenario sc = expand(chain);
    std::vector<RunInfo> result;
    for (int r = 0; r < (int)sc.runs.size(); r++) {
        Vars v = computeVars(config, r, chain, sc);
        RunInfo ri;
        ri.info = runInfoString(sc, r);
        ri.iterVars = v.iter;
        ri.iterVars.erase("repetition");
        ri.attrs = v.predefined;
        for (int sid : chain) {
            const std::vector<IniEntry>& es = sections[sid].entries;
            for (size_t eid = 0; eid < es.size(); eid++)
                if (es[eid].value.find("${") != std::string::npos)
                    ri.configBrief += es[eid].key + " = " + substitute(es[eid].value, v, sid, (int)eid) + "\n";
        }
        result.push_back(ri);
    }
    return result;
}

RunConfig IniFile::extractRun(const std::string& config, int runNumber) const
{
    std::vector<int> chain = chainIds(config);
    Scenario sc = expand(chain);
    int n = (int)sc.runs.size();
    if (runNumber < 0 || runNumber >= n)
        throw Error(strf("Run number %d is out of range for configuration '%s': It contains %d run(s)", runNumber, config.c_str(), n));
    Vars v = computeVars(config, runNumber, chain, sc);

    RunConfig rc;
    rc.configName = config;
    rc.runNumber = runNumber;
    rc.info = runInfoString(sc, runNumber);
    rc.iterVars = v.iter;
    rc.iterVars.erase("repetition");
    // the attributes OMNeT++ 6.1 records for a run
    for (const char *a : {"configname", "datetime", "datetimef", "experiment", "inifile", "iterationvars",
                          "iterationvarsd", "iterationvarsf", "measurement", "network", "processid",
                          "repetition", "replication", "resultdir", "runnumber", "seedset"})
        rc.attrs[a] = v.predefined[a];

    for (const IniEntry& e : commandLine)
        rc.entries.emplace_back(addWildcardIfNeeded(e.key), substitute(e.value, v, -1, -1));
    for (int sid : chain) {
        const std::vector<IniEntry>& es = sections[sid].entries;
        for (size_t eid = 0; eid < es.size(); eid++)
            rc.entries.emplace_back(addWildcardIfNeeded(es[eid].key), substitute(es[eid].value, v, sid, (int)eid));
    }
    return rc;
}

//----------------------------------------------------------------------------

const std::string *RunConfig::option(const std::string& key) const
{
    for (const auto& e : entries)
        if (e.first == key)
            return &e.second;
    return nullptr;
}

std::string RunConfig::optionOr(const std::string& key, const std::string& dflt) const
{
    const std::string *v = option(key);
    if (!v)
        return dflt;
    std::string unq;
    return parseQuoted(*v, unq) ? unq : *v;
}

const std::string *RunConfig::perObjectOption(const std::string& object, const std::string& optionName) const
{
    std::string suffix = "." + optionName;
    for (const auto& e : entries)
        if (endsWith(e.first, suffix) && patternMatches(e.first.substr(0, e.first.size() - suffix.size()), object))
            return &e.second;
    return nullptr;
}

const std::string *RunConfig::param(const std::string& fullPath) const
{
    for (const auto& e : entries) {
        const std::string& key = e.first;
        size_t dot = key.rfind('.');
        if (dot == std::string::npos)
            continue;  // a global option
        if (key.find('-', dot) != std::string::npos)
            continue;  // a per-object option such as **.vector-recording
        if (patternMatches(key, fullPath))
            return &e.second;
    }
    return nullptr;
}

const std::string& RunConfig::attr(const std::string& name) const
{
    static const std::string empty;
    auto it = attrs.find(name);
    return it == attrs.end() ? empty : it->second;
}
