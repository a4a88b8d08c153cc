package io.platforminfra.policy;

/**
 * Text as the gate's machine-read reports may carry it, whatever a stack file put into a reason, a resource name
 * or a message: a report that a parser rejects hides every violation in it.
 */
final class ReportText {
    private static final char REPLACEMENT = '\uFFFD';

    private ReportText() {
    }

    /**
     * {@code text} with every character XML 1.0 does not allow in a document (control characters other than tab,
     * line feed and carriage return; U+FFFE, U+FFFF; unpaired surrogates) replaced by U+FFFD. A serializer escapes
     * {@code <}, {@code &} and {@code ]]>}, but cannot write these at all: as character references they are still
     * not well-formed (XML 1.0, section 2.2, production [2] Char).
     */
    static String forXml(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)) {
                out.append(c);
            } else {
                out.append(REPLACEMENT);
            }
        }
        return out.toString();
    }

    /**
     * {@code text} with unpaired surrogates replaced by U+FFFD, so that it can be written as UTF-8 at all. JSON
     * writers escape control characters themselves.
     */
    static String wellFormed(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? REPLACEMENT : c);
            }
        }
        return out.toString();
    }
}
