package io.platforminfra.program;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/** The repository's {@code Pulumi.yaml} read as YAML, for tests of what the project declares. */
public final class ProjectFile {
    private ProjectFile() {
    }

    /**
     * The value under {@code path}, the keys of nested maps from the top ({@code "runtime", "options"}); the caller
     * names the type it expects there.
     */
    @SuppressWarnings("unchecked")
    public static <T> T at(String... path) {
        Object value;
        try {
            value = new Load(LoadSettings.builder().build())
                    .loadFromString(Files.readString(StageRuns.PROJECT.resolve("Pulumi.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (var key : path) {
            value = ((Map<String, Object>) value).get(key);
        }
        return (T) value;
    }
}
