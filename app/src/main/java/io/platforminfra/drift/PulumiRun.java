package io.platforminfra.drift;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What one Pulumi command left for the check: its JSON (standard output), its exit code and, if kept, its standard
 * error, where the CLI writes an error that stops it before any JSON (login, missing stack).
 *
 * @param json     the file holding standard output of the command run with {@code --json}
 * @param exitCode the command's exit code
 * @param log      the file holding its standard error, if kept
 */
public record PulumiRun(Path json, int exitCode, Optional<Path> log) {
}
