package io.platforminfra.program;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code scripts/bootstrap.sh} declares, read the way bash reads it, as far as the tests need: its
 * {@code readonly} arrays and strings, and its commands as shell words (line continuations joined, quotes removed,
 * variables left as written). Not a shell: it runs nothing and expands nothing but the {@code readonly} values.
 */
final class BootstrapScript {
    /** Where the script lives, relative to the project directory the tests run in. */
    static final String PATH = "scripts/bootstrap.sh";

    private static final Pattern ARRAY = Pattern.compile("(?ms)^readonly (\\w+)=\\((.*?)\\)\\s*$");
    private static final Pattern STRING =
            Pattern.compile("(?m)^readonly (\\w+)=(\"[^\"\\n]*\"|[^\\s(]\\S*)\\s*(#.*)?$");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)}?");
    private static final Pattern WHOLE_ARRAY = Pattern.compile("\\$\\{(\\w+)\\[[*@]]}");

    private final String text;
    private final Map<String, List<String>> arrays = new LinkedHashMap<>();
    private final Map<String, String> strings = new LinkedHashMap<>();
    private final List<List<String>> commands = new ArrayList<>();

    BootstrapScript(String text) {
        this.text = text;
        var arrayMatcher = ARRAY.matcher(text);
        while (arrayMatcher.find()) {
            var values = new ArrayList<String>();
            for (var line : arrayMatcher.group(2).split("\n")) {
                if (!line.isBlank()) {
                    values.addAll(words(line.trim()));
                }
            }
            arrays.put(arrayMatcher.group(1), List.copyOf(values));
        }
        var stringMatcher = STRING.matcher(text);
        while (stringMatcher.find()) {
            strings.put(stringMatcher.group(1), unquote(stringMatcher.group(2)));
        }
        // A backslash before a newline continues the line, inside double quotes too: bash removes both.
        for (var line : text.replace("\\\n", "").split("\n")) {
            var trimmed = line.trim();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                commands.add(words(trimmed));
            }
        }
    }

    /** The script in the project directory the tests run in. */
    static BootstrapScript inProject() {
        return new BootstrapScript(read(Path.of("").toAbsolutePath().resolve(PATH)));
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    String text() {
        return text;
    }

    /**
     * Runs this text as the script with {@code args}, from a copy in a temporary file, and returns its exit code
     * and output (stdout and stderr together). For the modes that touch nothing: {@code --print-names},
     * {@code --print-roles}.
     */
    Run run(String... args) {
        try {
            var copy = Files.createTempFile("bootstrap", ".sh");
            try {
                Files.writeString(copy, text);
                var command = new ArrayList<String>(List.of("bash", copy.toString()));
                command.addAll(List.of(args));
                var process = new ProcessBuilder(command).redirectErrorStream(true).start();
                var output = new String(process.getInputStream().readAllBytes());
                return new Run(process.waitFor(), output);
            } finally {
                Files.delete(copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + PATH, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + PATH, e);
        }
    }

    /** How a run of the script ended. */
    record Run(int exitCode, String output) {
        /** The output's lines, each split into its first {@code limit - 1} blank-separated words and the rest. */
        List<List<String>> rows(int limit) {
            return output.lines().map(line -> List.of(line.split(" ", limit))).toList();
        }
    }

    /**
     * The definition of the shell function {@code name} as the script writes it: {@code name() { ... }} on one line,
     * or from {@code name() {} to the first line that is exactly {@code }}.
     */
    String function(String name) {
        var matcher = Pattern.compile("(?ms)^" + Pattern.quote(name) + "\\(\\) \\{(?:[^\n]*}$|.*?^})").matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException(PATH + " defines no function " + name + "()");
        }
        return matcher.group();
    }

    /** The values of {@code readonly NAME=( ... )}, one shell word each (quotes removed), comments left out. */
    Optional<List<String>> array(String name) {
        return Optional.ofNullable(arrays.get(name));
    }

    /** The value of {@code readonly NAME="..."}. */
    Optional<String> string(String name) {
        return Optional.ofNullable(strings.get(name));
    }

    /** Every command line (continuations joined) whose first word is {@code command}, as shell words. */
    List<List<String>> calls(String command) {
        return commands.stream().filter(words -> words.get(0).equals(command)).toList();
    }

    /** Every command line, as shell words, in the script's order. */
    List<List<String>> commands() {
        return commands;
    }

    /**
     * A word with its {@code readonly} values put in: {@code "$NAME"} or {@code "${NAME}"} gives the string,
     * {@code "${NAME[*]}"} the array; anything else is split on blanks, as bash splits {@code read -a}.
     */
    List<String> values(String word) {
        var whole = WHOLE_ARRAY.matcher(word);
        if (whole.matches() && arrays.containsKey(whole.group(1))) {
            return arrays.get(whole.group(1));
        }
        return Arrays.asList(value(word).trim().split("\\s+"));
    }

    /** A word with a {@code readonly} string put in when it is exactly {@code $NAME} or {@code ${NAME}}. */
    String value(String word) {
        Matcher variable = VARIABLE.matcher(word);
        if (variable.matches() && strings.containsKey(variable.group(1))) {
            return strings.get(variable.group(1));
        }
        return word;
    }

    private static String unquote(String value) {
        return value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    /** Shell words of one line: blanks separate words outside quotes; quotes are removed; a comment ends the line. */
    static List<String> words(String line) {
        var words = new ArrayList<String>();
        var word = new StringBuilder();
        var inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                end = end < 0 ? line.length() : end;
                word.append(line, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                int j = i + 1;
                while (j < line.length() && line.charAt(j) != '"') {
                    if (line.charAt(j) == '\\' && j + 1 < line.length() && "\"\\$`".indexOf(line.charAt(j + 1)) >= 0) {
                        j++;
                    }
                    word.append(line.charAt(j));
                    j++;
                }
                i = j;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '#' && !inWord) {
                break;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
