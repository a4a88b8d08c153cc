package io.platforminfra.pipelines;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the pipeline scripts ask of the Pulumi CLI. Every preview and update refreshes first: for the properties the
 * program ignores after creation (node pool counts, PostgreSQL zones, the Kubernetes version on self-upgrading
 * channels) Pulumi otherwise sends the value recorded at creation (docs/deploy-fidelity.md).
 */
class PulumiScriptsTest {
    private static final Pattern PREVIEW_OR_UP = Pattern.compile("^\\s*(?:if\\s+)?pulumi\\s+(preview|up)\\b.*$",
            Pattern.MULTILINE);

    @Test
    void everyPreviewAndUpdateRefreshesFirst() throws IOException {
        var invocations = new ArrayList<String>();
        try (Stream<Path> scripts = Files.list(PipelineDefinition.ROOT.resolve("pipelines/scripts"))) {
            for (var script : scripts.filter(p -> p.toString().endsWith(".sh")).sorted().toList()) {
                var matcher = PREVIEW_OR_UP.matcher(Files.readString(script));
                while (matcher.find()) {
                    invocations.add(script.getFileName() + ": " + matcher.group().strip());
                }
            }
        }
        assertThat(invocations).as("pulumi preview/up in pipelines/scripts").hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(line -> assertThat(line).as(line).contains("--refresh"));
    }
}
