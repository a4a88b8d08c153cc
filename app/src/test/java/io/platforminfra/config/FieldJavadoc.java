package io.platforminfra.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Javadoc of a class and of its fields, read from its source file and turned into Markdown: the one place a
 * setting's meaning and default are written, which the generated reference (docs/configuration.md) shows. The
 * sources are those of this checkout (tests run from the project's root).
 *
 * @param type   the class's own Javadoc
 * @param fields each field's Javadoc, by field name
 */
record FieldJavadoc(String type, Map<String, String> fields) {
    private static final List<String> SOURCE_ROOTS = List.of("vocabulary", "components", "engine", "app");
    /** A Javadoc comment, the annotations after it, and the field (or class) it documents. */
    private static final Pattern FIELD = Pattern.compile(
            "(?m)^    /\\*\\*((?:(?!\\*/).)*?)\\*/\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*"
                    + "(?:(?:private|public|final|static)\\s+)*[\\w<>, ?.]+\\s+(\\w+)\\s*(?:=[^;]*)?;",
            Pattern.DOTALL);
    private static final Pattern TYPE = Pattern.compile(
            "(?m)^/\\*\\*((?:(?!\\*/).)*?)\\*/\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*public\\s+(?:final\\s+)?(?:class|record)",
            Pattern.DOTALL);

    /** The Javadoc of {@code type} and its fields. */
    static FieldJavadoc of(Class<?> type) {
        var source = read(type);
        var fields = new LinkedHashMap<String, String>();
        var matcher = FIELD.matcher(source);
        while (matcher.find()) {
            fields.put(matcher.group(2), markdown(matcher.group(1)));
        }
        var typeDoc = TYPE.matcher(source);
        return new FieldJavadoc(typeDoc.find() ? markdown(typeDoc.group(1)) : "", fields);
    }

    /** The Markdown of {@code name}'s Javadoc; a field without one is a mistake the reference test names. */
    String field(String name) {
        var doc = fields.get(name);
        if (doc == null || doc.isBlank()) {
            throw new IllegalStateException("Field " + name + " has no Javadoc: say what it means and its default");
        }
        return doc;
    }

    private static String read(Class<?> type) {
        var relative = type.getName().replace('.', '/') + ".java";
        var file = SOURCE_ROOTS.stream().map(root -> Path.of(root, "src/main/java", relative)).filter(Files::exists)
                .findFirst().orElseThrow(() -> new IllegalStateException("No source of " + type.getName()));
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Javadoc as one line of Markdown for a table cell. */
    static String markdown(String javadoc) {
        var text = String.join(" ", Stream.of(javadoc.split("\n"))
                .map(line -> line.replaceFirst("^\\s*\\*? ?", "").strip()).filter(line -> !line.isEmpty()).toList());
        text = text.replaceAll("<p>", " ")
                .replaceAll("\\{@code ([^}]*)}", "`$1`")
                .replaceAll("\\{@link #(\\w+)\\(?\\)?}", "`$1`")
                .replaceAll("\\{@link (\\w+)#(\\w+)\\(\\)}", "`$1.$2()`")
                .replaceAll("\\{@link (\\w+)#(\\w+)}", "`$1.$2`")
                .replaceAll("\\{@link ([\\w.]+)}", "`$1`")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                .replace("|", "\\|");
        return text.replaceAll("\\s+", " ").strip();
    }
}
