#include "results.h"

#include <sys/stat.h>

#include <cerrno>
#include <cmath>
#include <cstring>

#include "strutil.h"

void makeDirs(const std::string& dir)
{
    if (dir.empty())
        return;
    std::string path;
    size_t pos = 0;
    while (pos != std::string::npos) {
        pos = dir.find('/', pos + 1);
        path = dir.substr(0, pos);
        if (path.empty())
            continue;
        if (mkdir(path.c_str(), 0777) != 0 && errno != EEXIST)
            throw Error("Cannot create directory '" + path + "': " + strerror(errno));
    }
    struct stat st;
    if (stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
        throw Error("Cannot create directory '" + dir + "'");
}

std::string directoryOf(const std::string& path)
{
    size_t slash = path.rfind('/');
    return slash == std::string::npos ? "" : path.substr(0, slash == 0 ? 1 : slash);
}

namespace {

// Config values that already are a single string literal are written as is,
// everything else is quoted if needed.
std::string configValue(const std::string& v)
{
    std::string unq;
    if (parseQuoted(v, unq))
        return v;
    return quoteIfNeeded(v);
}

std::string runHeader(const RunConfig& rc)
{
    std::string h = "run " + quoteIfNeeded(rc.attr("configname") + "-" + rc.attr("runnumber") + "-" +
                                           rc.attr("datetime") + "-" + rc.attr("processid")) + "\n";
    for (const auto& a : rc.attrs)
        h += "attr " + quoteIfNeeded(a.first) + " " + quoteIfNeeded(a.second) + "\n";
    for (const auto& iv : rc.iterVars)
        h += "itervar " + quoteIfNeeded(iv.first) + " " + quoteIfNeeded(iv.second) + "\n";
    for (const auto& e : rc.entries)
        h += "config " + quoteIfNeeded(e.first) + " " + configValue(e.second) + "\n";
    h += "\n";
    return h;
}

FILE *openOrThrow(const std::string& name, const char *what)
{
    makeDirs(directoryOf(name));
    FILE *f = fopen(name.c_str(), "w");
    if (!f)
        throw Error(strf("Cannot open %s '%s': %s", what, name.c_str(), strerror(errno)));
    return f;
}

}  // namespace

//----------------------------------------------------------------------------

ScalarWriter::~ScalarWriter()
{
    if (f)
        fclose(f);
}

void ScalarWriter::write(const std::string& s)
{
    if (fwrite(s.data(), 1, s.size(), f) != s.size())
        throw Error("Cannot write output scalar file '" + fname + "'");
}

void ScalarWriter::open(const std::string& fileName, const RunConfig& rc, int precision)
{
    fname = fileName;
    prec = precision;
    f = openOrThrow(fileName, "output scalar file");
    write("version 3\n");
    write(runHeader(rc));
}

void ScalarWriter::attrs(const AttrMap& a)
{
    for (const auto& kv : a)
        write("attr " + kv.first + " " + quoteIfNeeded(kv.second) + "\n");
}

void ScalarWriter::par(const std::string& module, const std::string& name, const std::string& value, const AttrMap& a)
{
    write("par " + quoteIfNeeded(module) + " " + quoteIfNeeded(name) + " " + quoteIfNeeded(value) + "\n");
    attrs(a);
}

void ScalarWriter::scalar(const std::string& module, const std::string& name, double value, const AttrMap& a)
{
    write("scalar " + quoteIfNeeded(module) + " " + quoteIfNeeded(name) + " " + fmtNum(value, prec) + "\n");
    attrs(a);
}

void ScalarWriter::statistic(const std::string& module, const std::string& name, const Statistics& st,
                             const AttrMap& a, Histogram *hist)
{
    write("statistic " + quoteIfNeeded(module) + " " + quoteIfNeeded(name) + "\n");
    write(strf("field count %lld\n", (long long)st.count()));
    write("field mean " + fmtNum(st.mean(), prec) + "\n");
    write("field stddev " + fmtNum(st.stddev(), prec) + "\n");
    write("field min " + fmtNum(st.min(), prec) + "\n");
    write("field max " + fmtNum(st.max(), prec) + "\n");
    write("field sum " + fmtNum(st.sum(), prec) + "\n");
    write("field sqrsum " + fmtNum(st.sqrsum(), prec) + "\n");
    attrs(a);
    if (hist)
        for (const auto& b : hist->bins())
            write("bin\t" + fmtNum(b.first, prec) + "\t" + fmtNum(b.second, prec) + "\n");
}

void ScalarWriter::close()
{
    if (!f)
        return;
    write("\n");
    if (fclose(f) != 0) {
        f = nullptr;
        throw Error("Cannot write output scalar file '" + fname + "'");
    }
    f = nullptr;
}

//----------------------------------------------------------------------------

VectorWriter::~VectorWriter()
{
    if (f)
        fclose(f);
    if (fi)
        fclose(fi);
}

void VectorWriter::writeVec(const std::string& s)
{
    if (fwrite(s.data(), 1, s.size(), f) != s.size())
        throw Error("Cannot write output vector file '" + fname + "'");
    offset += s.size();
}

void VectorWriter::writeIdx(const std::string& s)
{
    if (fwrite(s.data(), 1, s.size(), fi) != s.size())
        throw Error("Cannot write output vector index file '" + ifname + "'");
}

void VectorWriter::open(const std::string& vecFileName, const RunConfig& rc, int precision, size_t bufferSamples)
{
    fname = vecFileName;
    ifname = (endsWith(fname, ".vec") ? fname.substr(0, fname.size() - 4) : fname) + ".vci";
    prec = precision;
    bufferLimit = bufferSamples > 0 ? bufferSamples : 1;
    offset = 0;
    header = runHeader(rc);
}

void VectorWriter::ensureOpen()
{
    if (f)
        return;
    f = openOrThrow(fname, "output vector file");
    fi = openOrThrow(ifname, "index file");
    writeIdx(std::string(64, ' ') + "\n");  // room for the "file SIZE MTIME" fingerprint
    writeVec("version 3\n");
    writeIdx("version 3\n");
    writeVec(header);
    writeIdx(header);
}

int VectorWriter::registerVector(const std::string& module, const std::string& name, const AttrMap& attrs, bool recordEventNumbers)
{
    ensureOpen();
    Vec v;
    v.id = (int)vectors.size();
    v.eventNumbers = recordEventNumbers;
    vectors.push_back(v);
    std::string decl = strf("vector %d ", v.id) + quoteIfNeeded(module) + " " + quoteIfNeeded(name) + (recordEventNumbers ? " ETV\n" : " TV\n");
    for (const auto& kv : attrs)
        decl += "attr " + quoteIfNeeded(kv.first) + " " + quoteIfNeeded(kv.second) + "\n";
    writeVec(decl);
    writeIdx(decl);
    return v.id;
}

void VectorWriter::record(int id, int64_t eventNumber, int64_t timePs, double value)
{
    Vec& v = vectors[id];
    v.buffer.push_back(Sample{eventNumber, timePs, value});
    if (++buffered >= bufferLimit)
        writeAllBlocks();
}

void VectorWriter::writeBlock(Vec& v)
{
    if (v.buffer.empty())
        return;
    uint64_t blockOffset = offset;
    Statistics st;
    chunk.clear();
    for (const Sample& s : v.buffer) {
        chunk += std::to_string(v.id);
        chunk += '\t';
        if (v.eventNumbers) {
            chunk += std::to_string(s.event);
            chunk += '\t';
        }
        chunk += simtimeStr(s.t);
        chunk += '\t';
        chunk += fmtNum(s.value, prec);
        chunk += '\n';
        st.collect(s.value);
    }
    writeVec(chunk);
    const Sample& first = v.buffer.front();
    const Sample& last = v.buffer.back();
    std::string line = strf("%d\t%llu %llu ", v.id, (unsigned long long)blockOffset, (unsigned long long)(offset - blockOffset));
    if (v.eventNumbers)
        line += strf("%lld %lld ", (long long)first.event, (long long)last.event);
    line += simtimeStr(first.t) + " " + simtimeStr(last.t) + " " + std::to_string(st.count()) + " " +
            fmtNum(st.min(), prec) + " " + fmtNum(st.max(), prec) + " " + fmtNum(st.sum(), prec) + " " +
            fmtNum(st.sqrsum(), prec) + "\n";
    writeIdx(line);
    buffered -= v.buffer.size();
    v.buffer.clear();
}

void VectorWriter::writeAllBlocks()
{
    for (Vec& v : vectors)
        writeBlock(v);
}

void VectorWriter::close()
{
    if (!f)
        return;
    writeAllBlocks();
    writeVec("\n");
    writeIdx("\n");
    bool ok = fclose(f) == 0;
    f = nullptr;
    if (!ok)
        throw Error("Cannot write output vector file '" + fname + "'");
    struct stat st;
    if (stat(fname.c_str(), &st) == 0) {
        fseek(fi, 0, SEEK_SET);
        writeIdx(strf("file %lld %lld", (long long)st.st_size, (long long)st.st_mtime));
    }
    ok = fclose(fi) == 0;
    fi = nullptr;
    if (!ok)
        throw Error("Cannot write output vector index file '" + ifname + "'");
}
