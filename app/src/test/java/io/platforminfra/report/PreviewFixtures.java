package io.platforminfra.report;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The project's own {@code pulumi preview --json} documents in {@code app/src/test/resources/preview/}, shaped like the
 * CLI's real output for this platform's Azure resources:
 * <ul>
 *   <li>{@code dev-new-stage.json}: a stage created from scratch (creates, a secret input, a protected vault,
 *       unknown values)</li>
 *   <li>{@code dev-updates.json}: updates with detailed diffs, a rotated secret, values with {@code |} and a
 *       backtick, a provider that gives only {@code diffReasons}</li>
 *   <li>{@code prod-replacements.json}: replacements (one as three steps), deletes of stateful, protected and
 *       stateless resources, an update to an unknown value; no {@code changeSummary}</li>
 *   <li>{@code prod-protect.json}: {@code protect} switched off (a {@code same} step) and on (with an update)</li>
 *   <li>{@code prod-data-loss.json}: the resource group replaced, the workspace, the network, identities with and
 *       without federated credentials deleted or replaced, stateful types under an explicit API version</li>
 *   <li>{@code dev-secrets.json}: secrets in every form of Pulumi's envelope, at every depth, repeated unmarked in
 *       outputs and in diagnostics; every planted value contains {@code Pl4nted}</li>
 *   <li>{@code qa-failed.json}: a preview that failed after registering two resources: errors (one holding
 *       Markdown and a fence of its own), a warning, the program's output and a debug line</li>
 *   <li>{@code dev-no-changes.json}: nothing to do</li>
 * </ul>
 */
public final class PreviewFixtures {
    /** Where they are, relative to the repository root where Maven runs the tests. */
    public static final Path DIRECTORY = Path.of("app", "src", "test", "resources", "preview");

    private PreviewFixtures() {
    }

    /** The fixture called {@code name}. */
    public static Path file(String name) {
        return DIRECTORY.resolve(name);
    }

    /** The fixtures called {@code names}, read; each must be usable. */
    public static List<Preview> read(String... names) {
        return PreviewReader.readAll(Arrays.stream(names).map(PreviewFixtures::file).toList());
    }

    /** The comment for the fixtures called {@code names}. */
    public static String report(String... names) {
        return PreviewReport.markdown(read(names));
    }
}
