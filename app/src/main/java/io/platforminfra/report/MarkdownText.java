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

    /**
     * Longer messages in a block are cut: Pulumi's errors are a few lines; a longer one is in the job log, and the
     * comment must stay within what Azure DevOps accepts.
     */
    static final int MAX_BLOCK_LENGTH = 4000;

    /** {@code text} as plain text, with every character Markdown or HTML would interpret escaped. */
    static String plain(String text) {
        return plain(text, MAX_LENGTH);
    }

    /** {@code text} as escaped plain text on one line of at most {@code maxLength} characters. */
    static String plain(String text, int maxLength) {
        var escaped = new StringBuilder();
        for (var c : oneLine(text, maxLength).toCharArray()) {
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

    /**
     * {@code text} as a fenced code block of its own, lines and indentation kept: nothing in it is interpreted. The
     * fence is longer than any run of backticks in the text, so no line of it can close the block; control characters
     * other than tabs are dropped and the text is cut at {@link #MAX_BLOCK_LENGTH} characters.
     */
    static String block(String text) {
        var clean = text.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[\\p{Cntrl}&&[^\n\t]]", "")
                .stripTrailing();
        if (clean.length() > MAX_BLOCK_LENGTH) {
            clean = clean.substring(0, MAX_BLOCK_LENGTH) + "\n… (" + (clean.length() - MAX_BLOCK_LENGTH)
                    + " more characters in the job log)";
        }
        var longestRun = 0;
        var run = 0;
        for (var c : clean.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longestRun = Math.max(longestRun, run);
        }
        var fence = "`".repeat(Math.max(3, longestRun + 1));
        return fence + "text\n" + clean + "\n" + fence + "\n";
    }

    /** {@code text} on one line and at most {@link #MAX_LENGTH} characters long. */
    private static String oneLine(String text) {
        return oneLine(text, MAX_LENGTH);
    }

    private static String oneLine(String text, int maxLength) {
        var line = text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').replaceAll("\\p{Cntrl}", "");
        return line.length() <= maxLength ? line : line.substring(0, maxLength - 1) + "…";
    }
}
