package io.simswarm.cli.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Run numbers written short, the way run filters are: {@code 0-41}, {@code 0-3, 7, 10-12}. */
final class RunNumbers {

    private RunNumbers() {
    }

    static String ranges(List<Integer> numbers) {
        List<String> ranges = new ArrayList<>();
        Integer first = null;
        Integer last = null;
        for (int number : new TreeSet<>(numbers)) {
            if (last != null && number == last + 1) {
                last = number;
                continue;
            }
            if (first != null) {
                ranges.add(range(first, last));
            }
            first = number;
            last = number;
        }
        if (first != null) {
            ranges.add(range(first, last));
        }
        return String.join(", ", ranges);
    }

    private static String range(int first, int last) {
        return first == last ? String.valueOf(first) : first + "-" + last;
    }
}
