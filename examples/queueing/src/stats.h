// Result collection objects: a running summary (count/mean/stddev/min/max/
// sum/sqrsum) and an auto-ranging histogram whose bins are written as
// "bin LOWER COUNT" lines, like OMNeT++'s cHistogram.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

class Statistics {
  public:
    void collect(double v);
    int64_t count() const { return n; }
    double sum() const { return s; }
    double sqrsum() const { return sq; }
    double min() const;
    double max() const;
    double mean() const;
    double stddev() const;

  private:
    int64_t n = 0;
    double s = 0, sq = 0, lo = 0, hi = 0;
};

// Precollects the first values, then picks a "nice" bin width (1, 2 or 5
// times a power of ten) and extends the range on demand; when there would be
// more than kMaxBins bins, neighbouring bins are merged (width doubles).
class Histogram {
  public:
    void collect(double v);
    // (lower bound, count) pairs: first the underflow bin (-inf), then the
    // regular bins, then the overflow bin starting at the upper edge.
    // Empty if no value was collected.
    std::vector<std::pair<double, double>> bins();

  private:
    static const size_t kPrecollect = 100;
    static const size_t kInitialBins = 30;
    static const size_t kMaxBins = 200;
    std::vector<double> pre;
    bool ranged = false;
    double lo = 0, width = 1;
    std::vector<double> counts;

    void setupRange();
    void insert(double v);
    void mergePairs();
};
