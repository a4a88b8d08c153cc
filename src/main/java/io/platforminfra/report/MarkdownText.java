package io.platforminfra.report;

/**
 * Text from a preview made safe for one line of Markdown, such as a table cell: values come from Azure and from
 * the program, and a {@code |}, a backtick or an HTML-like {@code <tenant>} must neither break the table nor vanish.
 */
final class MarkdownText {
    /** Longer values are cut: a policy document or a certificate in a table cell helps nobody. */
    private static final int MAX_LENGTH = 80;

    private MarkdownText() {
    }

    /**
     * {@code text} as inline code. A code span cannot escape its own delimiter, and renderers differ on escaped
     * pipes inside one, so text with a backtick or a pipe is written as escaped plain text instead.
     */
    static String code(String text) {
        var line = oneLine(text);
        return line.contains("`") || line.contains("|") ? plain(line) : "`" + line + "`";
    }

    /** {@code text} as plain text, with every character Markdown or HTML would interpret escaped. */
    static String plain(String text) {
        var escaped = new StringBuilder();
        for (var c : oneLine(text).toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '\\', '`', '|', '*', '_', '[', ']', '~', '#' -> escaped.append('\\').append(c);
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** {@code text} on one line and at most {@link #MAX_LENGTH} characters long. */
    private static String oneLine(String text) {
        var line = text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 1) + "…";
    }
}
