package io.platforminfra.config;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML file of the project ({@code Pulumi.yaml}, {@code Pulumi.<stage>.yaml}) read as the Pulumi CLI reads it, or
 * refused with the file's name and what is wrong, never with a stack trace.
 *
 * <p>The CLI decodes these files with {@code gopkg.in/yaml.v3} (v3.0.1; pulumi/pulumi {@code sdk/go.mod} and
 * {@code sdk/go/common/encoding/marshal.go}, commit 1b59498). What that means here:
 * <ul>
 *   <li>YAML 1.2 core schema: {@code ~}, {@code null}, {@code Null}, {@code NULL} and an empty value are null, and
 *       merge keys ({@code <<: *anchor}) are expanded, the mapping's own keys and then earlier merged maps winning
 *       (yaml.v3 {@code resolve.go} and {@code decode.go} {@code merge}). snakeyaml-engine's core schema does the
 *       same; its default JSON schema reads {@code ~} and {@code <<} as text.</li>
 *   <li>A key given twice is refused (yaml.v3: "mapping key already defined").</li>
 *   <li>Every key must be text: after decoding, the CLI refuses any other key anywhere in the file ("expected only
 *       string keys", {@code SimplifyMarshalledValue} in {@code sdk/go/common/workspace/project.go}).</li>
 *   <li>An anchor whose value contains its own alias is refused (yaml.v3: "anchor value contains itself").</li>
 *   <li>A UTF-8 byte order mark is skipped ({@code readFileStripUTF8BOM} in {@code loaders.go}).</li>
 * </ul>
 * Stricter than the CLI, on purpose:
 * <ul>
 *   <li>Only UTF-8. yaml.v3 would also decode UTF-16 with a byte order mark, but git shows such a file as binary,
 *       so a pull request could change a stage without a reviewer seeing a single line of the change.</li>
 *   <li>Nesting is limited to {@link #MAX_DEPTH} levels, counted after aliases are expanded. yaml.v3 stops at
 *       10,000 ({@code max_flow_level}, {@code max_indents} in {@code scannerc.go}); the Java parser recurses per
 *       level and overflows the stack at a few thousand. The deepest structure a valid stack file has is five levels
 *       ({@code config > platform-infra:cluster > userPools > item > availabilityZones}); 50 is SnakeYAML's own
 *       default limit (LoaderOptions.nestingDepthLimit, introduced against CVE-2022-25857), ten times that.</li>
 * </ul>
 */
final class YamlFile {
    /** The deepest nesting of maps and lists accepted, aliases expanded. */
    static final int MAX_DEPTH = 50;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private YamlFile() {
    }

    /**
     * The content of {@code path}: maps, lists and scalars as the YAML 1.2 core schema reads them, every key text.
     *
     * @return the document, or {@code null} for an empty file
     * @throws StackFileException naming the file, when it cannot be read, is not UTF-8 text or not acceptable YAML
     */
    static Object read(Path path) {
        var name = path.getFileName().toString();
        var text = text(path, name);
        var settings = LoadSettings.builder().setLabel(name)
                .setSchema(new CoreSchema())
                // The CLI refuses a key given twice; so does this loader, rather than silently taking the last.
                .setAllowDuplicateKeys(false)
                .build();
        try {
            var content = new Load(settings) {
                @Override
                protected Composer createComposer(String yaml) {
                    return composer(name, settings, yaml);
                }
            }.loadFromString(text);
            checkKeys(name, content);
            return content;
        } catch (YamlEngineException e) {
            throw new StackFileException(name + " is not valid YAML: " + e.getMessage());
        }
    }

    /**
     * Where each key of {@code path} is written, from the parser's marks: by path ({@code config},
     * {@code config.platform-infra:cluster.skuTier}, {@code config.platform-infra:waivers[0]} for a list item), the
     * line and column counted from 1. Keys that merge ({@code <<}) and what aliases repeat are not followed: a key is
     * where it is written.
     *
     * @throws StackFileException as {@link #read} does
     */
    static Map<String, int[]> positions(Path path) {
        var name = path.getFileName().toString();
        var text = text(path, name);
        var settings = LoadSettings.builder().setLabel(name).setSchema(new CoreSchema()).build();
        var positions = new LinkedHashMap<String, int[]>();
        try {
            composer(name, settings, text).getSingleNode().ifPresent(root -> walk("", root, positions));
        } catch (YamlEngineException e) {
            throw new StackFileException(name + " is not valid YAML: " + e.getMessage());
        }
        return positions;
    }

    private static void walk(String where, Node node, Map<String, int[]> positions) {
        if (node instanceof MappingNode mapping) {
            for (var tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && !key.getValue().equals("<<")) {
                    var path = where.isEmpty() ? key.getValue() : where + "." + key.getValue();
                    key.getStartMark().ifPresent(mark -> positions.putIfAbsent(path, position(mark)));
                    walk(path, tuple.getValueNode(), positions);
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            var items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                var path = where + "[" + i + "]";
                var item = items.get(i);
                item.getStartMark().ifPresent(mark -> positions.putIfAbsent(path, position(mark)));
                walk(path, item, positions);
            }
        }
    }

    private static int[] position(Mark mark) {
        return new int[] {mark.getLine() + 1, mark.getColumn() + 1};
    }

    private static String text(Path path, String name) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException | SecurityException e) {
            throw new StackFileException(name + " cannot be read: " + reason(e));
        }
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw new StackFileException(name + " is UTF-16 text: save it as UTF-8 (git shows UTF-16 as binary, so"
                    + " reviewers would not see its changes)");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new StackFileException(name + " is not a text file (a NUL byte at offset " + i + "; UTF-16 or"
                        + " binary?): stack files are UTF-8 YAML");
            }
        }
        int start = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new StackFileException(name + " is not UTF-8 text (" + e.getMessage() + "): stack files are UTF-8"
                    + " YAML");
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String reason(Exception e) {
        var kind = e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
    }

    /**
     * What composes the nodes of {@code text}: one pass of the parser, whose events are checked
     * ({@link CheckedEvents}) as the composer takes them, so the text is parsed once.
     */
    private static Composer composer(String name, LoadSettings settings, String text) {
        return new Composer(settings, new CheckedEvents(name, new ParserImpl(settings,
                new StreamReader(settings, text))));
    }

    /** A map or list being read, or one that is complete, with its height: levels of maps and lists it spans. */
    private static final class Collection {
        private boolean open = true;
        private int height = 1;
    }

    /**
     * The parser's events, refusing nesting deeper than {@link #MAX_DEPTH}, aliases expanded, and anchors that
     * contain their own alias, each as the composer takes it: the composer has then nested at most
     * {@link #MAX_DEPTH} levels, and nothing is built from a refused document, since values are built only after the
     * whole document is composed. Reading events takes no stack; building nested values does.
     */
    private static final class CheckedEvents implements Parser {
        private final String name;
        private final Parser parser;
        private final Deque<Collection> open = new ArrayDeque<>();
        /** The latest definition of each anchor; a scalar's is a complete collection of height 0. */
        private final Map<String, Collection> anchors = new HashMap<>();

        CheckedEvents(String name, Parser parser) {
            this.name = name;
            this.parser = parser;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return parser.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public boolean hasNext() {
            return parser.hasNext();
        }

        @Override
        public Event next() {
            var event = parser.next();
            check(event);
            return event;
        }

        private void check(Event event) {
            switch (event.getEventId()) {
                case MappingStart, SequenceStart -> {
                    var collection = new Collection();
                    open.push(collection);
                    anchor(event).ifPresent(anchor -> anchors.put(anchor, collection));
                    if (open.size() > MAX_DEPTH) {
                        throw tooDeep(name, event);
                    }
                }
                case MappingEnd, SequenceEnd -> {
                    var closed = open.pop();
                    closed.open = false;
                    if (!open.isEmpty()) {
                        open.peek().height = Math.max(open.peek().height, closed.height + 1);
                    }
                }
                case Scalar -> anchor(event).ifPresent(anchor -> {
                    var scalar = new Collection();
                    scalar.open = false;
                    scalar.height = 0;
                    anchors.put(anchor, scalar);
                });
                case Alias -> checkAlias((AliasEvent) event);
                default -> {
                }
            }
        }

        private void checkAlias(AliasEvent event) {
            var alias = event.getAlias().getValue();
            var target = anchors.get(alias);
            if (target == null) {
                return; // an undefined alias: the composer names it
            }
            if (target.open) {
                throw new StackFileException(name + ": anchor '" + alias + "' contains its own alias" + at(event)
                        + ", which would repeat forever (the Pulumi CLI refuses it too)");
            }
            if (open.size() + target.height > MAX_DEPTH) {
                throw tooDeep(name, event);
            }
            if (!open.isEmpty()) {
                open.peek().height = Math.max(open.peek().height, target.height + 1);
            }
        }
    }

    private static Optional<String> anchor(Event event) {
        return ((NodeEvent) event).getAnchor().map(a -> a.getValue());
    }

    private static StackFileException tooDeep(String name, Event event) {
        return new StackFileException(name + " nests maps and lists more than " + MAX_DEPTH + " levels deep" + at(event)
                + ", aliases expanded; no stack file needs more than a few");
    }

    private static String at(Event event) {
        return event.getStartMark().map(Mark::getLine).map(line -> " (line " + (line + 1) + ")").orElse("");
    }

    /**
     * Refuses a key that is not text anywhere in {@code content}, as the CLI does, and a value that is not a finite
     * number, naming where it is.
     */
    private static void checkKeys(String name, Object content) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Map.Entry<String, Object>> pending = new ArrayDeque<>();
        pending.push(Map.entry("", content == null ? "" : content));
        while (!pending.isEmpty()) {
            var next = pending.pop();
            var where = next.getKey();
            var value = next.getValue();
            if ((value instanceof Double number && !Double.isFinite(number))
                    || (value instanceof Float single && !Float.isFinite(single))) {
                // YAML's .nan and .inf: JSON, in which the engine hands structured config to the program, has no
                // such numbers (RFC 8259, section 6), so no program could receive them as they are written.
                throw new StackFileException(name + ": " + (where.isEmpty() ? "the file" : "'" + where + "'") + " is "
                        + value + " (YAML .nan or .inf), which is not a number config can carry: write a finite"
                        + " number, or quote it if it is meant as text");
            }
            if (!(value instanceof Map<?, ?> || value instanceof List<?>) || !seen.add(value)) {
                continue; // a scalar, or a collection an alias shares, already checked
            }
            if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    pending.push(Map.entry(where + "[" + i + "]", list.get(i) == null ? "" : list.get(i)));
                }
                continue;
            }
            for (var entry : ((Map<?, ?>) value).entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new StackFileException(name + ": " + (where.isEmpty() ? "a top-level key" : "a key in '"
                            + where + "'") + " is " + describe(entry.getKey()) + ", not text: the Pulumi CLI"
                            + " accepts only text keys (quote it if it is meant as text)");
                }
                pending.push(Map.entry(where.isEmpty() ? key : where + "." + key,
                        entry.getValue() == null ? "" : entry.getValue()));
            }
        }
    }

    private static String describe(Object key) {
        if (key == null) {
            return "null (~, null or nothing)";
        }
        return "the " + (key instanceof Boolean ? "boolean" : key instanceof Number ? "number" : "value") + " "
                + key;
    }
}
