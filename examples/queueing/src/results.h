// Writers for OMNeT++ 6 result files (format version 3):
//  - .sca: run header, then par/scalar/statistic entries with attr and bin lines;
//  - .vec: run header, vector declarations, tab-separated data lines written in
//    blocks; and the .vci index with one line per block (offset, size, event and
//    time range, count, min, max, sum, sqrsum) and a "file SIZE MTIME" line at
//    the top that is patched in when the vector file is closed.
#pragma once

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "ini.h"
#include "stats.h"

using AttrMap = std::map<std::string, std::string>;

// Creates a directory and its parents (like mkdir -p). Throws Error on failure.
void makeDirs(const std::string& dir);
std::string directoryOf(const std::string& path);

class ScalarWriter {
  public:
    ~ScalarWriter();
    void open(const std::string& fileName, const RunConfig& rc, int precision);
    bool isOpen() const { return f != nullptr; }
    void par(const std::string& module, const std::string& name, const std::string& value, const AttrMap& attrs = {});
    void scalar(const std::string& module, const std::string& name, double value, const AttrMap& attrs = {});
    void statistic(const std::string& module, const std::string& name, const Statistics& st,
                   const AttrMap& attrs = {}, Histogram *hist = nullptr);
    void close();

  private:
    FILE *f = nullptr;
    std::string fname;
    int prec = 14;
    void attrs(const AttrMap& a);
    void write(const std::string& s);
};

class VectorWriter {
  public:
    ~VectorWriter();
    // Prepares writing; the files are only created when the first vector is
    // registered, so a run that records no vectors leaves no .vec/.vci behind.
    // bufferSamples: total number of buffered samples (all vectors) that
    // triggers writing out a block for every vector, like vector-buffer.
    void open(const std::string& vecFileName, const RunConfig& rc, int precision, size_t bufferSamples);
    bool isOpen() const { return f != nullptr; }
    const std::string& fileName() const { return fname; }
    int registerVector(const std::string& module, const std::string& name, const AttrMap& attrs, bool recordEventNumbers = true);
    void record(int id, int64_t eventNumber, int64_t timePs, double value);
    void close();  // writes remaining blocks, then the index fingerprint

  private:
    struct Sample {
        int64_t event;
        int64_t t;
        double value;
    };
    struct Vec {
        int id;
        bool eventNumbers;
        std::vector<Sample> buffer;
    };
    FILE *f = nullptr, *fi = nullptr;
    std::string fname, ifname;
    int prec = 14;
    size_t bufferLimit = 32768, buffered = 0;
    uint64_t offset = 0;  // bytes written to the .vec file so far
    std::vector<Vec> vectors;
    std::string chunk;
    std::string header;

    void ensureOpen();
    void writeVec(const std::string& s);
    void writeIdx(const std::string& s);
    void writeBlock(Vec& v);
    void writeAllBlocks();
};
