package io.platforminfra.report;

import java.util.Optional;

/**
 * A message {@code pulumi preview} reported: an error, which means the preview failed, or a warning. Pulumi's
 * digest lists them under {@code diagnostics} with {@code urn}, {@code message} (the prefix already in it; older
 * versions give {@code prefix} apart) and {@code severity} ({@code debug}, {@code info}, {@code info#err},
 * {@code warning}, {@code error}: pulumi/pulumi sdk/go/common/diag/sink.go); debug and ephemeral messages are never
 * in it (pkg/backend/display/json.go, {@code ShowPreviewDigest}). The comment shows errors and warnings; the
 * program's own output ({@code info}, {@code info#err}) stays in the job log.
 *
 * @param severity error or warning
 * @param urn      the resource it is about, if any
 * @param message  the text, secrets masked, without terminal control characters
 */
public record Diagnostic(Severity severity, Optional<Urn> urn, String message) {

    /** The severities the comment shows. */
    public enum Severity {
        /** The preview failed. */
        ERROR,
        /** Something a reviewer should read. */
        WARNING;

        /** The severity of Pulumi's {@code severity} text; empty for those the comment does not show. */
        static Optional<Severity> of(String severity) {
            return switch (severity) {
                case "error" -> Optional.of(ERROR);
                case "warning" -> Optional.of(WARNING);
                default -> Optional.empty();
            };
        }
    }
}
