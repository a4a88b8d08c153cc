package io.platforminfra.policy;

import java.util.function.IntPredicate;

/**
 * Text as the gate's machine-read reports may carry it, whatever a stack file put into a reason, a resource name
 * or a message: a report that a parser rejects hides every violation in it.
 */
final class ReportText {
    private static final int REPLACEMENT = '\uFFFD';

    private ReportText() {
    }

    /**
     * {@code text} with every character XML 1.0 does not allow in a document (control characters other than tab,
     * line feed and carriage return; U+FFFE, U+FFFF; unpaired surrogates) replaced by U+FFFD. A serializer escapes
     * {@code <}, {@code &} and {@code ]]>}, but cannot write these at all: as character references they are still
     * not well-formed (XML 1.0, section 2.2, production [2] Char).
     */
    static String forXml(String text) {
        return keeping(text, c -> c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || c >= Character.MIN_SUPPLEMENTARY_CODE_POINT);
    }

    /**
     * {@code text} with unpaired surrogates replaced by U+FFFD, so that it can be written as UTF-8 at all. JSON
     * writers escape control characters themselves.
     */
    static String wellFormed(String text) {
        return keeping(text, c -> c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE);
    }

    /**
     * {@code text} with every code point {@code allowed} refuses replaced by U+FFFD. A surrogate pair is read as the
     * one code point it encodes; an unpaired surrogate stays a code point of its own, in the surrogate range.
     */
    private static String keeping(String text, IntPredicate allowed) {
        return text.codePoints().map(c -> allowed.test(c) ? c : REPLACEMENT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
