/**
 * The nightly drift check of one stage: reads what {@code pulumi refresh --preview-only --expect-no-changes --json}
 * and {@code pulumi preview --expect-no-changes --json} printed (with the report's reader, so secrets are masked the
 * same way), removes the reviewed noise of the ignore list ({@link io.platforminfra.drift.IgnoreList}) and tells
 * apart a clean stage, drift, a merged change never applied and a stage that could not be checked
 * ({@link io.platforminfra.drift.DriftCheck}).
 */
package io.platforminfra.drift;
