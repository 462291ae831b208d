package cn.ruralfund.project.domain;

import java.util.Arrays;
import java.util.List;

/** Short lists kept in one text column, one item a line. */
public final class Lines {

    private Lines() {
    }

    public static String join(List<String> items) {
        return String.join("\n", items.stream().map(String::strip).toList());
    }

    public static List<String> split(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }
}
