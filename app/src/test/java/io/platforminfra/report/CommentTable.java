package io.platforminfra.report;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The changed-resources tables of a pull request comment, as the report's tests read them. */
final class CommentTable {
    private CommentTable() {
    }

    /** The rows of the changed-resources tables, without header and separator. */
    static List<String> rows(String comment) {
        return Arrays.stream(comment.split("\n"))
                .filter(line -> line.startsWith("| ") && !line.startsWith("| Change |") && !line.startsWith("| ---"))
                .toList();
    }

    /** The one table row that contains {@code text}; fails the test when there is none or more than one. */
    static String row(String comment, String text) {
        var rows = rows(comment).stream().filter(line -> line.contains(text)).toList();
        assertThat(rows).as("rows with " + text + " in\n" + comment).hasSize(1);
        return rows.get(0);
    }
}
